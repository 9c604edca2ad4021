"""The HSP profile form: labels, hints and input types only.

One form serves every category, so that the page works without JavaScript: rows a category
lacks are accepted and reported as not scored. The form checks types; everything else (a
birth date after the day of the calculation, degrees in several fields without a graduate
degree) is checked by ``profile_from_dict``, the same validation as the API and the CLI,
and its errors are put back on the fields (``add_profile_errors``).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.hsp.choices import Bonus, Category, Education, Position, ResearchKind
from assessments.hsp.messages import hsp_error_message
from assessments.hsp.profile import MAX_EXPERIENCE_YEARS, MAX_NATIONAL_LICENSES
from assessments.web.fields import WIDGET_RENDERER, DateInput, MoneyField, anchor_id

#: One decimal place is enough for years of experience (4.5 years).
EXPERIENCE_DECIMALS = 1

BONUS_HINTS = {
    Bonus.INNOVATION_SUPPORT: _("Measures listed in a Ministry of Justice notice."),
    Bonus.INNOVATION_SUPPORT_SME: _(
        "Counts only together with the previous item (SME as defined by the Small and "
        "Medium-sized Enterprise Basic Act)."
    ),
    Bonus.SME_RND_3PCT: _("Research and development expenses above 3 percent of sales."),
    Bonus.FOREIGN_QUALIFICATION: _("Recognised by the Minister of Justice."),
    Bonus.JAPANESE_UNIVERSITY: _("Or completion of a graduate course in Japan."),
    Bonus.JLPT_N1: _("Or 480 or more in the BJT Business Japanese Proficiency Test."),
    Bonus.JLPT_N2: _(
        "Or 400 or more in the BJT. Does not count together with N1 or a Japanese degree."
    ),
    Bonus.GROWTH_FIELD: _("A project in a growth field (e.g. IT) supported by a ministry."),
    Bonus.TOP_UNIVERSITY: _(
        "Designated by Ministry of Justice notice (e.g. top 300 in two world rankings). "
        "Counts once, even if several apply."
    ),
    Bonus.JICA_TRAINING: _("One year or more, under the Innovative Asia programme."),
    Bonus.INVESTMENT_MANAGEMENT: _(
        "Technical and business work only: investment management, investment advice or "
        "type II financial instruments business."
    ),
    Bonus.LOCAL_GOVERNMENT_SUPPORT: _(
        "Recognised by the Minister of Justice. The points for this item were not confirmed "
        "on a second official copy of the table."
    ),
}


def radios(label, help_text, choices, *, required_message=None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        required=required_message is not None,
        error_messages={"required": required_message} if required_message else None,
        widget=forms.RadioSelect(attrs={"class": "radios"}),
    )


def checkboxes(label, help_text, choices) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkboxes"}),
    )


class HspProfileForm(forms.Form):
    default_renderer = WIDGET_RENDERER
    category = radios(
        _("Which activity is your application for?"),
        _("Each activity has its own points table."),
        Category.choices,
        required_message=_("Choose the activity your application is for."),
    )
    as_of = forms.DateField(
        label=_("Day of the calculation"),
        help_text=_(
            "Age and the table in force are taken on this day. Leave it empty for today, or "
            "choose a past day to see the points you had then."
        ),
        required=False,
        widget=DateInput,
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Needed for academic and technical work (age and salary bands)."),
        required=False,
        widget=DateInput(attrs={"autocomplete": "bday"}),
    )
    education = radios(
        _("Highest degree"),
        _(
            "Only the highest counts. Junior college, kosen and advanced diplomas (高度専門士) "
            "count as a university degree; a specialist diploma (専門士) does not."
        ),
        Education.choices,
        required_message=_("Choose your highest degree, or “None of these”."),
    )
    multiple_degrees = forms.BooleanField(
        label=_(
            "I have two or more doctor's, master's or professional degrees in different fields"
        ),
        required=False,
    )
    experience_years = forms.DecimalField(
        label=_("Years of professional experience"),
        help_text=_(
            "In the work you will do; for business management, years managing or "
            "administering a business. Fractions are fine, e.g. 4.5."
        ),
        required=False,
        min_value=0,
        max_value=MAX_EXPERIENCE_YEARS,
        decimal_places=EXPERIENCE_DECIMALS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    annual_salary = MoneyField(
        label=_("Expected annual salary (yen)"),
        help_text=_(
            "From your employer in Japan, before tax, bonuses included, e.g. 6,000,000. Not "
            "variable overtime, nor commuting or housing allowances."
        ),
        required=False,
        what=_("your expected annual salary"),
    )
    research_achievements = checkboxes(
        _("Research achievements"),
        _("Academic and technical work only. Tick each kind that applies."),
        ResearchKind.choices,
    )
    national_licenses = forms.IntegerField(
        label=_("Japanese national qualifications related to the work"),
        help_text=_(
            "Technical work only. Include IT qualifications listed by the Ministry of Justice."
        ),
        required=False,
        min_value=0,
        max_value=MAX_NATIONAL_LICENSES,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    position = radios(
        _("Position in the company"),
        _("Business management only."),
        Position.choices,
    )
    investment_100m = forms.BooleanField(
        label=_("I invest 100 million yen or more in the business I run"),
        help_text=_("Business management only."),
        required=False,
    )
    bonuses = checkboxes(
        _("Special additions"),
        _("Tick each that applies to you."),
        Bonus.choices,
    )

    #: The page's fieldsets: (legend, field names).
    FIELDSETS = (
        (_("Activity and dates"), ("category", "as_of", "birth_date")),
        (_("Education and experience"), ("education", "multiple_degrees", "experience_years")),
        (_("Salary"), ("annual_salary",)),
        (_("Research and qualifications"), ("research_achievements", "national_licenses")),
        (_("Business management"), ("position", "investment_100m")),
        (_("Special additions"), ("bonuses",)),
    )

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def bonus_options(self):
        """Return each bonus checkbox with its hint (worded per option, inside its label)."""
        return [(option, BONUS_HINTS.get(option.data["value"])) for option in self["bonuses"]]

    def profile_data(self) -> dict:
        """Return the valid answers as the profile contract's JSON (for ``profile_from_dict``).

        Fields that failed the form's own checks are left out, so that the profile's checks
        can still run on the rest and every error shows at once.
        """
        data = self.cleaned_data
        years = data.get("experience_years")
        iso = {key: data[key].isoformat() for key in ("as_of", "birth_date") if data.get(key)}
        return {
            "category": data.get("category"),
            "as_of": iso.get("as_of"),
            "birth_date": iso.get("birth_date"),
            "education": data.get("education"),
            "multiple_degrees": data.get("multiple_degrees"),
            "experience_years": float(years) if years is not None else None,
            "annual_salary": data.get("annual_salary"),
            "research_achievements": len(data.get("research_achievements") or ()),
            "national_licenses": data.get("national_licenses"),
            "position": data.get("position") or None,
            "investment_100m": data.get("investment_100m"),
            "bonuses": list(data.get("bonuses") or ()),
        }

    def add_profile_errors(self, errors: dict[str, list[tuple[str, dict]]]) -> None:
        """Put the profile's errors on the fields (``bonuses[2]`` on bonuses), once per field.

        A field the form already refused keeps only the form's error (its value never reached
        the profile, which would only add "required").
        """
        refused = set(self.errors)
        for path, path_errors in errors.items():
            name = path.split("[", 1)[0]
            field = name if name in self.fields else None
            if field in refused:
                continue
            for code, params in path_errors:
                self.add_error(field, hsp_error_message(code, params, written_dates=True))

    def error_summary(self) -> list[tuple[str, str]]:
        """Return (target id, message) for every error, in the page's order, for the summary.

        Each entry is the message shown by its field; errors of the profile as a whole (shown
        above the first field) link to the first field.
        """
        first = anchor_id(next(iter(self)))
        summary = [(first, message) for message in self.non_field_errors()]
        for bound in self:
            summary += [(anchor_id(bound), message) for message in bound.errors]
        return summary
