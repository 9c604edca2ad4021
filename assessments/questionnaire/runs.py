"""Runs: each pass through the check has its own id, storage, and optional saved copy.

The run id is in the URL (``/<lang>/check/<run>/<step>/``), so two tabs are two runs and
never overwrite each other; a browser session keeps a bounded number of them. "Continue later"
copies a run into ``SavedProgress``; its unguessable link restores it into a new run.
"""

from __future__ import annotations

import secrets

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from assessments.eligibility.answers import SCHEMA
from assessments.eligibility.choices import ResidenceStatus
from assessments.questionnaire import flow
from assessments.questionnaire.mapping import locate
from assessments.questionnaire.prefill import kept_answers, seed_answers
from assessments.questionnaire.services import progress_get
from assessments.questionnaire.storage import ANSWERS, ASKED, DRAFTS_KEY, empty_run
from assessments.results.selectors import assessment_get

WIZARD_PREFIX = "assessment_wizard"
#: The last step: "check your answers".
SUMMARY_STEP = flow.STEPS[-1][0]
RUN_ID_BYTES = 8
RUNS_SESSION_KEY = "prcheck_runs"
#: Runs kept per browser session; the oldest is dropped beyond this (bounds the session size).
MAX_RUNS_PER_SESSION = 5
# Keys of the run's ``extra_data``.
DRAFTS = "quiet_drafts"  # pages whose draft was kept unvalidated (shown without errors)
PENDING_ERRORS = "pending_errors"  # contract errors found by done(), by step
SAVED_TOKEN = "saved_token"  # the SavedProgress of this run, once "continue later" was used
PASTED_TRIPS = "pasted_trips"  # the travel step's box of pasted trips, until they are added
CHANGES_FROM = "changes_from"  # the token of the result whose answers this run changes
KEPT_ANSWERS = "kept_answers"  # answers of that result that no page asks (prefill.kept_answers)
#: Session key: {run id: token of the result it became}, for the runs of ``RUNS_SESSION_KEY``.
COMPLETED_SESSION_KEY = "prcheck_completed_runs"
#: What "continue later" keeps of ``extra_data``: what was typed, not the token.
SAVED_EXTRA = (DRAFTS, PASTED_TRIPS, CHANGES_FROM, KEPT_ANSWERS)


def new_run_id() -> str:
    return secrets.token_hex(RUN_ID_BYTES)


class RunConverter:
    """A run id in a URL: ``RUN_ID_BYTES`` random bytes in lower-case hex."""

    regex = f"[0-9a-f]{{{2 * RUN_ID_BYTES}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def run_session_key(run: str) -> str:
    """Return the session key of a run's storage (formtools prefixes it with ``wizard_``)."""
    return f"wizard_{WIZARD_PREFIX}_{run}"


def remember_run(session, run: str) -> None:
    """Keep at most ``MAX_RUNS_PER_SESSION`` runs in the session, dropping the oldest."""
    known = session.get(RUNS_SESSION_KEY, [])
    if known and known[-1] == run:
        return  # already the newest: leave the session unmodified (no write on a page view)
    runs = [r for r in known if r != run] + [run]
    for old in runs[:-MAX_RUNS_PER_SESSION]:
        session.pop(run_session_key(old), None)
    session[RUNS_SESSION_KEY] = runs[-MAX_RUNS_PER_SESSION:]
    completed = session.get(COMPLETED_SESSION_KEY)
    if completed and set(completed) - set(session[RUNS_SESSION_KEY]):
        kept = {r: t for r, t in completed.items() if r in session[RUNS_SESSION_KEY]}
        session[COMPLETED_SESSION_KEY] = kept


def remember_completed(session, run: str, token: str) -> None:
    """Remember that ``run`` became the result ``token`` (Back from the result reopens it)."""
    session[COMPLETED_SESSION_KEY] = {**session.get(COMPLETED_SESSION_KEY, {}), run: token}


def seed_run(session, run: str, *, assessment, today) -> None:
    """Fill ``run`` with the answers of a stored result, at "check your answers".

    The run's answers document is the result's (every page reads its answers from it);
    completing the run stores a new result that says what changed since this one.
    """
    session[run_session_key(run)] = empty_run(
        SUMMARY_STEP,
        answers=seed_answers(assessment.answers, today=today),
        extra={CHANGES_FROM: assessment.token, KEPT_ANSWERS: kept_answers(assessment.answers)},
    )
    remember_run(session, run)


def reopen_completed(session, run: str, *, today) -> bool:
    """Reopen a completed run from its result, so Back from the result shows the answers.

    The run's own answers were forgotten when it was completed; they are read back from the
    stored result while it is kept. Return whether the run was reopened.
    """
    if run_session_key(run) in session:
        return False
    token = session.get(COMPLETED_SESSION_KEY, {}).get(run)
    assessment = assessment_get(token=token) if token else None
    if assessment is None:
        return False
    seed_run(session, run, assessment=assessment, today=today)
    return True


#: ``?for=keep_pr`` on the check's start: the start page's link for permanent residents.
START_FOR_PARAM, KEEP_PR = "for", "keep_pr"


@require_safe
def check_start(request):
    """Start a new run, with its own id, at the first step.

    From the start page's link for permanent residents, the run begins with the status
    question answered (permanent residence, checked today) at the next page it asks: the
    keep-PR check then goes through the wizard's own pages (``flow.keeps_permanent_residence``).
    """
    run = new_run_id()
    if request.GET.get(START_FOR_PARAM) != KEEP_PR:
        return redirect("assessments:check_step", run=run, step=flow.STEPS[0][0])
    answers = {
        "schema": SCHEMA,
        "application_date": timezone.localdate().isoformat(),
        "status": ResidenceStatus.PERMANENT_RESIDENT.value,
    }
    first = flow.PAGE["grant"].name
    request.session[run_session_key(run)] = empty_run(
        first, answers=answers, asked={"naturalization": []}
    )
    remember_run(request.session, run)
    return redirect("assessments:check_step", run=run, step=first)


def saved_copy(data: dict) -> dict:
    """Return what "continue later" keeps: the answers document, the steering answers, the
    drafts of half-typed pages and the pasted trips (``storage.empty_run``)."""
    extra = {k: v for k, v in data.get("extra_data", {}).items() if k in SAVED_EXTRA}
    return {
        ANSWERS: data.get(ANSWERS, {}),
        ASKED: data.get(ASKED, {}),
        DRAFTS_KEY: data.get(DRAFTS_KEY, {}),
        "extra_data": extra,
    }


@require_safe
def check_saved(request, run):
    """Show the resume link of a run saved with "continue later"."""
    stored = request.session.get(run_session_key(run)) or {}
    token = stored.get("extra_data", {}).get(SAVED_TOKEN)
    progress = progress_get(token=token) if token else None
    if progress is None:
        raise Http404
    resume_url = request.build_absolute_uri(reverse("assessments:check_resume", args=[token]))
    step = stored.get("step") or flow.STEPS[0][0]
    context = {
        "resume_url": resume_url,
        "expires_at": timezone.localdate(progress.expires_at),
        "continue_url": reverse("assessments:check_step", kwargs={"run": run, "step": step}),
    }
    return render(request, "assessments/wizard/saved.html", context)


@require_safe
def check_resume(request, token):
    """Restore a saved run into a new run of this browser; unknown or expired tokens are 404.

    A run that has since been completed opens its result instead.
    """
    progress = progress_get(token=token)
    if progress is None:
        raise Http404
    if progress.assessment_id is not None:
        return redirect("assessments:result", token=progress.assessment.token)
    run = new_run_id()
    saved = progress.data if isinstance(progress.data, dict) else {}
    request.session[run_session_key(run)] = empty_run(
        progress.step,
        answers=saved.get(ANSWERS),
        asked=saved.get(ASKED),
        drafts=saved.get(DRAFTS_KEY),
        extra={**saved.get("extra_data", {}), SAVED_TOKEN: progress.token},
    )
    remember_run(request.session, run)
    step = progress.step if progress.step in dict(flow.STEPS) else flow.STEPS[0][0]
    return redirect("assessments:check_step", run=run, step=step)


@require_safe
def check_change(request, token):
    """Open a new run with the answers of the result ``token``, at "check your answers".

    ``?question=<contract key>`` opens the page that asks it instead (the result's "enter …
    and run the check again"), on the way back to the summary. Unknown or expired tokens are
    404. The earlier result is kept until it expires or the applicant deletes it.
    """
    assessment = assessment_get(token=token)
    if assessment is None:
        raise Http404
    run = new_run_id()
    seed_run(request.session, run, assessment=assessment, today=timezone.localdate())
    step, anchor = question_page(request.GET.get("question", ""), assessment.answers)
    url = reverse("assessments:check_step", kwargs={"run": run, "step": step})
    if step == SUMMARY_STEP:
        return redirect(url)
    return redirect(f"{url}?return=summary" + (f"#{anchor}" if anchor else ""))


def question_page(key: str, answers: dict) -> tuple[str, str]:
    """Return the step asking the contract key ``key`` and its field's id; else the summary."""
    location = locate(key, answers) if key else None
    if location is None or location.step is None:
        return SUMMARY_STEP, ""
    form_class = dict(flow.STEPS)[location.step]
    field = form_class.base_fields.get(location.field or "")
    if field is None:
        return location.step, ""
    suffix = "_0" if field.widget.use_fieldset else ""
    return location.step, f"id_{location.step}-{location.field}{suffix}"
