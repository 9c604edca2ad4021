"""Error messages that say what to do, question by question (GOV.UK error-message guidance).

Not "Choose one of the answers" everywhere, but "Select your current status of residence",
"Enter the date you came back (on or after 1 August 2024)". Each step form and each row form
takes its messages from ``QUESTION_ERRORS`` by its prefix (``status``, ``travel-trips``); a
field not listed keeps the generic message of its kind (``step.REQUIRED_MESSAGES``).
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.templatetags.prcheck import longdate
from assessments.web.fields import MoneyField
from assessments.web.messages import shown_params

#: {form prefix without the row number: {field: the "required" message}}
QUESTION_ERRORS = {
    "status": {
        "application_date": _("Enter the date you plan to apply"),
        "status": _("Select your current status of residence"),
    },
    "stay": {
        "period_of_stay": _("Select the period of stay shown on your residence card"),
        "status_expiry_date": _("Enter the date your period of stay ends"),
        "meets_landing_standards": _(
            "Select yes if your current work or activity meets the standards of your status"
        ),
    },
    "residence": {
        "residence_start_date": _("Enter the date your current continuous residence began"),
        "qualifying_status_start_date": _(
            "Enter the date you began living in Japan with a work or residence status"
        ),
        "contribution_to_japan": _("Select yes if your contribution to Japan has been recognised"),
        "hsp_route": _("Select yes if you want the Highly Skilled Professional routes checked"),
    },
    "marriage": {"marriage_date": _("Enter the date you married")},
    "grant": {
        "status_grant_date": _(
            "Enter the date your current status was granted, or you were recognised as a refugee"
        )
    },
    "hsp": {
        "hsp_points_now_source": _("Select how you will give your points on the application date"),
        "hsp_points_one_year_ago_source": _(
            "Select how you will give your points one year before the application date"
        ),
        "hsp_points_three_years_ago_source": _(
            "Select how you will give your points three years before the application date"
        ),
        "hsp_points_maintained": _("Select yes if you kept at least those points all that time"),
    },
    "hsp_typed": {
        "hsp_points_now": _("Enter your points on the application date"),
        "hsp_points_one_year_ago": _("Enter your points one year before the application date"),
        "hsp_points_three_years_ago": _(
            "Enter your points three years before the application date"
        ),
        "jskip_eligible": _("Select yes if you met the J-Skip standards now and one year ago"),
    },
    "travel": {
        "has_trips": _(
            "Select yes if you have travelled outside Japan since your continuous residence began"
        )
    },
    "travel-trips": {
        "departure": _("Enter the date you left Japan"),
        "return_date": _("Enter the date you came back"),
    },
    "household": {
        "dependents": _("Enter how many dependants you claim for tax, or 0"),
        "dependents_abroad": _("Enter how many of your dependants live outside Japan, or 0"),
        "public_assistance": _("Select yes if anyone in your household receives public assistance"),
    },
    "income": {"employment": _("Select what describes your main job")},
    "taxes": {
        "taxes_paid": _(
            "Select yes if you have paid all your taxes, pension and health insurance contributions"
        ),
        "paid_on_time": _("Select yes if you paid everything by its due date"),
        "pension_enrolled": _(
            "Select yes if you are enrolled in the public pension, or legally exempt"
        ),
        "health_insurance_enrolled": _("Select yes if you are enrolled in public health insurance"),
        "has_missed_notifications": _(
            "Select yes if you were ever late with a notification to immigration, or missed one"
        ),
    },
    "payments-payments": {
        "kind": _("Select what the payment was for"),
        "due_date": _("Enter the date the payment was due"),
    },
    "notifications-notifications": {"due_date": _("Enter the date the notification was due")},
    "conduct": {
        "has_criminal_records": _("Select yes if you have received a criminal penalty in Japan"),
        "has_traffic_violations": _(
            "Select yes if you have committed a traffic violation in Japan"
        ),
        "unauthorized_work": _("Select yes if you have worked beyond what your status allows"),
        "public_health_risk": _(
            "Select yes if you have a condition that may be a public health concern"
        ),
        "guarantor": _("Select who your guarantor is"),
    },
    "sentences-criminal_records": {
        "kind": _("Select the sentence"),
        "completed_on": _(
            "Enter the date the sentence was served, the suspension ended or the fine was paid"
        ),
    },
    "traffic_violations-traffic_violations": {
        "date": _("Enter the date of the violation"),
        "kind": _("Select the kind of violation"),
    },
    "naturalization_birth": {
        "parent_born_in_japan": _("Select yes if your father or mother was born in Japan"),
        "stateless_since_birth": _(
            "Select yes if you have had no nationality at all since you were born"
        ),
    },
}
_ROW_NUMBER = re.compile(r"-\d+$")


def name_the_questions(form) -> None:
    """Give each listed field of ``form`` the message that names its question.

    It replaces "required" and, for dates and counts, "invalid" too ("Enter a valid date." does
    not say which date: the error summary shows the message without the question).
    """
    messages = QUESTION_ERRORS.get(_ROW_NUMBER.sub("", form.prefix or ""), {})
    for name, message in messages.items():
        if name in form.fields:
            field = form.fields[name]
            field.error_messages["required"] = message
            if _asks_a_date_or_count(field):
                field.error_messages["invalid"] = message
    if "return_date" in form.fields and "departure" in form.fields and form.is_bound:
        departure = _posted_date(form, "departure")
        if departure is not None:
            form.fields["return_date"].error_messages["required"] = return_date_message(departure)


#: Dated limits the answers check, worded as the bracket after the question's own message, so
#: that the error summary says which date: "Enter the date your current continuous residence
#: began (on or before 1 December 2026, the application date)".
DATE_LIMITS = {
    "after_application_date": _("on or before %(limit)s, the application date"),
    "not_after_application_date": _("after %(limit)s, the application date"),
    "before_birth": _("on or after %(birth_date)s, your date of birth"),
    "date_out_of_range": _("from %(earliest)s to %(latest)s"),
}


def question_with_limit(form, name: str, code: str, params) -> str | None:
    """Return the question's message with the dated limit its answer broke, or None.

    None when the field has no message of its own or the error is not about a dated limit:
    the answers check's own sentence is shown then.
    """
    question = QUESTION_ERRORS.get(_ROW_NUMBER.sub("", form.prefix or ""), {}).get(name)
    if question is None or code not in DATE_LIMITS:
        return None
    limit = str(DATE_LIMITS[code]) % shown_params(params or {}, written_dates=True)
    return gettext("%(question)s (%(limit)s)") % {"question": question, "limit": limit}


def _asks_a_date_or_count(field: forms.Field) -> bool:
    """Return whether ``field`` is a date or a count (yen have messages of their own)."""
    if isinstance(field, MoneyField):
        return False
    return isinstance(field, forms.DateField | forms.IntegerField)


def _return_date_message(departure: dt.date) -> str:
    return gettext("Enter the date you came back (on or after %(date)s, the day you left)") % {
        "date": longdate(departure)
    }


#: The message for a missing or too early return date, with the departure in the page's language.
return_date_message = lazy(_return_date_message, str)


def _posted_date(form, name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(form.data.get(form.add_prefix(name), "")).strip())
    except ValueError:
        return None
