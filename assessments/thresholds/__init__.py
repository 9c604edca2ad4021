"""Thresholds: dated, cited values that admins edit, resolved "as of" a date.

The ``Threshold`` model and its admin, the reviewable defaults in ``data/*.yaml`` (loaded by
migrations), and the one resolver ``thresholds_at(*, on)`` that every caller uses (the PR check,
the HSP calculator, the command line, the API). It turns the stored rows into the pure
``Thresholds`` snapshot of ``eligibility``.

May import: ``eligibility``. Imported by everything above it.
"""
