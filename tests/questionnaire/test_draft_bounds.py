"""A session stays small whatever is posted: drafts keep only a step's own fields, cut to size."""

from __future__ import annotations

import json
import random
import string

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from assessments.eligibility.answers import MAX_LIST_ITEMS
from assessments.questionnaire.drafts import (
    SESSION_BOUND_BYTES,
    field_limit,
    field_limits,
    own_fields,
)
from assessments.questionnaire.flow import STEPS
from assessments.questionnaire.runs import PASTED_TRIPS, WIZARD_PREFIX
from assessments.questionnaire.trip_import import MAX_PASTE_CHARS, PASTE

pytestmark = pytest.mark.django_db
FIELD_BUDGET = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS - 10  # what Django accepts in one POST
BODY_BUDGET = settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 16 * 1024


def noise(rng: random.Random, length: int) -> str:
    """Return text that does not compress (the worst case for the session row)."""
    return "".join(rng.choices(string.ascii_letters + string.digits, k=length))


def kanji(rng: random.Random, length: int) -> str:
    """Return Japanese text that does not compress (three bytes a character, six in JSON)."""
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(length))


def step_form(step: str, form_class):
    kwargs = (
        {"income_years": list(range(2016, 2026)), "household": True} if step == "income" else {}
    )
    return form_class(prefix=step, **kwargs)


def hostile_post(step: str, form, rng: random.Random) -> dict:
    """Return POST data for ``step``: every field and row at once, far too long, plus junk keys
    (and, on the travel step, a paste of trips longer than is read)."""
    paste = kanji(rng, MAX_PASTE_CHARS + 100) if step == "travel" else ""
    keys = list(field_limits(form))
    for formset in form.formsets.values():
        keys[:] = [k for k in keys if not k.endswith("FORMS")]
        keys += [f"{formset.prefix}-TOTAL_FORMS", f"{formset.prefix}-INITIAL_FORMS"]
        for index in range(MAX_LIST_ITEMS + 5):
            keys += [f"{formset.prefix}-{index}-{name}" for name in formset.form.base_fields]
    keys = keys[:FIELD_BUDGET]
    junk = [f"{step}-junk{i}" for i in range(FIELD_BUDGET - len(keys))]
    body = BODY_BUDGET - len(paste.encode())
    length = max(40, body // (len(keys) + len(junk)) - 60)
    data = {key: noise(rng, length) for key in keys + junk}
    if paste:
        data[PASTE] = paste
    data[f"{WIZARD_PREFIX}-current_step"] = step
    data["wizard_goto_step"] = step  # keep as a draft, unvalidated
    return data


def stored_session(client) -> tuple[dict, int]:
    row = Session.objects.get(session_key=client.session.session_key)
    return row.get_decoded(), len(row.session_data)


def test_a_hostile_post_on_every_step_leaves_the_session_row_under_the_stated_bound(driver):
    rng = random.Random(13)
    for step, form_class in STEPS:
        form = step_form(step, form_class)
        response = driver.client.post(driver.url(step), hostile_post(step, form, rng))
        assert response.status_code == 302, step
    decoded, row_bytes = stored_session(driver.client)
    assert row_bytes < SESSION_BOUND_BYTES
    stored = json.dumps(decoded)
    assert "junk" not in stored
    # More steps were stored than the first one, so the bound was measured on something.
    assert stored.count('"travel-trips-1') and stored.count('"conduct-')
    run = next(value for key, value in decoded.items() if key.startswith("wizard_"))
    assert len(run["extra_data"][PASTED_TRIPS]) == MAX_PASTE_CHARS


def test_a_draft_keeps_the_steps_own_fields_each_cut_to_its_limit():
    form = step_form("travel", dict(STEPS)["travel"])
    posted = {
        "travel-has_trips": ["yes" * 1000, "no"],
        "travel-trips-TOTAL_FORMS": ["9" * 50],
        "travel-trips-0-departure": ["2024-01-05" + "x" * 5000],
        f"travel-trips-{MAX_LIST_ITEMS}-departure": ["2024-01-05"],  # one row too many
        "travel-trips-0-unknown": ["x"],
        "travel-other": ["x"],
        "csrfmiddlewaretoken": ["x"],
    }
    kept = own_fields(posted, form)
    departure = field_limit(form.formsets["trips"].form.base_fields["departure"])[0]
    assert (
        kept
        == {
            "travel-has_trips": ["yes"],  # the longest choice is "yes"; one value only
            "travel-trips-TOTAL_FORMS": ["999"],
            "travel-trips-0-departure": [("2024-01-05" + "x" * 5000)[:departure]],
        }
    )


def test_every_step_filled_to_its_limits_with_every_row_set_full_fits_the_bound():
    """The bound holds for honest input too: the largest session a person could build."""
    total = len(json.dumps("x" * MAX_PASTE_CHARS))  # the travel step's pasted trips
    for step, form_class in STEPS:
        form = step_form(step, form_class)
        draft = {key: ["x" * length] * count for key, (length, count) in field_limits(form).items()}
        for formset in form.formsets.values():
            for index in range(MAX_LIST_ITEMS):
                for name, field in formset.form.base_fields.items():
                    length, count = field_limit(field)
                    draft[f"{formset.prefix}-{index}-{name}"] = ["x" * length] * count
        total += len(json.dumps(draft))
    # The session row stores the JSON signed and base64-encoded (4/3 when it does not compress).
    assert total * 4 // 3 < SESSION_BOUND_BYTES
