"""The applicant's wizard (issue 3): views in ``views.py``, runs and resume in ``runs.py``."""

from .runs import (
    MAX_RUNS_PER_SESSION,
    WIZARD_PREFIX,
    RunConverter,
    check_resume,
    check_saved,
    check_start,
    run_session_key,
)
from .views import AssessmentWizard

__all__ = [
    "MAX_RUNS_PER_SESSION",
    "WIZARD_PREFIX",
    "AssessmentWizard",
    "RunConverter",
    "check_resume",
    "check_saved",
    "check_start",
    "run_session_key",
]
