"""Eligibility: what the answers mean, decided by pure code.

Here live the answers contract and its validator (``answers``), the enumerations (``choices``),
the rules engine (``rules/``: ``evaluate(answers, thresholds) -> Result``), the ``Thresholds``
snapshot the rules read, and the documents to gather. Nothing here touches the database, a
request, the clock or the active language: the same answers and thresholds always give the
same result, and tests need no database.

May import: ``thresholds`` (its pure snapshot), the standard library, and from Django only lazy
labels and ``TextChoices`` (the ``import-linter`` contracts in ``pyproject.toml`` check this).
Imported by every subpackage above it.
"""
