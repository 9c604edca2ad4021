"""The bilingual PDF report: render HTML from one template, then convert it with WeasyPrint.

Each step is testable on its own: ``report_render_html`` returns the Japanese-and-English
HTML, ``report_render_pdf`` turns any such HTML into PDF bytes. WeasyPrint never touches the
network or the file system directly: ``StaticFilesURLFetcher`` serves our own static files
(found by ``django.contrib.staticfiles``) and refuses every other URL. The Japanese font is
installed by ``make setup`` (fonts-morisawa-bizud-gothic) and named in ``report.css``, which
is parsed once per process with its fonts (``fetcher.report_renderer``), not once per render.
WeasyPrint is imported only when a PDF is rendered (``report_fetcher``): importing it takes
over a second, which every ``manage.py`` command and web process would otherwise pay.

A stored ``Assessment`` keeps its result and thresholds snapshot, so its report never changes:
``assessment_report_pdf`` renders it once and keeps the bytes on the row (run by the
``report_tasks.report_render`` task, off the web workers in production).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import timezone, translation

from assessments.results.models import Assessment
from assessments.results.presentation import result_page, stored_answers
from assessments.results.questions import NATURALIZATION, listed_sections

TEMPLATE = "assessments/report/report.html"
#: A permanent resident's check (route ``keep_pr``) has a report of its own.
KEEP_PR_TEMPLATE = "assessments/report/keep_pr.html"
#: The report's stylesheet, given to WeasyPrint once per process (``fetcher.report_renderer``).
STYLESHEET = "css/report.css"
#: WeasyPrint needs an absolute base URL to resolve ``/static/…``; it names no real host, and
#: the fetcher below answers for it from disk.
BASE_URL = "https://report.prcheck.invalid/"
#: Threshold keys that are prcheck's own editorial choices, not rules from a source.
OWN_THRESHOLD_PREFIXES = ("score.",)
KIND_ORDER = {"official": 0, "practice": 1, "draft": 2}
MIN_SHARED_TITLE = 8  # characters a document title must share to be written once
SECTION_SEPARATOR = re.compile(r",\s+")  # "1(3)ウ, 注1", never the comma in "3,000,000"
REFERENCE_LENGTH = 8  # hex digits of the token's hash shown on the report (32 bits: not a secret)
#: WeasyPrint's documented options for every report: a tagged PDF (headings, lists, reading
#: order and each block's language for screen readers; WeasyPrint then also asks viewers to
#: show the document's title rather than its file name, ``/DisplayDocTitle``).
PDF_OPTIONS = {"pdf_tags": True}


def _static_prefix() -> str:
    return settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"


def static_report_url(name: str) -> str:
    """Return the URL under which the report's fetcher serves the static file ``name``."""
    return BASE_URL.rstrip("/") + _static_prefix() + name


def static_name(url: str) -> str | None:
    """Return the static file name a report URL asks for, or None if it is not one."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    prefix = _static_prefix()
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or parts.query:
        return None
    if not parts.path.startswith(prefix):
        return None
    name = posixpath.normpath(unquote(parts.path[len(prefix) :]))
    if name.startswith(("/", "..")) or "\\" in name or "\x00" in name:
        return None
    return name


def static_path(name: str) -> str | None:
    try:
        found = finders.find(name)
        if found:
            return found
        if staticfiles_storage.exists(name):  # a hashed name from the collected files
            return staticfiles_storage.path(name)
    except (SuspiciousFileOperation, NotImplementedError, ValueError):
        return None
    return None


def report_reference(*, token: str) -> str:
    """Return a short, non-secret id for the report of the assessment with ``token``.

    It lets an applicant and their 行政書士 name the report; it cannot be turned back into
    the token, which stays the only key to the result.
    """
    digest = hashlib.sha256(token.encode()).hexdigest()[:REFERENCE_LENGTH].upper()
    return f"{digest[:4]}-{digest[4:]}"


def report_context(*, result: dict, answers: dict, reference: str, generated_at: dt.datetime):
    """Return the template context: the result page's model plus the answers, parsed to types."""
    page = result_page(result=result, answers=answers)
    parsed = stored_answers(answers, application_date=page.application_date)
    return {
        "page": page,
        "filing": page.filing,
        "answers": parsed,
        # The answer lists, row by row as the answers' declarations say (``results.questions``).
        "answer_sections": listed_sections(parsed) if parsed else [],
        "naturalization_answers": listed_sections(parsed, (NATURALIZATION,)) if parsed else [],
        "sources": report_sources(thresholds=_used_thresholds(page)),
        "reference": reference,
        "generated_on": timezone.localtime(generated_at).date(),
    }


def _used_thresholds(page) -> dict:
    """Return the thresholds the report cites: a permanent resident's check reads its own keys."""
    if page.keep_pr is None:
        return page.thresholds
    return {key: entry for key, entry in page.thresholds.items() if key.startswith("keep_pr.")}


def report_sources(*, thresholds) -> list[dict]:
    """Return the documents behind the thresholds the result used: one entry per URL.

    Thresholds citing sections of one document (the guideline's 1(3)ア, 2(1), …) become one
    line, "title 1(3)ア, 2(1)"; the scoring weights are prcheck's own and are left out.
    Official sources come first, then practitioners' rules of thumb, then drafts.
    """
    by_url: dict[str, dict] = {}
    for key, entry in sorted(thresholds.items()):
        if key.startswith(OWN_THRESHOLD_PREFIXES) or not hasattr(entry, "get"):
            continue
        url, title = entry.get("source_url") or "", entry.get("source_title") or ""
        if not title:
            continue
        source = by_url.setdefault(url, {"url": url, "titles": [], "kinds": []})
        if title not in source["titles"]:
            source["titles"].append(title)
        if entry.get("kind") not in source["kinds"]:
            source["kinds"].append(entry.get("kind"))
    sources = [
        {"url": s["url"], "title": _joined_title(s["titles"]), "kinds": _in_order(s["kinds"])}
        for s in by_url.values()
    ]
    return sorted(
        sources, key=lambda s: (KIND_ORDER.get(s["kinds"][0], len(KIND_ORDER)), s["title"])
    )


def _joined_title(titles: list[str]) -> str:
    """Write one document's titles once: the shared title, then each cited section."""
    titles = sorted(titles)
    prefix = os.path.commonprefix(titles)
    cut = max(prefix.rfind(" "), prefix.rfind("）"))
    if len(titles) == 1 or cut < MIN_SHARED_TITLE:
        return " / ".join(titles)
    shared = prefix[: cut + 1].strip()
    sections: list[str] = []
    for title in titles:
        for section in SECTION_SEPARATOR.split(title[cut + 1 :]):
            if section.strip() and section.strip() not in sections:
                sections.append(section.strip())
    return f"{shared} {', '.join(sections)}".strip()


def _in_order(kinds: list) -> list[str]:
    return sorted((k for k in kinds if k), key=lambda k: KIND_ORDER.get(k, len(KIND_ORDER)))


def report_render_html(
    *, result: dict, answers: dict, reference: str, generated_at: dt.datetime
) -> str:
    """Render the report's HTML: every section in Japanese, then in English."""
    context = report_context(
        result=result, answers=answers, reference=reference, generated_at=generated_at
    )
    # English is the source language of the msgids; the template asks for Japanese first.
    with translation.override("en"):
        template = KEEP_PR_TEMPLATE if context["page"].keep_pr else TEMPLATE
        return render_to_string(template, context)


def report_render_pdf(*, html: str) -> bytes:
    """Convert report HTML to PDF bytes with the report's stylesheet, from our own files only."""
    from weasyprint import HTML  # imported here: it takes over a second

    from assessments.reports.fetcher import report_renderer  # imports WeasyPrint too

    renderer = report_renderer()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=renderer.url_fetcher)
    return document.write_pdf(
        stylesheets=[renderer.stylesheet], font_config=renderer.font_config, **PDF_OPTIONS
    )


def report_pdf(*, result: dict, answers: dict, reference: str) -> bytes:
    """Return the PDF report for a result and its answers, dated now (the CLI's entry point)."""
    html = report_render_html(
        result=result, answers=answers, reference=reference, generated_at=timezone.now()
    )
    return report_render_pdf(html=html)


def assessment_report_pdf(*, assessment) -> bytes:
    """Return the stored assessment's report, rendering and keeping it on first use.

    The report is dated the day of the assessment and built from its stored result (with its
    thresholds snapshot), never re-evaluated: a threshold edited later leaves it unchanged.
    """
    if assessment.pdf:
        return bytes(assessment.pdf)
    html = report_render_html(
        result=assessment.result,
        answers=assessment.answers,
        reference=report_reference(token=assessment.token),
        generated_at=assessment.created_at,
    )
    pdf = report_render_pdf(html=html)
    # Two first downloads at once render the same bytes; the first one stored wins.
    Assessment.objects.filter(pk=assessment.pk, pdf__isnull=True).update(pdf=pdf)
    assessment.pdf = pdf
    return pdf
