"""``manage.py hsp_points PROFILE.json``: print the HSP points JSON for a profile file.

Exit status 0 with the result on stdout; 2 with a message on stderr for a file that cannot be
read, is not JSON, or is not a valid profile (one line per field error); 1 if the database
lacks the points table (a server fault).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.hsp.messages import hsp_errors_to_lines
from assessments.hsp.profile import HspProfileInvalid, profile_from_dict
from assessments.hsp.services import HspTableNotInForce, hsp_points_at
from assessments.management.commands.assess import (
    EXIT_BAD_INPUT,
    EXIT_SERVER_ERROR,
    LANGUAGES,
    read_input,
)
from assessments.thresholds.snapshot import MissingThreshold
from assessments.web.messages import error_message


class Command(BaseCommand):
    help = "Compute Highly Skilled Professional points for a profile file and print the JSON."
    # A one-shot reader of one file: Django's system checks (which import the URLconf and every
    # view) would be most of its run. `manage.py check` runs them.
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="profile JSON file, or - for standard input")
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default="en",
            help="language of error messages (default: en)",
        )

    def handle(self, *args, file, lang, **options):
        with translation.override(lang):
            profile = self.read_profile(file)
            try:
                result = hsp_points_at(profile, on=profile.as_of)
            except HspTableNotInForce as exc:
                raise self.invalid(file, exc.errors) from None
            except MissingThreshold as exc:
                message = _(
                    "The thresholds in the database are incomplete (%(detail)s). "
                    "Run `manage.py migrate`."
                ) % {"detail": exc}
                raise CommandError(message, returncode=EXIT_SERVER_ERROR) from None
        self.stdout.write(json.dumps(result.to_json(), indent=2, ensure_ascii=False))

    def read_profile(self, path: str):
        text = read_input(path)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            message = f"{path}: {error_message('invalid_json')}"
            raise CommandError(message, returncode=EXIT_BAD_INPUT) from None
        try:
            return profile_from_dict(data, today=timezone.localdate())
        except HspProfileInvalid as exc:
            raise self.invalid(path, exc.errors) from None

    def invalid(self, path: str, errors) -> CommandError:
        lines = [_("%(path)s: the profile is not valid:") % {"path": path}]
        lines += ["  " + line for line in hsp_errors_to_lines(errors)]
        return CommandError("\n".join(lines), returncode=EXIT_BAD_INPUT)
