"""The app's models, defined in the subpackage of their concern (Django finds them here).

``new_token`` and ``default_expiry`` stay importable from here because migration 0001 names them.
"""

from assessments.questionnaire.models import SavedProgress
from assessments.results.models import Assessment, default_expiry, new_token
from assessments.thresholds.models import Threshold

__all__ = ["Assessment", "SavedProgress", "Threshold", "default_expiry", "new_token"]
