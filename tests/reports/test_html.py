"""``report_render_html``: one template, every section in Japanese and then in English."""

import re

import pytest
from django.template import Context, Template

from assessments.eligibility.choices import REQUIREMENT_IDS
from assessments.reports.pdf import report_context, report_render_html, report_sources
from tests.reports.support import GENERATED_AT, REFERENCE, TYPICAL


@pytest.mark.parametrize(
    "text",
    [
        "永住許可 自己診断レポート",
        "Permanent Residence Self-Assessment Report",
        "要件",
        "Requirements",
        "必要書類",
        "Documents to gather",
        "今後の手続き",
        "Next steps",
    ],
)
def test_the_title_and_every_heading_are_there_in_both_languages(typical_html, text):
    assert text in typical_html


@pytest.mark.parametrize(
    "text",
    [
        "2026年12月1日",  # application date, Japanese
        "1 December 2026",  # application date, English
        "2027年6月1日",  # residence clears on
        "1 June 2027",
        "280万円",  # the low year's income, Japanese
        "¥2,800,000",  # and in English
        "¥3,800,000",  # the floor for one dependant, from the thresholds snapshot
        "9.5",  # years of residence so far
        "2023年8月1日",  # a trip, as answered
        "1 August 2023",
    ],
)
def test_the_applicants_own_numbers_and_dates_appear_in_both_forms(typical_html, text):
    assert text in typical_html


def test_the_reference_is_printed_and_the_report_is_dated_when_generated(typical_html):
    assert REFERENCE in typical_html
    assert "2026年12月1日" in typical_html


def test_every_requirement_has_a_block_in_contract_order(typical_html, typical_result):
    blocks = re.findall(r'<div class="requirement status-(\w+)">', typical_html)
    assert len(blocks) == len(REQUIREMENT_IDS) == len(typical_result["requirements"])
    assert blocks == [requirement["status"] for requirement in typical_result["requirements"]]


def test_each_requirement_cites_its_source(typical_html, typical_result):
    for requirement in typical_result["requirements"]:
        assert requirement["reference"] in typical_html.replace("&#x27;", "'")


def test_the_sources_of_the_thresholds_used_are_listed_once_each(typical_result):
    sources = report_sources(thresholds=typical_result["thresholds"])
    urls = [source["url"] for source in sources]
    assert len(urls) == len(set(urls)) > 0
    assert all(url.startswith("https://") for url in urls)


def _threshold(title, url, kind="official"):
    return {"source_title": title, "source_url": url, "kind": kind, "value": 1}


GUIDELINE = "https://www.moj.go.jp/isa/guideline.html"
SOURCES_CASES = [
    (
        "sections of one document are cited on one line",
        {
            "a.one": _threshold("永住許可に関するガイドライン（改訂） 1(3)ア", GUIDELINE),
            "a.two": _threshold("永住許可に関するガイドライン（改訂） 2(1), 注1", GUIDELINE),
            "a.three": _threshold("永住許可に関するガイドライン（改訂） 注1", GUIDELINE),
        },
        [("永住許可に関するガイドライン（改訂） 1(3)ア, 2(1), 注1", ["official"])],
    ),
    (
        "a comma inside an amount is not a section break",
        {
            "b.one": _threshold(
                "rule of thumb: 3,000,000 yen a year", "https://a.example/", "practice"
            ),
            "b.two": _threshold(
                "rule of thumb: 90 days per trip", "https://a.example/", "practice"
            ),
        },
        [("rule of thumb: 3,000,000 yen a year, 90 days per trip", ["practice"])],
    ),
    (
        "prcheck's own scoring weights are not a source",
        {"score.weight.taxes": _threshold("prcheck readiness score", "https://prcheck.example/")},
        [],
    ),
    (
        "official sources come before rules of thumb and drafts",
        {
            "c.draft": _threshold("Draft guideline", "https://c.example/draft", "draft"),
            "c.practice": _threshold("A lawyer's blog", "https://c.example/blog", "practice"),
            "c.official": _threshold("The guideline", "https://c.example/official"),
        },
        [
            ("The guideline", ["official"]),
            ("A lawyer's blog", ["practice"]),
            ("Draft guideline", ["draft"]),
        ],
    ),
]


@pytest.mark.parametrize(
    ("thresholds", "expected"),
    [case[1:] for case in SOURCES_CASES],
    ids=[case[0] for case in SOURCES_CASES],
)
def test_report_sources(thresholds, expected):
    sources = report_sources(thresholds=thresholds)
    assert [(source["title"], source["kinds"]) for source in sources] == expected


def test_the_checklist_has_a_tick_box_per_document(typical_html, typical_result):
    context = report_context(
        result=typical_result, answers=TYPICAL, reference=REFERENCE, generated_at=GENERATED_AT
    )
    assert typical_html.count('class="box"') == len(context["page"].documents) > 5


def test_japanese_comes_before_english_in_each_bilingual_cell(typical_html):
    assert typical_html.index("永住許可 自己診断レポート") < typical_html.index(
        "Permanent Residence Self-Assessment Report</span>"
    )


BILINGUAL_CASES = [
    (
        "a translated string is written in Japanese, then in English",
        '{% translate "Requirements" %}',
        '<span class="ja">要件</span><span class="en" lang="en">Requirements</span>',
    ),
    (
        "text that reads the same in both is written once",
        "AB12-CD34",
        '<span class="both">AB12-CD34</span>',
    ),
    (
        "inline, a short label is one run of text, Japanese first",
        '{% bilingual inline %}{% translate "Requirements" %}{% endbilingual %}',
        # The English half carries its language (a tagged PDF reads it with an English voice).
        '要件 / <span lang="en">Requirements</span>',
    ),
    (
        "inline, text that reads the same in both is written once",
        "{% bilingual inline %}AB12-CD34{% endbilingual %}",
        "AB12-CD34",
    ),
    (
        "a value is escaped once, not twice",
        "{{ value }}",
        '<span class="both">Practitioners&#x27; &lt;rule&gt;</span>',
    ),
]


@pytest.mark.parametrize(
    ("source", "expected"),
    [case[1:] for case in BILINGUAL_CASES],
    ids=[case[0] for case in BILINGUAL_CASES],
)
def test_the_bilingual_tag(source, expected):
    if "{% bilingual" not in source:
        source = "{% bilingual %}" + source + "{% endbilingual %}"
    template = Template("{% load i18n report_tags %}" + source)
    assert template.render(Context({"value": "Practitioners' <rule>"})) == expected


def test_stored_answers_that_no_longer_validate_still_give_a_report(typical_result):
    html = report_render_html(
        result=typical_result,
        answers={**TYPICAL, "status": "retired_status"},
        reference=REFERENCE,
        generated_at=GENERATED_AT,
    )
    assert "回答内容" in html and "Your answers cannot be shown" in html
    assert html.count('<div class="requirement status-') == len(REQUIREMENT_IDS)
