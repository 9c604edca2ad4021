"""The threshold trial: evaluate the built-in personas with a candidate version in place.

Before the admin saves a new version of a threshold, the engine runs every built-in persona
(``results.personas``) on the days around the candidate's ``valid_from`` and on the persona's
own date, once with the stored versions ("before") and once with the candidate added
("after"). A version that makes any evaluation raise (an empty income floor, a value the rules
cannot read) is refused with the persona named; the admin's preview shows which personas'
verdict, route or earliest date would change.

It lives in ``results`` because it joins stored thresholds and the engine, as
``assessment_evaluate`` does; the threshold admin (in ``thresholds``, below) reaches it through
the admin registered in ``results.admin``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessments.eligibility.answers import AnswersInvalid
from assessments.results.personas import Persona, builtin_personas
from assessments.results.services import assessment_evaluate
from assessments.thresholds.selectors import stored_versions
from assessments.thresholds.snapshot import ThresholdValue, resolve


@dataclass(frozen=True)
class Outcome:
    """What an applicant sees first: the verdict, the route and the earliest date."""

    overall: str
    route: str
    earliest_date: dt.date | None


@dataclass(frozen=True)
class PersonaTrial:
    """One persona evaluated on one day, before and after the candidate version.

    ``error`` names what the evaluation with the candidate raised (then ``after`` is None);
    ``before_error`` what the evaluation with the stored versions alone raised, if anything.
    """

    persona: str
    day: dt.date
    before: Outcome | None
    after: Outcome | None
    error: str | None = None
    before_error: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the candidate changes the verdict, the route or the earliest date."""
        return self.before != self.after or (self.error is not None) != (
            self.before_error is not None
        )


def threshold_trial(
    *,
    candidate: ThresholdValue,
    versions: Iterable[ThresholdValue] | None = None,
    personas: Sequence[Persona] | None = None,
) -> list[PersonaTrial]:
    """Evaluate every persona before and after ``candidate`` joins the stored versions.

    ``versions`` defaults to the versions that apply today (``stored_versions()``); a stored
    version of the same key and ``valid_from`` is replaced by the candidate. Each persona is
    evaluated on its own date and on the days either side of ``candidate.valid_from``; a day on
    which the persona's answers make no sense (a residence not yet begun) is left out.
    """
    before_timeline = tuple(stored_versions() if versions is None else versions)
    after_timeline = with_candidate(before_timeline, candidate)
    trials = []
    for persona in builtin_personas() if personas is None else personas:
        for day in trial_days(candidate, persona):
            try:
                answers = persona.answers(on=day)
            except AnswersInvalid:
                continue
            before, before_error = _before(persona, answers, before_timeline, day)
            after, error = _outcome(answers, after_timeline, day)
            trials.append(
                PersonaTrial(
                    persona=persona.name,
                    day=day,
                    before=before,
                    after=after,
                    error=error,
                    before_error=before_error,
                )
            )
    return trials


def trial_errors(trials: Iterable[PersonaTrial]) -> list[PersonaTrial]:
    """Return the trials that the candidate made raise (and that did not raise before)."""
    return [trial for trial in trials if trial.error is not None and trial.before_error is None]


def with_candidate(
    versions: Iterable[ThresholdValue], candidate: ThresholdValue
) -> tuple[ThresholdValue, ...]:
    """Return ``versions`` with ``candidate`` in place of any version of its key and date."""
    kept = tuple(
        version
        for version in versions
        if (version.key, version.valid_from) != (candidate.key, candidate.valid_from)
    )
    return (*kept, candidate)


def trial_days(candidate: ThresholdValue, persona: Persona) -> tuple[dt.date, ...]:
    """The persona's own date, the day before the candidate applies and its first day."""
    start = candidate.valid_from
    return tuple(sorted({persona.on, start - dt.timedelta(days=1), start}))


#: The "before" outcomes of the last timeline tried (the same stored versions, until one is
#: added): an admin correcting a refused form does not pay for them again. Only outcomes are
#: kept, never errors, which are tried again each time.
_before_memo: tuple[tuple, dict] | None = None


def forget_before_outcomes() -> None:
    """Forget the remembered "before" outcomes (the test suite starts each test without them)."""
    global _before_memo
    _before_memo = None


def _before(persona: Persona, answers, timeline: tuple, day: dt.date):
    global _before_memo
    if _before_memo is None or _before_memo[0] is not timeline:
        _before_memo = (timeline, {})
        memo = _before_memo[1]
    else:
        memo = _before_memo[1]
    key = (persona.name, persona.on, day)
    if key in memo:
        return memo[key], None
    outcome, error = _outcome(answers, timeline, day)
    if error is None:
        memo[key] = outcome
    return outcome, error


def _outcome(answers, timeline, day: dt.date) -> tuple[Outcome | None, str | None]:
    """Evaluate ``answers`` on ``day``; return the outcome, or the error it raised."""
    try:
        result = assessment_evaluate(answers=answers, thresholds=resolve(timeline, on=day))
    except Exception as error:  # noqa: BLE001 - any error is what the trial exists to catch
        return None, f"{type(error).__name__}: {error}"
    best = result.best
    return Outcome(overall=best.overall, route=best.route, earliest_date=best.earliest_date), None


def outcome_on(answers, timeline, day: dt.date) -> tuple[Outcome | None, str | None]:
    """Evaluate ``answers`` on ``day`` with ``timeline`` (the admin's preview re-evaluates
    stored assessments with it): the outcome, or the error it raised."""
    return _outcome(answers, timeline, day)
