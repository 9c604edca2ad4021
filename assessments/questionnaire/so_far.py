"""The answers so far, as a page's condition may read them: only those of pages shown.

A run keeps every answer ever given (``storage.RunStorage``: the answers document, the
steering answers), including those of a page the route no longer asks, so that changing the
route back brings them back. A condition must never be steered by such a stale answer:
``AnswersSoFar`` shows it only the contract keys written and the steering answers asked by
the pages it is given (those shown before it, ``flow.route``), plus the thresholds in force
on the application date and the points the HSP calculator gave for the profiles answered.
Which pages a run has answered, and each one's data as it would be posted (``answered``,
``page_data``), are read here too: the storage and the conditions read a page alike.
Nothing here reads a request, the wizard or the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError

from assessments.hsp.result import HspPointsResult
from assessments.questionnaire.mapping import CalculatedPoints, calculated_points
from assessments.questionnaire.prefill import page_values, step_data
from assessments.thresholds.snapshot import Thresholds

if TYPE_CHECKING:
    from assessments.questionnaire.flow import Step

#: Kept in ``asked`` under the page's name (``hsp_points.seen``) once the applicant went on
#: from a page that only shows something back.
SEEN = "seen"


def seen_key(page: Step) -> str:
    """Return what ``asked`` keeps once the applicant went on from a page that only shows."""
    return f"{page.name}.{SEEN}"


def answered(page: Step, answers: Mapping, asked: Mapping) -> bool:
    """Return whether the run holds the answers of ``page``.

    A page that writes contract keys is answered when the document holds any of them: a page
    writes all its keys at once, so a missing one is a question added to the page after the run
    was saved. The page's data then lacks it, and the page's form decides: a question this
    applicant is not asked (or may leave blank) is no obstacle; one they must answer makes the
    page invalid, so the wizard shows it again with every other answer in place. Its steering
    answers are read back from the document where not kept. A page that only steers is answered
    when every steering answer is kept. A page with neither only shows something (the
    calculated points): it is answered once the applicant went on from it (``SEEN``).
    """
    if page.writes:
        return any(key in answers for key in page.writes)
    if not page.asks:
        return seen_key(page) in asked
    return all(page.kept_name(name) in asked for name in page.asks)


def page_data(page: Step, answers: Mapping, asked: Mapping) -> dict[str, list[str]]:
    """Return the page's data as it would be posted, read from the document and ``asked``."""
    data = step_data(page.name, page_values(page.name, answers)) if page.writes else {}
    for name in page.asks:
        # Kept as typed wins over what the document implies; kept empty (a box left unticked,
        # a question the page did not ask then) is posted as nothing.
        if page.kept_name(name) in asked:
            data.pop(f"{page.name}-{name}", None)
            if asked[page.kept_name(name)]:
                data[f"{page.name}-{name}"] = list(asked[page.kept_name(name)])
    return data


@dataclass(frozen=True)
class AnswersSoFar:
    """What the pages ``shown`` answered: their contract keys and their steering answers.

    ``answers`` is the run's answers document, ``asked`` its steering answers (kept as typed,
    ``flow.Step.kept_name``), ``points`` the calculator's result for each profile page
    answered (by page name); all three may hold answers of pages not shown, never read here.
    """

    shown: tuple[Step, ...]
    answers: Mapping[str, Any] = field(default_factory=dict)
    asked: Mapping[str, list] = field(default_factory=dict)
    thresholds: Thresholds | None = None
    points: Mapping[str, HspPointsResult | None] = field(default_factory=dict)
    #: Each answered page's data as it would be posted, read once (shared by ``showing``).
    typed: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _pages(self) -> dict[str, Step]:
        return {page.name: page for page in self.shown}

    @cached_property
    def _written(self) -> frozenset[str]:
        return frozenset(key for page in self.shown for key in page.writes)

    def showing(self, pages: Iterable[Step]) -> AnswersSoFar:
        """Return the same answers as seen by ``pages`` (the route so far)."""
        return AnswersSoFar(
            tuple(pages), self.answers, self.asked, self.thresholds, self.points, self.typed
        )

    def answer(self, key: str, default=None):
        """Return the contract value of ``key``, if a page shown wrote it."""
        return self.answers.get(key, default) if key in self._written else default

    def date(self, key: str) -> dt.date | None:
        """Return the contract date ``key`` (ISO in the document), if a page shown wrote it."""
        value = self.answer(key)
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    @property
    def status(self) -> str | None:
        return self.answer("status")

    @property
    def application_date(self) -> dt.date | None:
        return self.date("application_date")

    def said(self, step: str, name: str):
        """Return the steering answer ``name`` of page ``step`` as its form reads it.

        None when the page is not shown or not answered, or the answer was left empty. As the
        page shows it (``page_data``): kept as typed, else read back from the document (a run
        seeded from a result keeps no steering answers); the page's own form field reads it
        ("yes" is True), so nothing is parsed twice.
        """
        page = self._pages.get(step)
        if page is None or name not in page.asks:
            return None
        if step not in self.typed:
            answered_page = answered(page, self.answers, self.asked)
            self.typed[step] = page_data(page, self.answers, self.asked) if answered_page else {}
        typed = self.typed[step].get(f"{step}-{name}")
        if not typed:
            return None
        form_field = page.form.base_fields[name]
        try:
            return form_field.clean(typed if len(typed) > 1 else typed[0])
        except ValidationError:
            return None

    def calculated(self, step: str) -> HspPointsResult | None:
        """Return the calculator's points for the profile page ``step``, if it is shown."""
        return self.points.get(step) if step in self._pages else None

    def calculated_points(
        self, sources: Mapping[str, str | None], profile_steps: Mapping[str, str]
    ) -> CalculatedPoints:
        """Return the points (and J-Skip) calculated from the profiles shown so far.

        ``sources`` says how each point date's points are given; ``profile_steps`` names the
        profile page of each point date.
        """
        results = {date: self.calculated(step) for date, step in profile_steps.items()}
        return calculated_points(sources, results)
