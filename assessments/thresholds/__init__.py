"""Thresholds: dated, cited values that admins edit, resolved "as of" a date.

The ``Threshold`` model and its admin (registered by ``results.threshold_admin``, which adds the
persona trial that needs the engine), the reviewable defaults in ``data/*.yaml`` (loaded by
migrations), and the one resolver ``thresholds_at(*, on)`` that every caller uses (the PR check,
the HSP calculator, the command line, the API). It turns the stored rows into the pure
``Thresholds`` snapshot (``snapshot.py``) that the rules of ``eligibility`` and ``hsp`` read.

May import: nothing else of the app (it is the bottom layer). Imported by every subpackage.
"""
