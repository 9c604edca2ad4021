"""The result page's model: the typed view of a stored result, built once per request.

``result_page`` parses the stored answers (they add the HSP points, the end of the period of
stay and the documents checklist) and builds ``view.ResultView``, which the result page, the
PDF report, the comparison and the what-if page all read. Nothing here decides eligibility.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from assessments.eligibility.answers import Answers, AnswersInvalid, answers_from_dict
from assessments.results.view import ResultView, application_date_of

#: The page model is the typed view itself.
ResultPage = ResultView


def stored_answers(data, *, application_date: dt.date | None) -> Answers | None:
    """Parse stored answers back to ``Answers``; None if they are missing or no longer valid.

    Answers were valid when stored, but a later, stricter check must not make an old result
    fail: the page is then shown without what the answers add.
    """
    if not isinstance(data, dict) or not data:
        return None
    try:
        return answers_from_dict(data, today=application_date or timezone.localdate())
    except AnswersInvalid:
        return None


def result_page(*, result, answers: dict | None = None) -> ResultView:
    """Build the result page's model from a stored ``prcheck.result/1`` dict and its answers."""
    parsed = stored_answers(answers, application_date=application_date_of(result))
    return ResultView.from_json(result, answers=parsed, answers_json=answers or {})
