"""The answers so far, as a page's condition may read them: only those of pages shown.

A run keeps every answer ever given (``storage.RunStorage``: the answers document, the
steering answers), including those of a page the route no longer asks, so that changing the
route back brings them back. A condition must never be steered by such a stale answer:
``AnswersSoFar`` shows it only the contract keys written and the steering answers asked by
the pages it is given (those shown before it, ``flow.route``), plus the thresholds in force
on the application date and the points the HSP calculator gave for the profiles answered.
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
from assessments.thresholds.snapshot import Thresholds

if TYPE_CHECKING:
    from assessments.questionnaire.flow import Step


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

    @cached_property
    def _pages(self) -> dict[str, Step]:
        return {page.name: page for page in self.shown}

    @cached_property
    def _written(self) -> frozenset[str]:
        return frozenset(key for page in self.shown for key in page.writes)

    def showing(self, pages: Iterable[Step]) -> AnswersSoFar:
        """Return the same answers as seen by ``pages`` (the route so far)."""
        return AnswersSoFar(tuple(pages), self.answers, self.asked, self.thresholds, self.points)

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

        None when the page is not shown, did not ask it, or it was left empty: the page's own
        form field reads what was typed ("yes" is True), so nothing is parsed twice.
        """
        page = self._pages.get(step)
        if page is None or name not in page.asks:
            return None
        typed = self.asked.get(page.kept_name(name))
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
