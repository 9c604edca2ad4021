"""Highly Skilled Professional points (高度専門職ポイント計算表), standalone and for the PR check.

- ``profile.profile_from_dict`` validates a profile (CLI, API and page alike);
- ``points.hsp_points(profile, t)`` scores it, purely, on a dated table (``data/hsp.yaml``);
- ``jskip.jskip_check(profile, t)`` checks the J-Skip criteria;
- ``services.hsp_points_at(profile, on=...)`` scores it as of a day with the table then in
  force, read from the database: the PR wizard's entry point for the points now, one year
  ago and three years ago.

May import: ``results``, ``web``, ``eligibility``, ``thresholds``. Imported by ``reports`` and
``questionnaire`` (points calculated inside the check, the calculator's hand-over).
"""
