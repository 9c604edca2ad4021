"""One small form per wizard step: labels, help texts and input validation only.

Forms say nothing about eligibility. Each step's ``clean()`` checks consistency within the
step, then runs the contract's own validation on the step's answers (``step_errors``), so a
date after the application date or overlapping trips are refused here with the same rules
(and wording, ``assessments.web.messages``) as in the API. Repeating answers (trips, payments,
records) are formsets that work without JavaScript; see ``StepForm``.
"""

from assessments.questionnaire.forms.conduct import (
    ConductForm,
    CriminalRecordForm,
    SentencesForm,
    TrafficViolationForm,
    TrafficViolationsForm,
)
from assessments.questionnaire.forms.duties import (
    NotificationForm,
    NotificationsForm,
    PaymentForm,
    PaymentsForm,
    TaxesForm,
)
from assessments.questionnaire.forms.final import SummaryForm
from assessments.questionnaire.forms.hsp import (
    POINT_DATES,
    HspForm,
    HspPointsForm,
    HspTypedForm,
    PointsSource,
)
from assessments.questionnaire.forms.income import HouseholdForm, IncomeForm
from assessments.questionnaire.forms.naturalization import (
    NaturalizationBirthForm,
    NaturalizationForm,
)
from assessments.questionnaire.forms.residence import (
    MAX_APPLICATION_YEARS_AHEAD,
    CardForm,
    GrantForm,
    MarriageForm,
    ResidenceForm,
    StatusForm,
    StayForm,
)
from assessments.questionnaire.forms.rows import Rows, RowsBlock
from assessments.questionnaire.forms.step import StepForm
from assessments.questionnaire.forms.travel import TravelForm, TripForm
from assessments.web.fields import (
    WIDGET_RENDERER,
    DateInput,
    MoneyField,
    PeriodOfStay,
    YesNo,
    anchor_id,
    is_yes,
)

__all__ = [
    "MAX_APPLICATION_YEARS_AHEAD",
    "WIDGET_RENDERER",
    "POINT_DATES",
    "CardForm",
    "ConductForm",
    "CriminalRecordForm",
    "DateInput",
    "GrantForm",
    "HspForm",
    "HspPointsForm",
    "HspTypedForm",
    "HouseholdForm",
    "IncomeForm",
    "MarriageForm",
    "MoneyField",
    "NaturalizationBirthForm",
    "NaturalizationForm",
    "NotificationForm",
    "NotificationsForm",
    "PaymentForm",
    "PaymentsForm",
    "PeriodOfStay",
    "PointsSource",
    "ResidenceForm",
    "Rows",
    "RowsBlock",
    "StatusForm",
    "StayForm",
    "SentencesForm",
    "StepForm",
    "SummaryForm",
    "TaxesForm",
    "TrafficViolationForm",
    "TrafficViolationsForm",
    "TravelForm",
    "TripForm",
    "YesNo",
    "anchor_id",
    "is_yes",
]
