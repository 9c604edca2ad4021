"""Results: evaluating answers, and what is stored and shown afterwards.

The ``Assessment`` model, the services that evaluate, store, delete and purge it, the selectors
that find it by token, the result page and its view-model (``presentation``), and the assess API
(``POST /api/assess``). The built-in personas and the threshold trial (``trial``) that
evaluates them with a candidate threshold version, and the threshold admin as registered
(``threshold_admin``: the trial before each save).

May import: ``web``, ``eligibility``, ``thresholds``. Imported by ``hsp``, ``reports`` and
``questionnaire``.
"""
