"""Every error names its question, in both languages, the same by the field and in the summary.

Issue 21 item 7. Each step of several routes (lists, marriage, grant, HSP points typed and
calculated, naturalization) is posted with its valid answers but one answer wrong at a time
(empty, not a number, a day that does not exist, after the application date, long before it,
negative, too large, a choice that is not offered), then with every date at once after the
application date. Each step is checked on the first route that asks it. On every page refused:

- no message is one of the generic sentences (the contract's ``MESSAGES``, Django's, the
  step's "required" fallbacks): each says which question it is about;
- no two fields show the same message (two "This date is after the application date" could
  be either);
- the error summary lists, in order, the very words shown by the fields.
"""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.validators import DecimalValidator, MaxValueValidator, MinValueValidator
from django.utils import translation

from assessments.questionnaire.flow import STEPS
from assessments.questionnaire.forms.step import REQUIRED_MESSAGES
from assessments.web.fields import MoneyField
from assessments.web.messages import FALLBACK_MESSAGE, INVALID_TYPE_MESSAGES, MESSAGES
from assessments.web.money_widgets import MONEY_MESSAGES
from tests.questionnaire import profiles as p
from tests.questionnaire.driver import GROUP_OF, WizardDriver, step_data
from tests.questionnaire.test_error_summary import messages_by_the_fields

FORMS = dict(STEPS)
NATURALIZATION = {
    "birth_date": p.D(1990, 1, 1),
    "japanese_level": "n2",
    "nationality_renounceable": True,
    "monthly_take_home": "250,000",
    "last_job_change_date": p.D(2026, 3, 1),
    "family_arrears": False,
}
ROUTES = {
    # First, so that the trips' re-entry permit questions are checked (issue 25).
    "keep_pr": {
        "status": {"application_date": p.D(2026, 12, 1), "status": "permanent_resident"},
        "grant": {"status_grant_date": p.D(2020, 5, 1)},
        "card": {"residence_card_expiry": p.D(2027, 5, 1)},
        "travel": {
            "has_trips": True,
            "trips": [
                {
                    "departure": p.D(2024, 3, 1),
                    "return_date": p.D(2024, 3, 20),
                    "reentry_permit": "permit",
                    "reentry_permit_expiry": p.D(2026, 3, 1),
                }
            ],
        },
        "taxes": p.TAXES,
    },
    "lists_and_naturalization": p.with_(
        p.WITH_LISTS,
        status={"naturalization": True},
        naturalization={**NATURALIZATION, "born_in_japan": True},
        naturalization_birth={"parent_born_in_japan": True, "stateless_since_birth": False},
    ),
    "spouse": p.SPOUSE,
    "long_term_resident": p.LONG_TERM_RESIDENT,
    "hsp_typed": p.HSP_70,
    "hsp_calculated": p.with_(
        p.GENERAL,
        residence={"hsp_route": True},
        hsp=p.CALCULATE_POINTS,
        hsp_now=p.ENGINEER_NOW,
        hsp_year_ago=p.ENGINEER_YEAR_AGO,
        hsp_three_years_ago={**p.ENGINEER_YEAR_AGO, "experience_years": 4},
        hsp_points={},
    ),
}
#: What is typed into each kind of answer, one wrong value at a time.
WRONG_DATES = ("", "2025-02-30", "2099-01-01", "1800-01-01")
WRONG_NUMBERS = ("", "many", "-1", "99999999999999")
WRONG_CHOICES = ("", "not-an-option")
#: A row name before a message ("Trip 2: …", "【渡航 2】…"), left out when comparing.
ROW_NAME = re.compile(r"^(?:[^:：]{1,40}: |【[^】]{1,20}】)")


def _pattern(template) -> re.Pattern:
    parts = re.split(r"%\(\w+\)s", str(template))
    return re.compile(".*".join(re.escape(part) for part in parts) + r"\Z", re.S)


#: The contract's codes whose sentence does not say which answer it is about.
GENERIC_CODES = (
    "required",
    "invalid_date",
    "date_out_of_range",
    "before_birth",
    "invalid_choice",
    "negative",
    "too_large",
    "after_application_date",
    "not_after_application_date",
    "too_many_items",
    "unknown_field",
)


def generic_messages() -> list[re.Pattern]:
    """Return, in the active language, the sentences that do not say which question."""
    templates = [MESSAGES[code] for code in GENERIC_CODES]
    templates += [*INVALID_TYPE_MESSAGES.values(), FALLBACK_MESSAGE]
    templates += [message for _kind, message in REQUIRED_MESSAGES]
    for field_class in (
        forms.Field,
        forms.DateField,
        forms.IntegerField,
        forms.DecimalField,
        forms.ChoiceField,
        forms.MultipleChoiceField,
    ):
        templates += [str(message) for message in field_class().error_messages.values()]
    for validator in (MinValueValidator(0), MaxValueValidator(0), DecimalValidator(1, 1)):
        messages = getattr(validator, "messages", None) or {"": validator.message}
        templates += [str(message) for message in messages.values()]
    # A yen amount whose question is missing: 「円単位で入力してください」 alone.
    templates += [str(template) % {"what": ""} for template in MONEY_MESSAGES.values()]
    return [_pattern(template) for template in templates if str(template).strip()]


LANGUAGES = ("en", "ja")


def wrong_values(field: forms.Field, language: str) -> tuple[str, ...]:
    """The wrong values typed into ``field`` in ``language``: an empty answer in both languages,
    the other kinds shared out between them (each kind of each field is still posted, in one
    language; a message's wording is one template per kind, translated as a whole)."""
    if isinstance(field, forms.DateField):
        values = WRONG_DATES
    elif isinstance(field, MoneyField | forms.IntegerField):
        values = WRONG_NUMBERS
    elif isinstance(field, forms.ChoiceField):
        values = WRONG_CHOICES
    else:
        values = ("",)
    turn = LANGUAGES.index(language)
    return tuple(value for index, value in enumerate(values) if value == "" or index % 2 != turn)


def wrong_posts(step: str, valid: dict, language: str):
    """Yield (what is wrong, POST data): the valid answers with one answer wrong at a time."""
    form_class = FORMS[step]
    base = step_data(step, valid)
    keys = {}  # posted key -> its field
    for name, value in valid.items():
        if isinstance(value, list) and value and name in form_class.rows:
            row_fields = form_class.rows[name].formset.form.base_fields
            for field_name in value[0]:
                keys[f"{step}-{name}-0-{field_name}"] = row_fields[field_name]
    for key in base:
        name = key.removeprefix(f"{step}-")
        if name in form_class.base_fields:
            keys[key] = form_class.base_fields[name]
        elif step == "income" and name.startswith(("applicant_", "household_")):
            keys[key] = MoneyField()
    for key, field in keys.items():
        for wrong in wrong_values(field, language):
            if field.required is False and wrong == "":
                continue
            yield f"{key}={wrong!r}", {**base, key: wrong}
    late = {key: "2099-01-01" for key, field in keys.items() if isinstance(field, forms.DateField)}
    if len(late) > 1:
        yield "every date late", {**base, **late}


def check_refused_page(response, what: str, generic: list[re.Pattern]) -> int:
    """Check a refused page's messages; return how many there were (0 if it was accepted)."""
    if response.status_code == 302:
        return 0
    summary = [(anchor, str(message)) for anchor, message in response.context["error_summary"]]
    messages = [message for _anchor, message in summary]
    assert messages == messages_by_the_fields(response), what
    for message in messages:
        bare = ROW_NAME.sub("", message)
        assert not any(g.match(message) or g.match(bare) for g in generic), (what, message)
    by_field = {}
    for anchor, message in summary:
        by_field.setdefault(message, set()).add(anchor)
    shared = {message: anchors for message, anchors in by_field.items() if len(anchors) > 1}
    assert not shared, (what, shared)
    return len(messages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_wrong_answer_on_every_step_names_its_question(client, db, language):
    with translation.override(language):
        generic = generic_messages()
    checked, shown = set(), 0
    for answers in ROUTES.values():  # each step checked on the first route that asks it
        driver = WizardDriver(client, language=language)
        step = "status"
        while step != "summary":
            valid = answers.get(step, answers.get(GROUP_OF.get(step), {}))
            if step not in checked:
                for what, data in wrong_posts(step, valid, language):
                    response = client.post(driver.url(step), data)
                    shown += check_refused_page(response, f"{step}: {what}", generic)
                checked.add(step)
            response = driver.answer(step, **valid)
            assert response.status_code == 302, (step, response.context["error_summary"])
            step = driver.next_step
    assert set(FORMS) - checked == {"summary"}, "every step with questions is checked"
    assert shown > 60, "wrong answers were refused, with messages to check"
