from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("Permanent Residence assessments")

    def ready(self):
        """Name the empty choice of a select in our catalogue: Django's Japanese lacks it.

        Django documents overriding ``BLANK_CHOICE_LABEL`` here for a project's own label.
        """
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("- Select an option -")
