"""Write thresholds: load the reviewable defaults into the database (data migrations)."""

from __future__ import annotations

from assessments.thresholds.snapshot import default_threshold_values


def load_default_thresholds(threshold_model) -> int:
    """Add the seed file's versions that the database lacks; return how many were added.

    Used by data migrations (pass ``apps.get_model("assessments", "Threshold")``). Existing
    (key, valid_from) rows are left alone: what an admin entered is never overwritten.
    """
    existing = set(threshold_model.objects.values_list("key", "valid_from"))
    new_rows = []
    for version in default_threshold_values():
        if (version.key, version.valid_from) in existing:
            continue
        value = version.value
        new_rows.append(
            threshold_model(
                key=version.key,
                unit=version.unit,
                value=value if version.unit not in ("date", "table") else None,
                date_value=value if version.unit == "date" else None,
                table_value=value if version.unit == "table" else None,
                valid_from=version.valid_from,
                kind=version.kind,
                source_title=version.source_title,
                source_url=version.source_url,
                other_sources=version.other_sources,
                note=version.note,
            )
        )
    threshold_model.objects.bulk_create(new_rows)
    return len(new_rows)
