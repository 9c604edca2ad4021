"""Routing that never reads a skipped step: conditions see only earlier steps that are shown.

formtools evaluates every condition against every step's stored data, including steps the
route no longer asks; here a condition (and ``done()``) can only read the cleaned data of
steps in the current form list, and a condition only of those before its own step.
"""

from __future__ import annotations

from collections import OrderedDict


class RoutingMixin:
    """``get_form_list`` and ``get_cleaned_data_for_step`` that never read a skipped step."""

    _resolving = None  # the steps found so far while conditions are being evaluated
    _form_list_cache = None

    def get_form_list(self):
        """Return the steps of the current route, evaluating each condition once, in order."""
        if self._resolving is not None:
            return self.form_list  # only reached through get_form() inside a condition
        if self._form_list_cache is None:
            self._resolving = OrderedDict()
            try:
                for step, form_class in self.form_list.items():
                    condition = self.condition_dict.get(step, True)
                    if condition(self) if callable(condition) else condition:
                        self._resolving[step] = form_class
                self._form_list_cache = self._resolving
            finally:
                self._resolving = None
        return OrderedDict(self._form_list_cache)

    def get_cleaned_data_for_step(self, step):
        """Return a step's cleaned data only if the step is asked (and, in a condition, earlier)."""
        visible = self._resolving if self._resolving is not None else self.get_form_list()
        if step not in visible:
            return None
        return super().get_cleaned_data_for_step(step)

    def _forget_routing(self):
        self._form_list_cache = None
        for name in [n for n in vars(self) if n.startswith("_cleaned_data_cache_")]:
            delattr(self, name)
