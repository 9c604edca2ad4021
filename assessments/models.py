"""The app's models, defined in the subpackage of their concern (Django finds them here).

``new_token`` and ``default_expiry`` stay importable from here because migration 0001 names them.
"""

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment, default_expiry, new_token
from assessments.thresholds.models import Threshold
from assessments.web.models import RateLimitCounter

__all__ = [
    "Assessment",
    "RateLimitCounter",
    "SavedProgress",
    "Threshold",
    "default_expiry",
    "new_token",
]
