"""Naturalization (帰化): the few questions only that check needs.

Asked only when the applicant opts in on the status step. On the main page every question is
optional: a question left blank is shown on the result as something to find out, never as a
failure, and a blank tie to Japan simply opens no shorter route (Nationality Act Arts. 6, 8).
Someone born in Japan is then asked two short follow-up questions on a page of their own.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.naturalization_choices import JapaneseLevel
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import MoneyField, YesNo, date_field, is_yes, yes_no


def optional_yes_no(label, help_text) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YesNo.choices,
        coerce=is_yes,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


class NaturalizationForm(StepForm):
    step = "naturalization"
    birth_date = date_field(
        asked("birth_date"),
        _(
            "Naturalization requires you to be 18 or older (spouses and children of Japanese nationals, and a few others, excepted)."
        ),
        required=False,
    )
    # Ties to Japan that open a shorter route (Nationality Act Arts. 6 and 8).
    born_in_japan = optional_yes_no(
        asked("born_in_japan"),
        _("People born in Japan can apply after 3 years here instead of 5."),
    )
    parent_former_japanese = optional_yes_no(
        asked("parent_former_japanese"),
        _(
            "Your birth parents only, not adoptive parents. For example, a parent who gave up Japanese nationality."
        ),
    )
    former_japanese_national = optional_yes_no(
        asked("former_japanese_national"),
        _("Answer no if you became Japanese by naturalization and later lost it."),
    )
    adopted_by_japanese_as_minor = optional_yes_no(
        asked("adopted_by_japanese_as_minor"),
        _("Under age by the law of your home country on the day of the adoption."),
    )
    japanese_level = forms.ChoiceField(
        label=asked("japanese_level"),
        help_text=_(
            "Reading and writing count: the interview and a hand-written statement test them. A certificate is not needed."
        ),
        choices=JapaneseLevel.choices,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )
    nationality_renounceable = optional_yes_no(
        asked("nationality_renounceable"),
        _(
            "Japan requires you to lose it on naturalizing. Your embassy can tell you how; leave this blank if you do not know."
        ),
    )
    monthly_take_home = MoneyField(
        label=asked("monthly_take_home"),
        help_text=_(
            "After tax and social insurance, of you and the family you share a livelihood with."
        ),
        required=False,
        min_value=0,
    )
    last_job_change_date = date_field(
        asked("last_job_change_date"),
        _("Leave blank if you have not changed jobs recently."),
        required=False,
    )
    family_arrears = optional_yes_no(
        asked("family_arrears"),
        _("For naturalization the family's payments are checked as well as yours."),
    )


class NaturalizationBirthForm(StepForm):
    """Asked of someone born in Japan: two facts that shorten the route further."""

    step = "naturalization_birth"
    parent_born_in_japan = yes_no(
        asked("parent_born_in_japan"),
        _("Your birth parents only, not adoptive parents."),
    )
    stateless_since_birth = yes_no(
        asked("stateless_since_birth"),
        _("Answer no if you have, or ever had, the nationality of any country."),
    )
