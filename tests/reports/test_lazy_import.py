"""WeasyPrint is imported only when a PDF is rendered, not by every ``manage.py`` command."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys, django
django.setup()
from django.core.management import call_command
from django.urls import get_resolver
get_resolver().url_patterns  # loads the whole URLconf, the report's view included
import assessments.reports.tasks, assessments.management.commands.assess
import io; call_command("check", stdout=io.StringIO())
print("weasyprint" in sys.modules)
{after}
"""


def probe(after: str = "") -> list[str]:
    env = {"DJANGO_SETTINGS_MODULE": "prcheck.settings_test", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(after=after)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.split()


def test_starting_django_and_its_urls_and_commands_does_not_import_weasyprint():
    assert probe() == ["False"]


def test_rendering_a_pdf_imports_it():
    render = (
        "from assessments.reports.pdf import report_render_pdf\n"
        "report_render_pdf(html='<p>x</p>')\n"
        "print('weasyprint' in sys.modules)"
    )
    assert probe(render) == ["False", "True"]
