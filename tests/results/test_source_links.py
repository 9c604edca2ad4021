"""The result page links each cited source to its address (from the thresholds it used)."""

from __future__ import annotations

import re

import pytest

from tests.results.conftest import BASE_ANSWERS, engine_result

pytestmark = pytest.mark.django_db

GUIDELINE_URL = "https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_each_cited_source_links_its_url(client, result_url, language):
    naturalization = {"japanese_level": "n2"}
    result = engine_result(**naturalization)
    # The naturalization card, whose sources are counted too, is shown to those who asked.
    answers = {**BASE_ANSWERS, **naturalization}
    html = client.get(result_url(result, language=language, answers=answers)).content.decode()
    urls = {entry["source_title"]: entry["source_url"] for entry in result["thresholds"].values()}
    findings = result["requirements"] + result["naturalization"]["requirements"]
    cited = [f["reference"] for f in findings if f["reference"] in urls]
    assert len(cited) > len(findings) / 2
    linked = re.findall(r'<p class="source"><a href="([^"]+)" rel="noopener noreferrer">', html)
    assert sorted(linked) == sorted(urls[title] for title in cited)
    assert GUIDELINE_URL in linked


def test_a_source_no_threshold_names_is_shown_without_a_link(client, result_url):
    result = engine_result()
    result["thresholds"] = {}
    html = client.get(result_url(result)).content.decode()
    sources = re.findall(r'<p class="source">(.*?)</p>', html, flags=re.S)
    assert sources
    assert not any("<a " in source for source in sources)
