"""The wizard's storage: a run is its answers document, plus drafts of half-typed pages.

A run keeps a partial ``prcheck.answers/1`` document (``answers``: contract keys, as the API
takes them), the answers that only steer the check (``asked``: "any trips?", by question name,
as typed), and what was typed on a page not answered yet (``drafts``: formtools' raw page data,
by page). Every page is read from those: its draft if it has one, else its values in the
document (``prefill.page_values``) and its steering answers, once the document holds every
key the page writes (``flow.Step.writes``). An answered page writes its share of the contract
back (``record``). So "check your answers", the stored result and "continue later" all come
from the document, and a question moved to another page is found there without a migration.

formtools sees its usual storage API: ``get_step_data`` gives a page's data as it would have
been posted, ``set_step_data`` keeps what was typed (a draft until the page is answered).

formtools' ``SessionStorage`` marks the session modified whenever its data is *read*, so
every wizard page, GETs included, wrote the whole session back to the database. Here a read
is a read, and each writer marks the session modified.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.session import SessionStorage

from assessments.eligibility.answers import SCHEMA
from assessments.questionnaire import flow
from assessments.questionnaire.mapping import plain_answers
from assessments.questionnaire.prefill import raw
from assessments.questionnaire.so_far import answered, page_data, seen_key

ANSWERS, ASKED, DRAFTS_KEY = "answers", "asked", "drafts"
#: A run begun before the answers document kept every page as typed: read as drafts, until
#: each page is answered again (sessions only; saved runs were converted by migration 0019).
LEGACY_PAGES = "step_data"


def empty_run(step: str | None = None, *, answers=None, asked=None, drafts=None, extra=None):
    """Return a run's stored data (the session holds one per run, "continue later" a copy)."""
    return {
        "step": step,
        ANSWERS: dict(answers or {}),
        ASKED: dict(asked or {}),
        DRAFTS_KEY: dict(drafts or {}),
        "step_files": {},
        "extra_data": dict(extra or {}),
    }


def run_step_data(run: Mapping, step: str) -> dict[str, list[str]] | None:
    """Return the page's draft in the stored ``run``, else its answers read from the document
    (None: neither)."""
    for drafts in (run.get(DRAFTS_KEY) or {}, run.get(LEGACY_PAGES) or {}):
        if step in drafts:
            return drafts[step]
    return document_step_data(run, step)


def document_step_data(run: Mapping, step: str) -> dict[str, list[str]] | None:
    """Return the page's answers read from the stored ``run``'s document, drafts aside
    (None: the page is not answered)."""
    page = flow.PAGE.get(step)
    answers, asked = run.get(ANSWERS) or {}, run.get(ASKED) or {}
    if page is None or not answered(page, answers, asked):
        return None
    return page_data(page, answers, asked)


class RunStorage(SessionStorage):
    """A run as its answers document; formtools' storage API on top."""

    def init_data(self):
        self.data = empty_run()

    def _get_data(self):
        # formtools' SessionStorage._get_data sets ``request.session.modified = True`` on
        # every read; a read here leaves the session alone.
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)

    def _changed(self):
        self.request.session.modified = True

    def _set_current_step(self, step):
        if step != self._get_current_step():
            super()._set_current_step(step)
            self._changed()

    def _set_extra_data(self, extra_data):
        super()._set_extra_data(extra_data)
        self._changed()

    @property
    def answers(self) -> dict:
        """The run's answers document (partial: the keys of the pages answered so far)."""
        return self.data.setdefault(ANSWERS, {})

    @property
    def asked(self) -> dict:
        return self.data.setdefault(ASKED, {})

    @property
    def drafts(self) -> dict:
        return self.data.setdefault(DRAFTS_KEY, {})

    def get_step_data(self, step):
        """Return the page's draft, else its answers read from the document (None: neither)."""
        data = run_step_data(self.data, step)
        return None if data is None else MultiValueDict(data)

    def draft_pages(self) -> dict:
        """Return the drafts of the pages typed but not gone on from, by page."""
        return {**(self.data.get(LEGACY_PAGES) or {}), **self.drafts}

    def known_answers(self, page: flow.Step) -> dict:
        """Return the page's plain answers the document already holds, as the page shows them."""
        answers = self.answers
        return {key: raw(answers[key]) for key in plain_answers(page.name) if key in answers}

    def set_step_data(self, step, cleaned_data):
        """Keep what was typed on ``step`` as its draft, until ``record`` answers the page."""
        if isinstance(cleaned_data, MultiValueDict):
            cleaned_data = dict(cleaned_data.lists())
        self.drafts[step] = cleaned_data
        self._changed()

    def record(self, step: str, contract: Mapping, typed: Mapping) -> None:
        """Answer ``step``: its share of the contract into the document, its steering answers
        as typed; its draft is dropped."""
        page = flow.PAGE[step]
        if contract:
            self.answers.setdefault("schema", SCHEMA)
            self.answers.update(contract)
        for name in page.asks:
            self.asked[page.kept_name(name)] = list(typed.get(f"{step}-{name}", []))
        if not page.writes and not page.asks:
            self.asked[seen_key(page)] = []
        self.drafts.pop(step, None)
        self.data.get(LEGACY_PAGES, {}).pop(step, None)
        self._changed()

    def set_step_files(self, step, files):
        super().set_step_files(step, files)
        self._changed()
