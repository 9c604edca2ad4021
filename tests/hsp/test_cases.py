"""Golden cases (cases.yaml): whole profiles with the total and breakdown of the official sheet."""

from pathlib import Path

import pytest
import yaml

from assessments.hsp.points import hsp_points
from assessments.hsp.profile import profile_from_dict
from tests.hsp.conftest import table

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_total_and_breakdown_match_the_official_sheet(case):
    on = case["as_of"]
    profile = profile_from_dict({**case["profile"], "as_of": on.isoformat()}, today=on)
    result = hsp_points(profile, table(on))
    expected = case["expected"]
    assert {line.item: line.points for line in result.breakdown} == expected["breakdown"]
    assert result.points == expected["points"] == sum(expected["breakdown"].values())
    assert result.passes is expected["passes"]
