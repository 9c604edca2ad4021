"""The result's dates as calendar events (RFC 5545, built with ``icalendar``).

``calendar_events`` picks the dates from a stored result and its answers (plain data, codes
and params, no wording): the first day one can apply, the end of the period of stay and the
day its renewal can be filed, the day each blocking requirement clears by itself, the next
1 June (the previous year's tax certificate), dated rule changes that apply to the route, and
the last day to file under the more favourable rules (``file_by``, from the file-by planner).
``calendar_ics`` words them in the active language and serialises the calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from assessments.eligibility.answers import Answers
from assessments.eligibility.choices import Route
from assessments.eligibility.rules.period_of_stay import renewal_opens
from assessments.results import wording
from assessments.results.file_by import FilingView
from assessments.results.presentation import stored_answers
from assessments.results.view import ResultView
from assessments.thresholds.snapshot import Thresholds
from assessments.web.formats import longdate

#: Keys that do not change what the person must meet (the readiness score's weights).
NOT_A_RULE = ("score.",)
ROUTE_NAMES = frozenset(Route.values)
PRODID = "-//prcheck//permanent residence self-check//EN"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: ``code`` says what happens on ``day``; ``params`` fill the wording."""

    code: str
    day: dt.date
    params: dict = field(default_factory=dict)


def calendar_events(
    *, result: dict, answers: dict, thresholds: Thresholds, today: dt.date
) -> list[CalendarEvent]:
    """Return the result's dates as events, in date order."""
    view = ResultView.from_json(result)
    if view.keep_pr is not None:
        return keep_pr_events(view)
    events = []
    if apply_from := view.apply_from:
        events.append(CalendarEvent("apply_from", apply_from))
    events += _stay_events(
        stored_answers(answers, application_date=view.application_date), thresholds
    )
    for finding in view.needing_action:
        if finding.clears_on:
            events.append(CalendarEvent("clears", finding.clears_on, {"requirement": finding.id}))
    month = thresholds["lookback.certificate_month"]
    june = dt.date(today.year, month, 1)
    june = june if june >= today else dt.date(today.year + 1, month, 1)
    events.append(CalendarEvent("tax_certificate", june, {"year": june.year - 1}))
    events += _rule_changes(thresholds, view.route, today)
    events += _file_by(view.filing, today)
    return sorted(events, key=lambda event: (event.day, event.code))


def keep_pr_events(view: ResultView) -> list[CalendarEvent]:
    """Return a permanent resident's deadlines (card renewal, permit lapses, days to act by)."""
    return [
        CalendarEvent(
            deadline.code,
            deadline.day,
            {
                key: value
                for key, value in (
                    ("requirement", deadline.requirement),
                    ("departure", deadline.departure),
                )
                if value
            },
        )
        for deadline in view.keep_pr.deadlines
    ]


def _keep_pr_summary(event: CalendarEvent) -> str | None:
    """Word a keep-PR deadline; None for any other event."""
    if event.code == "card_renewal_opens":
        return gettext("From today you can apply to renew your residence card")
    if event.code == "card_expires":
        return gettext("Your residence card expires today: renew it by today")
    if event.code == "permit_lapses":
        return gettext("Last day to re-enter Japan on your re-entry permit (trip from %(day)s)") % {
            "day": longdate(event.params.get("departure"))
        }
    if event.code == "act_by":
        requirement = event.params.get("requirement")
        if requirement == "public_dues":
            return gettext("Pay what is unpaid, or arrange an instalment plan, by today")
        if requirement == "residence_card":
            return gettext("Last day to apply to renew your residence card")
        return gettext("Last day to act on your trip abroad to keep permanent residence")
    return None


def _file_by(filing: FilingView | None, today: dt.date) -> list[CalendarEvent]:
    """Return the last day to file before a change that is worse for the person, if still ahead.

    ``draft`` says whether the change after it is a pending draft (worded "if adopted").
    """
    file_by = filing.file_by if filing is not None else None
    if file_by is None or file_by < today:
        return []
    after = file_by + dt.timedelta(days=1)
    drafts = {change.draft for change in filing.rule_changes if change.date == after}
    return [CalendarEvent("file_by", file_by, {"draft": drafts == {True}})]


def _stay_events(answers: Answers | None, thresholds: Thresholds) -> list[CalendarEvent]:
    """Return the end of the period of stay and the first day its renewal can be filed."""
    expiry = answers.status_expiry_date if answers is not None else None
    if expiry is None:
        return []
    events = [CalendarEvent("status_expiry", expiry)]
    opens = renewal_opens(expiry, answers.period_of_stay_years, thresholds)
    if opens is not None:
        months = thresholds["renewal.filing_opens_months"]
        events.append(CalendarEvent("renewal_opens", opens, {"months": months}))
    return events


def _rule_changes(t: Thresholds, route: str, today: dt.date) -> list[CalendarEvent]:
    """Return one event per future date on which a value that applies to ``route`` changes."""
    by_day: dict[dt.date, set[str]] = {}
    for version in t.timeline:
        if version.valid_from <= today or version.key.startswith(NOT_A_RULE):
            continue
        routes_named = ROUTE_NAMES.intersection(version.key.split("."))
        if version.key.startswith("hsp.") and not route.startswith("hsp"):
            continue
        if routes_named and route not in routes_named:
            continue
        by_day.setdefault(version.valid_from, set()).add(version.kind)
    return [
        CalendarEvent("rule_change", day, {"kinds": sorted(kinds)})
        for day, kinds in sorted(by_day.items())
    ]


def _summary(event: CalendarEvent) -> str:
    if (keep_pr := _keep_pr_summary(event)) is not None:
        return keep_pr
    if event.code == "apply_from":
        return gettext("You can apply for permanent residence from today")
    if event.code == "status_expiry":
        return gettext("Your period of stay ends today")
    if event.code == "renewal_opens":
        return gettext("From today you can apply to renew your period of stay")
    if event.code == "clears":
        name = wording.label(event.params.get("requirement"), "requirement")
        return gettext("Cleared by time: %(requirement)s") % {"requirement": name}
    if event.code == "tax_certificate":
        return gettext("Tax certificates for %(year)s income can be issued from today") % {
            "year": event.params["year"]
        }
    if event.code == "file_by":
        if event.params.get("draft"):
            return gettext("Last day to file before a draft rule would apply, if it is adopted")
        return gettext("Last day to file before the rules change for your application")
    if "draft" in event.params.get("kinds", ()):
        return gettext("Permanent residence rules change today (draft, not yet final)")
    return gettext("Permanent residence rules change today")


def _description(event: CalendarEvent) -> str:
    if event.code == "renewal_opens":
        return gettext(
            "About %(months)s months before your period of stay ends. An application for "
            "permanent residence does not extend your current status: renew it separately."
        ) % {"months": event.params["months"]}
    if event.code == "rule_change":
        return gettext("Check your result again: it may change for applications from this day.")
    if event.code == "file_by":
        return gettext(
            "Applications filed from the next day may be judged less favourably for you: see "
            "“When to file” in your result. A draft is not law until it is adopted."
        )
    return gettext("From your prcheck result. A self-check, not a decision of the bureau.")


def calendar_ics(*, events: list[CalendarEvent], key: str, stamp: dt.datetime) -> bytes:
    """Return the events as an iCalendar file, worded in the active language.

    ``key`` makes each event's UID stable across downloads without putting the token in it.
    """
    # Imported here, not at the top: only a calendar download pays for it (start-up does not).
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", gettext("Permanent residence: your dates"))
    for event in events:
        entry = Event()
        uid = salted_hmac(
            "prcheck.calendar", f"{key}:{event.code}:{event.day}:{event.params}", algorithm="sha256"
        )
        entry.add("uid", f"{uid.hexdigest()[:32]}@prcheck")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.day)
        entry.add("dtend", event.day + dt.timedelta(days=1))
        entry.add("summary", _summary(event))
        entry.add("description", _description(event))
        entry.add("categories", [event.code])
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar.to_ical()
