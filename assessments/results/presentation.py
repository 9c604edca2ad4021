"""The result page's model: the typed view of a stored result, built once per request.

``result_page`` parses the stored answers (they add the HSP points, the end of the period of
stay and the documents checklist) and builds ``view.ResultView``, which the result page, the
PDF report, the comparison and the what-if page all read. Nothing here decides eligibility.
"""

from __future__ import annotations

from assessments.results.view import ResultView, application_date_of, stored_answers

#: The page model is the typed view itself.
ResultPage = ResultView
__all__ = ["ResultPage", "result_page", "stored_answers"]


def result_page(*, result, answers: dict | None = None) -> ResultView:
    """Build the result page's model from a stored ``prcheck.result/1`` dict and its answers."""
    parsed = stored_answers(answers, application_date=application_date_of(result))
    return ResultView.from_json(result, answers=parsed, answers_json=answers or {})
