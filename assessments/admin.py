"""The admin: each model's admin lives in the subpackage of its concern; Django's autodiscovery
imports this module, which registers them by importing them.
"""

from assessments.results.admin import AssessmentAdmin
from assessments.results.threshold_admin import CheckedThresholdAdmin

__all__ = ["AssessmentAdmin", "CheckedThresholdAdmin"]
