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

from assessments.questionnaire import flow
from assessments.questionnaire.services import progress_get

WIZARD_PREFIX = "assessment_wizard"
RUN_ID_BYTES = 8
RUNS_SESSION_KEY = "prcheck_runs"
#: Runs kept per browser session; the oldest is dropped beyond this (bounds the session size).
MAX_RUNS_PER_SESSION = 5
# Keys of the run's ``extra_data``.
DRAFTS = "drafts"  # steps whose stored data was kept unvalidated (shown without errors)
PENDING_ERRORS = "pending_errors"  # contract errors found by done(), by step
SAVED_TOKEN = "saved_token"  # the SavedProgress of this run, once "continue later" was used
PASTED_TRIPS = "pasted_trips"  # the travel step's box of pasted trips, until they are added
#: What "continue later" keeps of ``extra_data``: what was typed, not the token.
SAVED_EXTRA = (DRAFTS, PASTED_TRIPS)


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


@require_safe
def check_start(request):
    """Start a new run, with its own id, at the first step."""
    return redirect("assessments:check_step", run=new_run_id(), step=flow.STEPS[0][0])


def saved_copy(data: dict) -> dict:
    """Return what "continue later" keeps: the step data, the drafts and the pasted trips."""
    extra = {k: v for k, v in data.get("extra_data", {}).items() if k in SAVED_EXTRA}
    return {"step_data": data.get("step_data", {}), "extra_data": extra}


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
    request.session[run_session_key(run)] = {
        "step": progress.step,
        "step_data": saved.get("step_data", {}),
        "step_files": {},
        "extra_data": {**saved.get("extra_data", {}), SAVED_TOKEN: progress.token},
    }
    remember_run(request.session, run)
    step = progress.step if progress.step in dict(flow.STEPS) else flow.STEPS[0][0]
    return redirect("assessments:check_step", run=run, step=step)
