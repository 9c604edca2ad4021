"""Web plumbing shared by every page and endpoint, with no product logic.

The middleware that keeps personal pages private (no-store, noindex, CSP) and rate-limits the
costly endpoints with a plain counter table (``models.RateLimitCounter``), the one helper for JSON
endpoints, the wording of contract errors, dates written in the page's language, the form fields
for dates and yen (money as people write it), the admin's locked-out login page, and the log
filter that keeps personal values out of the logs.

May import: ``eligibility`` and ``thresholds``. Imported by every subpackage above it.
"""
