"""Plausible values for the params only naturalization findings carry (see test_findings)."""

NATURALIZATION_SAMPLE = {
    "path": "general",
    "work_years": 2.5,
    "required_work": 3,
    "policy_date": "2026-01-23",
    "age": 17,
    "kind": "fine",
    "recent_count": 4,
    "recent_tolerance": 3,
    "recent_window_years": 2,
    "level": "n4",
}
