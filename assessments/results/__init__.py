"""Results: evaluating answers, and what is stored and shown afterwards.

The ``Assessment`` model, the services that evaluate, store, delete and purge it, the selectors
that find it by token, the result page and its view-model (``presentation``), and the assess API
(``POST /api/assess``).

May import: ``web``, ``eligibility``, ``thresholds``. Imported by ``hsp``, ``reports`` and
``questionnaire``.
"""
