"""The household and its means, then the income for the years the route looks back on."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.eligibility.choices import Employment
from assessments.questionnaire.forms.same_income import offer_same_income
from assessments.questionnaire.forms.step import StepForm
from assessments.results.questions import asked
from assessments.web.fields import MoneyField, choice, count_field, yes_no
from assessments.web.messages import error_message


class IncomeForm(StepForm):
    """Income for exactly the years the route looks back on (the view passes them).

    ``income_years`` None: no rules are in force on the application date, which the step says.
    An empty list asks no year (every year looked back on is before residence began).
    """

    step = "income"
    employment = choice(
        asked("employment"),
        _("Choose what describes where most of your income comes from."),
        Employment.choices,
    )

    def __init__(self, *args, income_years=(), household=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.no_rules = income_years is None
        self.income_years = tuple(income_years or ())
        self.household = household
        for index, year in enumerate(self.income_years):
            first = index == 0  # the hints are the same every year: shown once, on the first
            self.fields[f"applicant_{year}"] = MoneyField(
                label=_("Your gross income in %(year)s") % {"year": year},
                help_text=_(
                    "In yen, from your tax certificate (課税証明書): the gross amount, 給与収入 "
                    "for a salary or 総収入額 otherwise, not 所得 (income after deductions)."
                )
                if first
                else "",
                what=_("your income in %(year)s") % {"year": year},
            )
            if household:
                self.fields[f"household_{year}"] = MoneyField(
                    label=_("Household gross income in %(year)s") % {"year": year},
                    help_text=_(
                        "Yours plus the income of everyone sharing your household budget. "
                        "Leave empty if nobody else in your household has an income."
                    )
                    if first
                    else "",
                    required=False,
                    what=_("the household income in %(year)s") % {"year": year},
                    empty_answer=_("Only your own income"),
                )
        self.order_fields(["employment", *self.year_fields()])
        offer_same_income(self)

    def year_fields(self) -> list[str]:
        columns = ("applicant", "household") if self.household else ("applicant",)
        return [f"{column}_{year}" for year in self.income_years for column in columns]

    def clean(self):
        if self.no_rules:
            raise forms.ValidationError(
                error_message("no_thresholds", {"date": self.application_date}, written_dates=True)
            )
        cleaned = self.cleaned_data
        if all(name in cleaned for name in self.year_fields()):
            cleaned["income"] = [
                {
                    "year": year,
                    "applicant": cleaned[f"applicant_{year}"],
                    "household": cleaned.get(f"household_{year}"),
                }
                for year in self.income_years
            ]
        return super().clean()


class HouseholdForm(StepForm):
    """The household: dependants, public assistance and savings.

    Asked before the income, so that the income page can show the floor for this household.
    """

    step = "household"
    dependents = count_field(
        asked("dependents"),
        _("People you support, in Japan or abroad, as on your tax certificate. Enter 0 if none."),
    )
    dependents_abroad = count_field(
        asked("dependents_abroad"),
        _("Enter 0 if none. If you support no one, leave it empty."),
        required=False,
    )
    assets = MoneyField(
        label=asked("assets"),
        help_text=_(
            "Bank savings, investments and property. Leave empty if you prefer not to say."
        ),
        required=False,
        what=_("your savings and other assets"),
    )
    public_assistance = yes_no(
        asked("public_assistance"),
        _("Welfare paid by your city office. Child allowances do not count."),
    )

    def clean(self):
        """Ask where dependants live only of someone who supports anyone.

        With no dependants, "those abroad" has nothing to count: left empty, it is 0 and the
        applicant touches one field less. With dependants it must be answered (the income
        floor rises for each one, and those abroad are what the bureau asks papers for).
        """
        answered = self.cleaned_data  # before the page's own checks, which read both
        if answered.get("dependents_abroad") is None and "dependents_abroad" not in self.errors:
            if answered.get("dependents") == 0:
                answered["dependents_abroad"] = 0
            elif answered.get("dependents"):
                required = self.fields["dependents_abroad"].error_messages["required"]
                self.add_error("dependents_abroad", required)
        return super().clean()
