"""The wizard's session storage: formtools' own, saving the session only when a run changes.

formtools' ``SessionStorage`` marks the session modified whenever its data is *read*, so
every wizard page, GETs included, wrote the whole session back to the database: one UPDATE
per page view for nothing. Here a read is a read, and each of formtools' writers — the step,
the step data and files, the extra data, a reset — marks the session modified.
"""

from __future__ import annotations

from formtools.wizard.storage.session import SessionStorage


class RunStorage(SessionStorage):
    """``SessionStorage`` whose reads leave the session unmodified."""

    # formtools' SessionStorage._get_data sets ``request.session.modified = True`` on every
    # read of ``self.data``, which made SessionMiddleware save the session row on every
    # wizard page view (GETs included). Reading here leaves it alone; the writers below mark
    # the session modified (a reset goes through ``_set_data``, which formtools marks itself).
    def _get_data(self):
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)

    def _changed(self):
        self.request.session.modified = True

    def _set_current_step(self, step):
        if step != self._get_current_step():
            super()._set_current_step(step)
            self._changed()

    def _set_extra_data(self, extra_data):
        super()._set_extra_data(extra_data)
        self._changed()

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        self._changed()

    def set_step_files(self, step, files):
        super().set_step_files(step, files)
        self._changed()
