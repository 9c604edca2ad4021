"""``manage.py assess FILE.json``: print the result JSON for an answers file.

Exit status 0 with the result on stdout; 2 with a message on stderr for a file that cannot
be read, is not JSON, or does not satisfy the answers contract (one line per field error).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.eligibility.answers import AnswersInvalid, answers_from_dict, answers_to_dict
from assessments.results.services import assessment_evaluate
from assessments.thresholds.snapshot import MissingThreshold
from assessments.web.messages import error_message, errors_to_lines

EXIT_BAD_INPUT = 2
EXIT_SERVER_ERROR = 1
LANGUAGES = ("en", "ja")
REFERENCE_DIGITS = 10


def read_input(path: str) -> str:
    """Return the text of ``path`` (``-`` is stdin); raise ``CommandError`` if unreadable."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(
            _("No such file: %(path)s") % {"path": path}, returncode=EXIT_BAD_INPUT
        ) from None
    except UnicodeDecodeError:
        message = _("%(path)s is not UTF-8 text.") % {"path": path}
        raise CommandError(message, returncode=EXIT_BAD_INPUT) from None
    except OSError as exc:
        message = _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror}
        raise CommandError(message, returncode=EXIT_BAD_INPUT) from None


def answers_reference(answers: dict) -> str:
    """Return a short reference derived from the answers: the same file, the same reference."""
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False).encode()
    return "CLI-" + hashlib.sha256(canonical).hexdigest()[:REFERENCE_DIGITS].upper()


class Command(BaseCommand):
    help = "Assess an answers file (prcheck.answers/1) and print the result JSON."
    # A one-shot reader of one file: Django's system checks (which import the URLconf and every
    # view) would be most of its run. `manage.py check` runs them.
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="answers JSON file, or - for standard input")
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default="en",
            help="language of error messages (default: en)",
        )
        parser.add_argument("--pdf", metavar="OUT.pdf", help="also write the PDF report here")
        parser.add_argument("--reference", help="reference printed on the PDF report")

    def handle(self, *args, file, lang, pdf=None, reference=None, **options):
        with translation.override(lang):
            answers = self.read_answers(file)
            try:
                result = assessment_evaluate(answers=answers).to_json()
            except MissingThreshold as exc:
                # Not the input's fault: the database lacks a key (migrations not run).
                message = _(
                    "The thresholds in the database are incomplete (%(detail)s). "
                    "Run `manage.py migrate`."
                ) % {"detail": exc}
                raise CommandError(message, returncode=EXIT_SERVER_ERROR) from None
            if pdf:
                from assessments.reports.pdf import (
                    report_pdf,  # WeasyPrint is loaded only for a PDF
                )

                answers_json = answers_to_dict(answers)
                reference = reference or answers_reference(answers_json)
                self.write_pdf(
                    pdf, report_pdf(result=result, answers=answers_json, reference=reference)
                )
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))

    def read_answers(self, path: str):
        text = read_input(path)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            message = f"{path}: {error_message('invalid_json')}"
            raise CommandError(message, returncode=EXIT_BAD_INPUT) from None
        try:
            return answers_from_dict(data, today=timezone.localdate())
        except AnswersInvalid as exc:
            lines = [_("%(path)s: the answers are not valid:") % {"path": path}]
            lines += ["  " + line for line in errors_to_lines(exc.errors)]
            raise CommandError("\n".join(lines), returncode=EXIT_BAD_INPUT) from None

    def write_pdf(self, path: str, content: bytes) -> None:
        try:
            Path(path).write_bytes(content)
        except OSError as exc:
            message = _("Cannot write %(path)s: %(reason)s") % {
                "path": path,
                "reason": exc.strerror,
            }
            raise CommandError(message, returncode=EXIT_BAD_INPUT) from None
