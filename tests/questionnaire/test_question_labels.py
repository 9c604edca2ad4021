"""The wizard asks each answer in the words it is declared with (``results.questions``).

No form writes its own copy of a question: the field (or list) that answers a contract key
takes its label from the declaration, which the report and "what changed" read too.
"""

from __future__ import annotations

from assessments.questionnaire.flow import PAGES
from assessments.results.questions import asked

#: Fields (and lists) named otherwise than the contract key they answer.
FIELD_OF = {"period_of_stay_years": "period_of_stay", "missed_notifications": "notifications"}
#: Answers a page builds from several fields (the points of three days, the income per year):
#: no one field carries their question.
BUILT = {"hsp_points", "income"}


def _label(form, key):
    name = FIELD_OF.get(key, key)
    if name in form.base_fields:
        return form.base_fields[name].label
    rows = getattr(form, "rows", {})
    if name in rows:
        return rows[name].legend
    return None


def test_every_field_that_answers_a_contract_key_is_labelled_by_its_declaration():
    wrong, written = [], set()
    for page in PAGES:
        for key in page.writes:
            written.add(key)
            label = _label(page.form, key)
            if key in BUILT:
                assert label is None, key
            elif label is not asked(key):
                wrong.append((page.name, key, str(label)))
    assert wrong == []
    assert written >= BUILT
