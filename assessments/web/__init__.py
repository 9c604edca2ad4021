"""Web plumbing shared by every page and endpoint, with no product logic.

The middleware that keeps personal pages private (no-store, noindex, CSP) and rate-limits the
costly endpoints, the one helper for JSON endpoints, the wording of contract errors, and the
log filter that keeps personal values out of the logs.

May import: ``eligibility`` and ``thresholds`` only. Imported by ``results``, ``hsp``,
``reports`` and ``questionnaire``.
"""
