"""Error messages that say what to do, question by question (GOV.UK error-message guidance).

Not "Choose one of the answers" everywhere, but "Select your current status of residence",
"Enter the date you came back (on or after 1 August 2024)". Each step form and each row form
takes its messages from ``QUESTION_ERRORS`` by its prefix (``status``, ``travel-trips``). The
message stands for every way the answer can be wrong (empty, not a date, a choice not offered);
a limit broken adds the limit in brackets ("Enter your points on the application date (0 or
more)"), so no two questions ever show the same sentence. Every question of the wizard is
listed, yen excepted (``MoneyField`` names its question itself):
tests/questionnaire/test_every_error_named.py posts every step with wrong answers.
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

#: The questions of an HSP profile (the calculator's form, asked for up to three days).
HSP_PROFILE_ERRORS = {
    "category": _("Select the activity your application is for"),
    "birth_date": _("Enter your date of birth"),
    "education": _("Select your highest degree, or “None of these”"),
    "experience_years": _("Enter your years of professional experience, or 0"),
    "research_achievements": _("Select each research achievement that applies"),
    "national_licenses": _(
        "Enter how many Japanese national qualifications related to the work you hold, or 0"
    ),
    "position": _("Select your position in the company"),
    "bonuses": _("Select each special addition that applies to you"),
}

#: {form prefix without the row number: {field: the message that names the question}}
QUESTION_ERRORS = {
    "status": {
        "application_date": _("Enter the date you plan to apply"),
        "status": _("Select your current status of residence"),
        "immigration_bureau": _("Select the regional immigration bureau you will apply at"),
        "naturalization": _("Select yes if you also want naturalization checked"),
    },
    "stay": {
        "period_of_stay": _("Select the period of stay shown on your residence card"),
        "status_expiry_date": _("Enter the date your period of stay ends"),
        "meets_landing_standards": _(
            "Select yes if your current work or activity meets the standards of your status"
        ),
        "business_manager_standards": _(
            "Select whether your business meets the Business Manager standards"
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
    "card": {"residence_card_expiry": _("Enter the date your residence card expires")},
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
        "reentry_permit": _("Select the re-entry permit you left on"),
        "reentry_permit_expiry": _("Enter the expiry date of the re-entry permit"),
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
        "paid_date": _("Enter the date the payment was made, or leave it empty if it is unpaid"),
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
    "hsp_now": HSP_PROFILE_ERRORS,
    "hsp_year_ago": HSP_PROFILE_ERRORS,
    "hsp_three_years_ago": HSP_PROFILE_ERRORS,
    "naturalization": {
        "birth_date": _("Enter your date of birth"),
        "born_in_japan": _("Select yes if you were born in Japan"),
        "parent_former_japanese": _(
            "Select yes if your father or mother was ever a Japanese national"
        ),
        "former_japanese_national": _("Select yes if you were ever a Japanese national yourself"),
        "adopted_by_japanese_as_minor": _(
            "Select yes if a Japanese national adopted you while you were under age"
        ),
        "japanese_level": _("Select your level of Japanese"),
        "nationality_renounceable": _("Select yes if you can give up your current nationality"),
        "last_job_change_date": _("Enter the day you started your current job"),
        "family_arrears": _(
            "Select yes if anyone in your household has taxes or social insurance overdue"
        ),
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

    It replaces "required", "not one of the choices" and, for dates and counts, "invalid" and
    the bounds of a count too ("Enter a valid date." does not say which date: the error
    summary shows the message without the question).
    """
    messages = QUESTION_ERRORS.get(_ROW_NUMBER.sub("", form.prefix or ""), {})
    for name, message in messages.items():
        if name in form.fields:
            field = form.fields[name]
            field.error_messages["required"] = message
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = message
                field.error_messages["invalid_list"] = message
            if _asks_a_date_or_count(field):
                field.error_messages["invalid"] = message
            if isinstance(field, forms.IntegerField) and not isinstance(field, MoneyField):
                field.error_messages.update(_bounds(message))
    if "return_date" in form.fields and "departure" in form.fields and form.is_bound:
        departure = _posted_date(form, "departure")
        if departure is not None:
            form.fields["return_date"].error_messages["required"] = return_date_message(departure)


def _with_limit(question, limit) -> str:
    return gettext("%(question)s (%(limit)s)") % {"question": question, "limit": limit}


def _bounds(question) -> dict:
    """Return a count's "too small" and "too large" messages: the question and its bound.

    Django fills ``%(limit_value)s`` and ``%(max)s``; a percent sign of the question is kept.
    """
    question = str(question).replace("%", "%%")
    digits = gettext("at most %(max)s digits")
    return {
        "min_value": _with_limit(question, gettext("%(limit_value)s or more")),
        "max_value": _with_limit(question, gettext("at most %(limit_value)s")),
        "max_digits": _with_limit(question, digits),
        "max_whole_digits": _with_limit(question, digits),
        "max_decimal_places": _with_limit(question, gettext("at most %(max)s decimal places")),
    }


#: Dated limits the answers check, worded as the bracket after the question's own message, so
#: that the error summary says which date: "Enter the date your current continuous residence
#: began (on or before 1 December 2026, the application date)".
DATE_LIMITS = {
    "after_application_date": _("on or before %(limit)s, the application date"),
    "not_after_application_date": _("after %(limit)s, the application date"),
    "before_birth": _("on or after %(birth_date)s, your date of birth"),
    "date_out_of_range": _("from %(earliest)s to %(latest)s"),
}
#: The same for counts (dependants, points): "Enter your points … (0 or more)".
NUMBER_LIMITS = {
    "negative": _("0 or more"),
    "too_large": _("at most %(maximum)s"),
}
LIMITS = {**DATE_LIMITS, **NUMBER_LIMITS}


def question_with_limit(form, name: str, code: str, params) -> str | None:
    """Return the question's message with the limit its answer broke, or None.

    None when the field has no message of its own or the error is not about a limit (a date,
    a count): the answers check's own sentence is shown then.
    """
    question = QUESTION_ERRORS.get(_ROW_NUMBER.sub("", form.prefix or ""), {}).get(name)
    if question is None or code not in LIMITS:
        return None
    limit = str(LIMITS[code]) % shown_params(params or {}, written_dates=True)
    return _with_limit(question, limit)


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
