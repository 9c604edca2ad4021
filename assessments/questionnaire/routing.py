"""The wizard's route: worked out once per request from the answers so far, by ``flow.route``.

formtools calls each page's condition to resolve its form list; here every condition only
looks up ``RouteMixin.route`` (``flow.route_conditions``), the pages the answers so far ask.
Those answers are the run's document and steering answers (``storage.RunStorage``), with the
valid drafts of the route over them, as "check your answers" shows them; the route is worked
out again when a page is saved or a draft kept. No formtools method is overridden here.
"""

from __future__ import annotations

from django.utils.datastructures import MultiValueDict

from assessments.questionnaire import flow
from assessments.questionnaire.mapping import page_fragment
from assessments.questionnaire.so_far import AnswersSoFar


class RouteMixin:
    """The route of the run, its answers so far, and the application date they give.

    The thresholds in force on a date come from the view (``thresholds_on``): a database
    query, not part of working out the route.
    """

    _route: tuple[str, ...] | None = None
    _so_far: AnswersSoFar | None = None

    def route(self) -> tuple[str, ...]:
        """Return the pages the run's answers ask (``flow.route``), worked out once until a
        page is saved or a draft kept (``forget_route``).

        The answers so far are the run's document with, over it, each page typed but not yet
        gone on from (a draft: Back, "continue later") whose answers are valid, as "check your
        answers" shows them. A draft is read with the form its page has on the route of the
        document alone; a draft that brings another page onto the route is read again.
        """
        if self._route is None:
            self._answers_so_far = (self.storage.answers, self.storage.asked)
            self._route = self._route_for(*self._answers_so_far)
            drafts = self.storage.draft_pages()
            for _draft in drafts:
                answers, asked = self._with_valid_drafts(drafts)
                route = self._route_for(answers, asked)
                self._answers_so_far, self._so_far = (answers, asked), None
                if route == self._route:
                    break
                self._route = route
        return self._route

    def _route_for(self, answers, asked) -> tuple[str, ...]:
        on = self._application_date_in(answers)
        points = self.profile_points(answers, asked, on)
        return flow.route(answers, asked, self.thresholds_on(on), points)

    def _with_valid_drafts(self, drafts) -> tuple[dict, dict]:
        """Return the document and steering answers with the valid drafts of the route over."""
        answers, asked = dict(self.storage.answers), dict(self.storage.asked)
        on = self.application_date()
        for step, data in drafts.items():
            if step not in self._route:
                continue  # a page the route skips steers nothing
            form = self.page_form(step, MultiValueDict(data), on)
            if form.is_valid():
                page = flow.PAGE[step]
                answers.update(page_fragment(step, form.cleaned_data))
                for name in page.asks:
                    asked[page.kept_name(name)] = list(data.get(f"{step}-{name}", []))
        return answers, asked

    def so_far(self) -> AnswersSoFar:
        """Return the answers of the pages on the route, as the pages' conditions read them."""
        route = self.route()
        if self._so_far is None:
            answers, asked = self._answers_so_far
            on = self._application_date_in(answers)
            self._so_far = AnswersSoFar(
                tuple(flow.PAGE[step] for step in route),
                answers,
                asked,
                self.thresholds_on(on),
                self.profile_points(answers, asked, on),
            )
        return self._so_far

    def forget_route(self):
        """A page was saved or a draft kept: work the route out again when next needed.

        formtools keeps the form list it resolved as long as ``condition_dict`` is the same,
        so it is given new conditions (the same lookups of ``route``), not told to forget.
        """
        self._route, self._so_far = None, None
        self.condition_dict = flow.route_conditions()

    def application_date(self):
        """Return the application date the answers so far give (the status page), else today."""
        self.route()
        return self._application_date_in(self._answers_so_far[0])

    def _application_date_in(self, answers):
        return AnswersSoFar((flow.PAGES[0],), answers).application_date or self.today

    def page_form(self, step, data, application_date):
        """Return the page's form bound to ``data``, built from its declaration.

        For reading answers while the route is being worked out (a draft, an HSP profile):
        formtools' ``get_form`` looks the page up in the form list, which needs the route.
        """
        page = flow.PAGE[step]
        kwargs = {"today": self.today}
        if not page.asks_application_date:
            kwargs["application_date"] = application_date
        if page.form_kwargs:
            kwargs.update(page.form_kwargs(self))
        return page.form(data=data, prefix=self.get_form_prefix(step, page.form), **kwargs)
