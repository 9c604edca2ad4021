"""Every answer of the check, declared once: its question, its short name, its section, its shape.

Three places word the answers of a run: the wizard's forms ask them, the PDF report lists them
("Your answers", and the answers for naturalization), and a changed result names the answers
that changed (``results.changes``). Each reads the answer's declaration here, so a question is
worded in one place and a new answer is one line. ``results`` is the lowest box all three may
import (the layers in ``pyproject.toml``: questionnaire > reports > results); the wordings are
lazy, so nothing is worded before a page renders in its language.

Each key of the answers contract (``docs/contract.md``, ``eligibility.answers.KNOWN_KEYS``) is
declared exactly once, in the order the check asks them (tests/results/test_questions.py).
How a value is written per language (a date, yen, a labelled choice) is the report's
``_answer_list.html``; a compound value (trips, income, HSP points) has a small template of
its own under ``assessments/report/answers/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# How a value is shown (``assessments/report/_answer_list.html``).
DATE = "date"
MONEY = "money"
YES_NO = "yes_no"
CHOICE = "choice"  # a code worded by a ``results.wording`` table (``Question.table``)
COMPOUND = "compound"  # several values or rows: ``Question.template``

# When the report lists an answer.
ALWAYS = "always"  # every time, a blank one worded by ``Question.blank``
GIVEN = "given"  # when answered (not None, not an empty list)
SAID_YES = "said_yes"  # only a yes: the default No is what everyone not asked has
WITHIN = "within"  # on the row of the answer it qualifies (``Question.within``)
NOT_LISTED = "not_listed"  # never (the reason is in the declaration's comment)

NONE = _("None")
NOT_ANSWERED = _("Not answered")


@dataclass(frozen=True)
class Section:
    """A section of the report's answer list."""

    key: str
    title: Any  # lazy text


STATUS = Section("status", _("Status and residence"))
TIME_ABROAD = Section("time_abroad", _("Time abroad"))
MEANS = Section("means", _("Income and family"))
DUTIES = Section("duties", _("Taxes, pension and health insurance"))
CONDUCT = Section("conduct", _("Conduct"))
OTHER = Section("other", _("Guarantor and other questions"))
NATURALIZATION = Section("naturalization", _("Your answers for naturalization"))
KEEP_PR = Section("keep_pr", _("Your residence card"))

#: The sections of the application report's "Your answers", in the report's order. The
#: naturalization answers are listed in that part of the report (``report/_naturalization.html``).
REPORT_SECTIONS = (STATUS, TIME_ABROAD, MEANS, DUTIES, CONDUCT, OTHER)


@dataclass(frozen=True)
class Question:
    """One answer (a contract key) as the check asks it and the report lists it."""

    key: str
    #: The question as the wizard asks it (its form field's label, its list's legend).
    question: Any
    section: Section
    shows: str
    #: The shorter name the report's list gives it (None: the question itself).
    name: Any = None
    #: The ``results.wording`` table of a choice's labels.
    table: str = ""
    #: A compound value's template, ``assessments/report/answers/<template>.html``.
    template: str = ""
    listed: str = ALWAYS
    #: What a blank answer reads on a row listed ``ALWAYS`` (None: the value's own wording).
    blank: Any = None
    #: For ``WITHIN``: the answer on whose row this one is shown.
    within: str = ""

    @property
    def short(self):
        """The name of the answer in the report's list."""
        return self.name or self.question

    @property
    def template_name(self) -> str:
        return f"assessments/report/answers/{self.template}.html"


def _q(key, question, section, shows, **more) -> Question:
    return Question(key, question, section, shows, **more)


#: Every contract key, in the order the check asks it.
QUESTIONS: tuple[Question, ...] = (
    _q(
        "application_date",
        _("When do you plan to apply?"),
        STATUS,
        DATE,
        name=_("Application date"),
    ),
    _q(
        "status",
        _("Your current status of residence"),
        STATUS,
        CHOICE,
        name=_("Current status of residence"),
        table="ResidenceStatus",
    ),
    _q(
        "immigration_bureau",
        _("Which regional immigration bureau will you apply at?"),
        STATUS,
        CHOICE,
        name=_("Regional immigration bureau applied at"),
        table="ImmigrationBureau",
        listed=GIVEN,
    ),
    _q(
        "period_of_stay_years",
        _("Period of stay granted with this status"),
        STATUS,
        COMPOUND,
        name=_("Period of stay"),
        template="period_of_stay",
    ),
    _q(
        "status_expiry_date",
        _("When does your period of stay end?"),
        STATUS,
        DATE,
        listed=WITHIN,
        within="period_of_stay_years",
    ),
    _q(
        "meets_landing_standards",
        _("Does your current job or activity still meet the requirements of your status?"),
        OTHER,
        YES_NO,
        name=_("Current activity still meets the standards of the status"),
    ),
    _q(
        "business_manager_standards",
        _("Does your business meet the Business Manager standards now in force?"),
        OTHER,
        CHOICE,
        name=_("Business meets the Business Manager standards now in force"),
        table="BusinessStandards",
        listed=GIVEN,
    ),
    _q(
        "residence_start_date",
        _("When did your current continuous residence in Japan start?"),
        STATUS,
        DATE,
        name=_("Continuous residence in Japan since"),
    ),
    _q(
        "qualifying_status_start_date",
        _("Since when have you lived in Japan on a work or residence-based status?"),
        STATUS,
        DATE,
        name=_("On a work or residence-based status since"),
        listed=GIVEN,
    ),
    _q(
        "contribution_to_japan",
        _("Has your contribution to Japan been recognised?"),
        STATUS,
        YES_NO,
        name=_("Recognised contribution to Japan"),
        listed=SAID_YES,
    ),
    _q(
        "marriage_date",
        _("When did you marry?"),
        STATUS,
        DATE,
        name=_("Date of marriage"),
        listed=GIVEN,
    ),
    _q(
        "status_grant_date",
        _("When were you granted your current status, or recognised as a refugee?"),
        STATUS,
        DATE,
        name=_("Status granted or recognised on"),
        listed=GIVEN,
    ),
    # A permanent resident's own check: its report words the card in the verdict (the next
    # renewal), and has no answer list.
    _q(
        "residence_card_expiry",
        _("When does your residence card expire?"),
        KEEP_PR,
        DATE,
        listed=NOT_LISTED,
    ),
    _q(
        "hsp_points",
        _("Highly Skilled Professional points"),
        STATUS,
        COMPOUND,
        template="hsp_points",
        listed=GIVEN,
    ),
    # Known future changes of the points (an age band): the calculator derives them from the
    # profile; nobody types them, and the result's timeline shows what they move.
    _q(
        "hsp_points_changes",
        _("Highly Skilled Professional points"),
        STATUS,
        COMPOUND,
        listed=NOT_LISTED,
    ),
    _q(
        "hsp_points_maintained",
        _("Did you keep at least that many points the whole time in between?"),
        STATUS,
        YES_NO,
        listed=WITHIN,
        within="hsp_points",
    ),
    _q(
        "jskip_eligible",
        _("Do you meet the J-Skip criteria now, and did you one year ago?"),
        STATUS,
        YES_NO,
        name=_("Meets the J-Skip criteria"),
        listed=SAID_YES,
    ),
    _q(
        "trips",
        _("Your trips abroad"),
        TIME_ABROAD,
        COMPOUND,
        name=_("Trips abroad"),
        template="trips",
        blank=NONE,
    ),
    _q(
        "dependents",
        _("How many dependants do you claim for tax?"),
        MEANS,
        COMPOUND,
        name=_("Dependants"),
        template="dependents",
    ),
    _q(
        "dependents_abroad",
        _("Of those, how many live outside Japan?"),
        MEANS,
        COMPOUND,
        listed=WITHIN,
        within="dependents",
    ),
    _q(
        "assets",
        _("Savings and other assets, in yen"),
        MEANS,
        MONEY,
        name=_("Savings and other assets"),
        blank=NOT_ANSWERED,
    ),
    _q(
        "public_assistance",
        _("Does anyone in your household receive public assistance (生活保護)?"),
        MEANS,
        YES_NO,
        name=_("Public assistance in the household"),
    ),
    _q(
        "employment",
        _("Your main job"),
        MEANS,
        CHOICE,
        name=_("Main job"),
        table="Employment",
    ),
    _q(
        "income",
        _("Your income"),
        MEANS,
        COMPOUND,
        name=_("Annual income"),
        template="income",
        blank=NOT_ANSWERED,
    ),
    _q(
        "payments",
        _("Which payments were late, or are still unpaid?"),
        DUTIES,
        COMPOUND,
        name=_("Late or unpaid payments"),
        template="payments",
        blank=NONE,
    ),
    _q(
        "pension_enrolled",
        _("Are you enrolled in the public pension, or lawfully exempted?"),
        DUTIES,
        YES_NO,
        name=_("Enrolled in the public pension"),
    ),
    _q(
        "health_insurance_enrolled",
        _("Are you enrolled in public health insurance?"),
        DUTIES,
        YES_NO,
        name=_("Enrolled in public health insurance"),
    ),
    _q(
        "missed_notifications",
        _("Which notifications were filed late, or not at all?"),
        DUTIES,
        COMPOUND,
        name=_("Immigration notifications filed late or not at all"),
        template="missed_notifications",
        blank=NONE,
    ),
    _q(
        "criminal_records",
        _("Which sentences have you received in Japan?"),
        CONDUCT,
        COMPOUND,
        name=_("Criminal sentences in Japan"),
        template="criminal_records",
        blank=NONE,
    ),
    _q(
        "traffic_violations",
        _("Which traffic violations have you had in Japan?"),
        CONDUCT,
        COMPOUND,
        name=_("Traffic violations"),
        template="traffic_violations",
        blank=NONE,
    ),
    _q(
        "unauthorized_work",
        _("Have you ever worked outside what your status allows?"),
        CONDUCT,
        YES_NO,
        name=_("Work outside the permitted activity"),
    ),
    _q(
        "public_health_risk",
        _("Do you have a condition that could harm public health, such as drug addiction?"),
        OTHER,
        YES_NO,
        name=_("Public health concern"),
    ),
    _q(
        "guarantor",
        _("Who will be your guarantor (身元保証人)?"),
        OTHER,
        CHOICE,
        name=_("Guarantor"),
        table="Guarantor",
    ),
    # Asked on the naturalization page; listed with the status, where a reader looks for it.
    _q(
        "birth_date",
        _("Your date of birth"),
        STATUS,
        DATE,
        name=_("Date of birth"),
        listed=GIVEN,
    ),
    _q(
        "born_in_japan",
        _("Were you born in Japan?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
    _q(
        "parent_former_japanese",
        _("Was your father or mother ever a Japanese national?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
    _q(
        "former_japanese_national",
        _("Were you ever a Japanese national yourself?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
    _q(
        "adopted_by_japanese_as_minor",
        _("Were you adopted by a Japanese national while you were under age?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
    _q(
        "japanese_level",
        _("Your level of Japanese"),
        NATURALIZATION,
        CHOICE,
        table="JapaneseLevel",
        blank=NOT_ANSWERED,
    ),
    _q(
        "nationality_renounceable",
        _("Can you give up your current nationality?"),
        NATURALIZATION,
        YES_NO,
        blank=NOT_ANSWERED,
    ),
    _q(
        "monthly_take_home",
        _("Monthly take-home pay of your household (yen)"),
        NATURALIZATION,
        MONEY,
        blank=NOT_ANSWERED,
    ),
    _q(
        "last_job_change_date",
        _("If you changed jobs in the last year: the day you started your current job"),
        NATURALIZATION,
        DATE,
        listed=GIVEN,
    ),
    _q(
        "family_arrears",
        _("Does anyone in your household have taxes or social insurance overdue?"),
        NATURALIZATION,
        YES_NO,
        listed=SAID_YES,
    ),
    _q(
        "parent_born_in_japan",
        _("Was your father or mother also born in Japan?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
    _q(
        "stateless_since_birth",
        _("Have you had no nationality at all since you were born?"),
        NATURALIZATION,
        YES_NO,
        listed=GIVEN,
    ),
)

#: The declaration of each contract key.
QUESTION = {q.key: q for q in QUESTIONS}


def asked(key: str):
    """Return the question that asks the answer ``key`` (lazy): a form field's label."""
    return QUESTION[key].question


@dataclass(frozen=True)
class Row:
    """An answer as the report lists it: its declaration, its value, and whether it is blank."""

    question: Question
    value: Any
    blank: Any = None  # the wording of a blank answer, else None


def _is_given(value) -> bool:
    return value is not None and value != ()


def listed_rows(answers, questions: Iterable[Question]) -> list[Row]:
    """Return the rows the report lists for ``answers`` (``Answers``) among ``questions``."""
    rows = []
    for question in questions:
        value = getattr(answers, question.key)
        if question.listed == ALWAYS:
            blank = None if _is_given(value) else question.blank
            rows.append(Row(question, value, blank))
        elif (question.listed == GIVEN and _is_given(value)) or (
            question.listed == SAID_YES and value
        ):
            rows.append(Row(question, value))
    return rows


def listed_sections(answers, sections=REPORT_SECTIONS) -> list[tuple[Section, list[Row]]]:
    """Return each of ``sections`` with the rows it lists for ``answers``, in the check's order.

    A section with no row is left out (none is empty today: each has an answer always listed).
    """
    listed = []
    for section in sections:
        rows = listed_rows(answers, (q for q in QUESTIONS if q.section == section))
        if rows:
            listed.append((section, rows))
    return listed
