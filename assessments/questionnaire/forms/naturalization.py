"""Naturalization (帰化): the few questions only that check needs, all optional.

Asked only when the applicant opts in on the status step; a question left blank is shown on
the result as something to find out, never as a failure.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.naturalization_choices import JapaneseLevel
from assessments.questionnaire.forms.step import StepForm
from assessments.web.fields import MoneyField, YesNo, date_field, is_yes


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
        _("Your date of birth"),
        _(
            "Naturalization requires you to be 18 or older (spouses and children of Japanese nationals excepted)."
        ),
        required=False,
    )
    japanese_level = forms.ChoiceField(
        label=_("Your level of Japanese"),
        help_text=_(
            "Reading and writing count: the interview and a hand-written statement test them. A certificate is not needed."
        ),
        choices=JapaneseLevel.choices,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )
    nationality_renounceable = optional_yes_no(
        _("Can you give up your current nationality?"),
        _(
            "Japan requires you to lose it on naturalizing. Your embassy can tell you how; leave this blank if you do not know."
        ),
    )
    monthly_take_home = MoneyField(
        label=_("Monthly take-home pay of your household (yen)"),
        help_text=_(
            "After tax and social insurance, of you and the family you share a livelihood with."
        ),
        required=False,
        min_value=0,
    )
    last_job_change_date = date_field(
        _("If you changed jobs in the last year: the day you started your current job"),
        _("Leave blank if you have not changed jobs recently."),
        required=False,
    )
    family_arrears = optional_yes_no(
        _("Does anyone in your household have taxes or social insurance overdue?"),
        _("For naturalization the family's payments are checked as well as yours."),
    )
