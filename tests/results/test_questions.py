"""Every answer of the contract declared once (``results.questions``), and named from there."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from django.utils import translation

from assessments.eligibility.answers import KNOWN_KEYS, Answers, answers_from_dict
from assessments.results.changes import ANSWER_NAMES, changed_keys
from assessments.results.questions import (
    COMPOUND,
    NOT_LISTED,
    QUESTION,
    QUESTIONS,
    WITHIN,
    asked,
)

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "contract.md"
ON = dt.date(2026, 12, 1)
BASE = {
    "application_date": "2026-12-01",
    "status": "permanent_resident",
    "period_of_stay_years": None,
    "residence_start_date": "2015-04-01",
    "status_grant_date": "2020-04-01",
    "employment": "regular",
    "guarantor": "japanese",
}


def test_every_key_of_the_answers_contract_is_declared_once_and_nothing_else():
    keys = [question.key for question in QUESTIONS]
    assert len(keys) == len(set(keys))
    assert set(keys) == KNOWN_KEYS - {"schema"}
    assert set(keys) == {field.name for field in dataclasses.fields(Answers)}


def test_every_declared_key_is_documented_in_the_contract():
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", CONTRACT.read_text(), re.M))
    assert {question.key for question in QUESTIONS} - documented == set()


def test_a_row_shown_within_another_names_an_answer_listed_in_the_same_section():
    for question in QUESTIONS:
        if question.listed == WITHIN:
            host = QUESTION[question.within]
            assert host.listed not in (NOT_LISTED, WITHIN), question.key
            assert host.section == question.section and host.shows == COMPOUND, question.key
        else:
            assert not question.within, question.key


def test_a_compound_value_names_its_template_and_a_choice_its_labels():
    for question in QUESTIONS:
        if question.shows == COMPOUND and question.listed not in (NOT_LISTED, WITHIN):
            assert question.template, question.key
        if question.shows == "choice":
            assert question.table, question.key


def test_every_question_and_name_reads_in_japanese():
    with translation.override("ja"):
        untranslated = [
            str(text)
            for question in QUESTIONS
            for text in (question.question, question.name, question.section.title)
            if text is not None and str(text).isascii()
        ]
    assert untranslated == []


def test_a_changed_answer_is_named_by_its_question_in_the_order_the_check_asks():
    assert list(ANSWER_NAMES) == [question.key for question in QUESTIONS]
    assert ANSWER_NAMES["guarantor"] is asked("guarantor")
    before = answers_from_dict(BASE, today=ON)
    after = answers_from_dict(
        {**BASE, "residence_card_expiry": "2027-04-01", "guarantor": "other"}, today=ON
    )
    # The card, asked only of a permanent resident, is named now that it is declared.
    assert changed_keys(before, after) == ("residence_card_expiry", "guarantor")
