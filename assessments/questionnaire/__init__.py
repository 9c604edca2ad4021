"""The questionnaire: the applicant's check, one question page at a time.

The flow outline (``flow``: steps and the conditions that decide which are asked, over a plain
"answers so far" value), one small form per step (``forms/``), the wizard view and its routing,
drafts and saved progress (runs, resume links), the "check your answers" summary, and the
mapping from steps to the answers contract and back for errors (``mapping``).

May import: every other subpackage. Nothing imports it except the URLs.
"""
