"""Many trips at once on the travel step: paste lines or upload a CSV, preview, then add.

"Preview" shows the step again with a table: each line, its dates and days abroad, or what
is wrong with it. "Add these trips and continue" adds them all to the trip rows and answers the
step as Continue would. When some lines do not read, "Add the 28 trips that read" adds those
and keeps the others in the box, each with what is wrong with it, to be corrected and added
next (the step is not answered yet). Continue with something in the box says that it is not
added yet (an error on the box), with the same preview and buttons: pasted trips are never
dropped or added silently. What was typed in the rest of the step is kept either way.
The reading itself is ``trip_parsing``; the wording, the template ``_trip_import.html``.

The text in the box is kept with the run (``PASTED_TRIPS`` in its extra data, beside the
drafts) until the trips are added, so Back, "continue later", another language or coming back
to the step show it again.
"""

from __future__ import annotations

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessments.eligibility.answers import MAX_LIST_ITEMS
from assessments.questionnaire.drafts import row_total
from assessments.questionnaire.forms import YesNo
from assessments.questionnaire.runs import PASTED_TRIPS
from assessments.questionnaire.trip_parsing import TripImport, parse_trip_csv, parse_trips
from assessments.web.formats import shortdate

STEP = "travel"
ROWS = "trips"
PREVIEW, IMPORT = "wizard_preview_trips", "wizard_import_trips"
#: "Add the 28 trips that read": the lines that do not read stay in the box.
IMPORT_READ = "wizard_import_read_trips"
BUTTONS = (PREVIEW, IMPORT, IMPORT_READ)
PASTE, UPLOAD = "trips_paste", "trips_csv"
#: Longest paste or file read: a line per trip for the contract's 200 trips, with room to spare.
MAX_PASTE_CHARS = 32 * 1024
MAX_UPLOAD_BYTES = 256 * 1024
#: Encodings a spreadsheet saves CSV in: UTF-8 (with or without BOM), then Excel's Shift_JIS.
CSV_ENCODINGS = ("utf-8-sig", "cp932")

LINE_MESSAGES = {
    "two_dates": gettext_lazy(
        "Write the day you left and the day you came back on this line, "
        "for example 2024/8/1-2024/8/20."
    ),
    "ambiguous_date": gettext_lazy(
        "Write the year first (2024/8/1) or the month in words (1 Aug 2024): "
        "1/8/2024 could be 1 August or 8 January."
    ),
    "invalid_date": gettext_lazy("“%(text)s” is not a real date."),
    "return_before_departure": gettext_lazy(
        "The day you came back is before the day you left: put the day you left first."
    ),
    "no_departure": gettext_lazy("Enter the day you left in the departure column."),
    "no_return": gettext_lazy("Enter the day you came back in the return column."),
    "unreadable_line": gettext_lazy(
        "This line cannot be read: put one date in each cell, and close every quotation mark."
    ),
}
INPUT_MESSAGES = {
    "empty": gettext_lazy(
        "Paste your trips, one per line, or choose a CSV file, then preview them."
    ),
    "no_columns": gettext_lazy(
        "Line %(line)s of the file: name the columns “departure” and “return” "
        "(or 出国日 and 帰国日), or start the file with the first trip."
    ),
    "too_many": gettext_lazy("Enter at most %(maximum)s trips in all."),
    "unreadable": gettext_lazy(
        "This file cannot be read: save it from your spreadsheet as CSV, then choose it again."
    ),
    "file_too_large": gettext_lazy(
        "This file is too large for a list of trips: choose a CSV file."
    ),
}


class TripImportMixin:
    """The travel step's "paste or upload many trips" (works without JavaScript)."""

    def wants_trip_import(self, step) -> bool:
        """Return whether this POST previews or adds pasted trips (Continue with a paste too).

        Continue with something in the box says it is not added yet, unless the applicant
        answered that they have no trips (the box is then hidden, and what it holds ignored).
        """
        post = self.request.POST
        if step != STEP or any(
            name in post for name in ("wizard_goto_step", "wizard_language", "wizard_save")
        ):
            return False
        if any(button in post for button in BUTTONS):
            return True
        pasted = post.get(PASTE, "").strip() or self.request.FILES.get(UPLOAD)
        no_trips = post.get(f"{self.get_form_prefix(step)}-has_trips") == YesNo.NO.value
        return bool(pasted) and not no_trips

    def import_trips(self, step, typed):
        parsed, text = self._read_trips()
        post = self.request.POST
        rows_prefix = f"{self.get_form_prefix(step)}-{ROWS}"
        existing = _filled_rows(typed, rows_prefix)  # rows typed one by one are kept
        if not parsed.error and len(existing) + len(parsed.trips) > MAX_LIST_ITEMS:
            parsed = TripImport(parsed.lines, error="too_many", params={"maximum": MAX_LIST_ITEMS})
        if (IMPORT in post or IMPORT_READ in post) and parsed.ok:
            typed = _with_trips(typed, self.get_form_prefix(step), existing, parsed.trips)
            return self.submit_typed(step, typed)
        if IMPORT_READ in post and parsed.partly_read:
            return self._add_the_trips_read(step, typed, existing, parsed)
        self.keep_draft(step, typed)
        self.keep_pasted_trips(step, text)  # a file's trips, once read, are what the box shows
        continuing = not any(button in post for button in BUTTONS)
        preview = trip_preview(parsed, not_added=continuing)
        return self.render(
            self.draft_form(step, MultiValueDict(typed)), trip_preview=preview, trips_paste=text
        )

    def _add_the_trips_read(self, step, typed, existing, parsed: TripImport):
        """Add the trips that read; keep the other lines in the box, each with its error.

        The step stays a draft (not answered): the applicant corrects the lines left, adds
        them or deletes them, then continues.
        """
        typed = _with_trips(typed, self.get_form_prefix(step), existing, parsed.trips)
        left = "\n".join(line.text for line in parsed.errors)
        self.keep_draft(step, typed)
        self.keep_pasted_trips(step, left)
        preview = trip_preview(parse_trips(left), added=len(parsed.trips))
        return self.render(
            self.draft_form(step, MultiValueDict(typed)), trip_preview=preview, trips_paste=left
        )

    def submit_typed(self, step, typed):
        """Answer the step with the trips added, as Continue would: on to the next question,
        or the step again with its errors (a trip that overlaps one already listed, say)."""
        return self.submit(step, typed, data=MultiValueDict(typed))

    def keep_pasted_trips(self, step, text: str | None = None) -> None:
        """Keep the text of the trips box with the run, cut to ``MAX_PASTE_CHARS``.

        ``text`` is what the box shows; by default, what was posted in it. An empty box keeps
        nothing, so a run that never pasted stores nothing more.
        """
        if step == STEP:
            text = self.request.POST.get(PASTE, "") if text is None else text
            self._set_pasted_trips(text[:MAX_PASTE_CHARS] if text.strip() else "")

    def forget_pasted_trips(self, step) -> None:
        """Drop the kept text once the step is answered: its trips are added, or it was emptied."""
        if step == STEP:
            self._set_pasted_trips("")

    def _set_pasted_trips(self, text: str) -> None:
        extra = {k: v for k, v in self.storage.extra_data.items() if k != PASTED_TRIPS}
        if text:
            extra[PASTED_TRIPS] = text
        if extra != self.storage.extra_data:  # a page left as it was writes no session
            self.storage.extra_data = extra

    def trip_import_context(self, kwargs) -> dict:
        """Return the text for the trips box (as posted, else as kept with the run), and the
        error summary of a preview with errors (the step form itself has none)."""
        context = {"trips_paste": kwargs.get("trips_paste", self.pasted_trips())}
        preview = kwargs.get("trip_preview")
        if preview and preview["error"]:
            context["error_summary"] = [("id_trips_paste", preview["error"])]
        return context

    def pasted_trips(self) -> str:
        return self.storage.extra_data.get(PASTED_TRIPS, "")

    def _read_trips(self) -> tuple[TripImport, str]:
        """Read the uploaded file if there is one, else the pasted text."""
        upload = self.request.FILES.get(UPLOAD)
        if upload is None:
            text = self.request.POST.get(PASTE, "")[:MAX_PASTE_CHARS]
            return parse_trips(text), text
        if upload.size > MAX_UPLOAD_BYTES:
            return TripImport(lines=(), error="file_too_large"), ""
        content = upload.read(MAX_UPLOAD_BYTES)
        for encoding in CSV_ENCODINGS:
            try:
                decoded = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            parsed = parse_trip_csv(decoded)
            # The rows, once read, go into the text box: "Add" then posts them as lines (a
            # trip as its dates, a row that does not read as it is, to be corrected there).
            text = "\n".join(
                line.text if line.error else f"{line.departure} {line.return_date}"
                for line in parsed.lines
            )
            return parsed, "" if parsed.error else text
        return TripImport(lines=(), error="unreadable"), ""


def trip_preview(parsed: TripImport, *, not_added: bool = False, added: int = 0) -> dict:
    """Word the preview in the page's language: a row per line, and the error for the input.

    ``not_added``: the applicant pressed Continue with lines in the box; ``added``: that many
    trips that read were just added, and ``parsed`` is the lines left in the box.
    ``skipped`` lists the lines "Add the trips that read" would leave in the box.
    """
    rows = [
        {
            "number": line.number,
            "text": line.text,
            # A table of dates on a phone: written briefly, so that each fits on one line.
            "departure": shortdate(line.departure) if line.departure else "",
            "return": shortdate(line.return_date) if line.return_date else "",
            "days": line.days,
            "error": str(LINE_MESSAGES[line.error]) % line.params if line.error else "",
        }
        for line in parsed.lines
    ]
    return {
        "rows": rows,
        "error": _preview_error(parsed, not_added=not_added, added=added),
        "ok": parsed.ok,
        "partly_read": parsed.partly_read,
        "count": len(parsed.trips),
        "skipped": [row for row in rows if row["error"]],
        "added": added,
    }


def _preview_error(parsed: TripImport, *, not_added: bool, added: int) -> str:
    """Return the error on the box, naming it ("pasted trips", "pasted lines"), or ""."""
    if parsed.error:
        return str(INPUT_MESSAGES[parsed.error]) % parsed.params
    lines, read, unread = len(parsed.lines), len(parsed.trips), len(parsed.errors)
    if not_added:
        params = {"count": lines, "read": read}
        if parsed.ok:
            return (
                ngettext(
                    "%(count)s pasted trip is not added yet: add it with the button below, "
                    "or empty the box to continue without it.",
                    "%(count)s pasted trips are not added yet: add them with the button below, "
                    "or empty the box to continue without them.",
                    lines,
                )
                % params
            )
        if read:
            return (
                ngettext(
                    "%(count)s pasted trip is not added yet: add the %(read)s that read, "
                    "or correct the lines marked below.",
                    "%(count)s pasted trips are not added yet: add the %(read)s that read, "
                    "or correct the lines marked below.",
                    lines,
                )
                % params
            )
        return (
            ngettext(
                "%(count)s pasted trip is not added yet: correct the line marked below, "
                "or empty the box to continue without it.",
                "%(count)s pasted trips are not added yet: correct the lines marked below, "
                "or empty the box to continue without them.",
                lines,
            )
            % params
        )
    if not unread:
        return ""
    if added:
        return ngettext(
            "Correct the pasted line left in the box and preview it again, or delete it.",
            "Correct the %(count)s pasted lines left in the box and preview them again, "
            "or delete them.",
            unread,
        ) % {"count": unread}
    if read:
        return ngettext(
            "%(count)s pasted line cannot be read: correct it, or add the trips that read "
            "now and correct it afterwards.",
            "%(count)s pasted lines cannot be read: correct them, or add the trips that read "
            "now and correct them afterwards.",
            unread,
        ) % {"count": unread}
    return _("Correct the lines marked below, then preview again. No trip has been added.")


def _filled_rows(typed: dict, prefix: str) -> list[dict]:
    """Return the rows already typed (blank rows dropped), as {field: [value]}."""
    rows = []
    for index in range(row_total(typed, prefix)):
        head = f"{prefix}-{index}-"
        row = {k.removeprefix(head): v for k, v in typed.items() if k.startswith(head)}
        if any(value and value[0] for value in row.values()):
            rows.append(row)
    return rows


def _with_trips(typed: dict, step_prefix: str, existing: list[dict], trips: list[dict]) -> dict:
    """Return ``typed`` with the rows renumbered: those already typed, then the new trips."""
    prefix = f"{step_prefix}-{ROWS}"
    kept = {k: v for k, v in typed.items() if not k.startswith(f"{prefix}-")}
    new = [
        {"departure": [t["departure"].isoformat()], "return_date": [t["return_date"].isoformat()]}
        for t in trips
    ]
    for index, row in enumerate(existing + new):
        kept.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    kept[f"{prefix}-TOTAL_FORMS"] = [str(len(existing) + len(new))]
    kept[f"{prefix}-INITIAL_FORMS"] = ["0"]
    kept[f"{step_prefix}-has_trips"] = [YesNo.YES.value]
    return kept
