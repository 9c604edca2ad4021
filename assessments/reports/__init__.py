"""Reports: the bilingual PDF of a stored result.

The HTML context and template, the PDF renderer (WeasyPrint through its public ``url_fetcher``
API, fonts named in the CSS), the render task, and the download view.

May import: ``hsp``, ``results``, ``web``, ``eligibility``, ``thresholds``. Imported by
``questionnaire`` (a finished check queues its report).
"""
