"""Drive the wizard through the test client, one step at a time (Smart Answers ADR 004 style).

``answer(step, **fields)`` adds the ``<step>-`` prefixes and the management field; a list
value for a repeating answer (``trips=[{...}]``) becomes formset rows with their management
form; a tuple is several ticked boxes of one question. Dates may be given as ``date``
objects, yes/no answers as ``True``/``False``.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from django.urls import reverse

from assessments.questionnaire.runs import WIZARD_PREFIX
from assessments.questionnaire.storage import ANSWERS, run_step_data

#: Pages that ask one group of answers, one thing at a time (profiles keep the group together).
PAGES = {
    "status": ("status", "stay"),
    "income": ("household", "income"),
    "hsp": ("hsp", "hsp_typed"),
}
GROUP_OF = {page: group for group, pages in PAGES.items() for page in pages}

RUN_IN_URL = re.compile(r"/check/(?P<run>[0-9a-f]{16})/(?P<step>[a-z_]+)/")


def _raw(value) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def step_data(step: str, fields: dict) -> dict:
    """Return POST data for ``step``: prefixed fields, formset rows and management forms."""
    data = {f"{WIZARD_PREFIX}-current_step": step}
    for name, value in fields.items():
        if isinstance(value, list):
            prefix = f"{step}-{name}"
            data[f"{prefix}-TOTAL_FORMS"] = str(len(value))
            data[f"{prefix}-INITIAL_FORMS"] = "0"
            for i, row in enumerate(value):
                for key, item in row.items():
                    data[f"{prefix}-{i}-{key}"] = _raw(item)
        elif isinstance(value, tuple):  # several ticked boxes of one question
            data[f"{step}-{name}"] = [_raw(item) for item in value]
        else:
            data[f"{step}-{name}"] = _raw(value)
    return data


class WizardDriver:
    """One applicant's run, in one language, through the Django test client."""

    def __init__(self, client, *, language: str = "en", start: str | None = None):
        """Start a run (or join the one ``start``, e.g. a resume link, redirects to)."""
        self.client = client
        self.language = language
        self.response = client.get(start or f"/{language}/check/")
        assert self.response.status_code == 302, self.response.status_code
        match = RUN_IN_URL.search(self.response["Location"])
        self.run = match["run"]

    def url(self, step: str, *, language: str | None = None, returning=False) -> str:
        from django.utils import translation

        with translation.override(language or self.language):
            url = reverse("assessments:check_step", kwargs={"run": self.run, "step": step})
        return f"{url}?return=summary" if returning else url

    def get(self, step: str, **kwargs):
        self.response = self.client.get(self.url(step, **kwargs))
        return self.response

    def answer(self, step: str, *, extra: dict | None = None, returning=False, **fields):
        """Post ``fields`` on ``step``; return the response (a redirect when accepted)."""
        data = step_data(step, fields)
        data.update(extra or {})
        self.response = self.client.post(self.url(step, returning=returning), data)
        return self.response

    def press(self, step: str, button: str, value: str = "1", **fields):
        """Post ``step`` with a button other than Continue (Back, add a row, save)."""
        return self.answer(step, extra={button: value}, **fields)

    def answer_pages(self, group: str, *, returning=False, **fields):
        """Answer the pages of ``group`` that the wizard asks, each taking its own ``fields``.

        Stops at the first page that is refused (its response is then ``self.response``), or
        where the wizard goes on to a page outside the group.
        """
        page = PAGES[group][0]
        while True:
            response = self.answer(page, returning=returning, **fields)
            page = self.next_step
            if page not in PAGES[group] or page == PAGES[group][0]:
                return response

    def answer_all(self, steps: dict) -> list[str]:
        """Answer ``steps`` in the order the wizard asks them, up to the summary; return it.

        ``steps`` is keyed by page, or by the group of pages (``PAGES``) that share answers.
        """
        order, step = [], "status"
        while step != "summary":
            order.append(step)
            fields = steps[step] if step in steps else steps[GROUP_OF[step]]
            response = self.answer(step, **fields)
            assert response.status_code == 302, (step, response.context["error_summary"])
            step = self.next_step
        return order

    @property
    def next_step(self) -> str | None:
        """Return the step the last response redirected to (None if it did not)."""
        if self.response.status_code != 302:
            return None
        match = RUN_IN_URL.search(urlsplit(self.response["Location"]).path)
        return match["step"] if match else None

    @property
    def form(self):
        return self.response.context["form"]

    def document(self) -> dict:
        """Return the run's answers document (contract keys) as the session holds it."""
        return self.client.session.get(f"wizard_{WIZARD_PREFIX}_{self.run}", {}).get(ANSWERS, {})

    def stored(self, step: str) -> dict | None:
        """Return the page's data as the run holds it: its draft, else read from the document."""
        key = f"wizard_{WIZARD_PREFIX}_{self.run}"
        return run_step_data(self.client.session.get(key, {}), step)
