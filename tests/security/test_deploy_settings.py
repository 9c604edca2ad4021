"""The deployment checklist: production settings pass `check --deploy`; debug stays plain HTTP."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x7Qp2Lm9Zr4Tv8Wb1Nc6Hd3Jf5Kg0Ys",
    "DJANGO_ALLOWED_HOSTS": "prcheck.example.org",
    "DATABASE_URL": "postgres://prcheck:secret@db.example.org:5432/prcheck",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://prcheck.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO=https",
}
PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name, None) for name in [
    "DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS", "X_FRAME_OPTIONS",
    "SECURE_REFERRER_POLICY", "SECURE_CSP", "SECURE_CSP_REPORT_ONLY", "SESSION_ENGINE"]}))
"""


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=base | {"DJANGO_SETTINGS_MODULE": "prcheck.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_under(env: dict[str, str]) -> dict:
    completed = run_python(["-c", PRINT_SETTINGS], env)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_production_settings_pass_the_deployment_checklist_with_warnings_as_failures():
    completed = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_the_deployment_checklist_fails_when_production_settings_are_weakened():
    weakened = PRODUCTION_ENV | {"DJANGO_SECURE_SSL_REDIRECT": "0"}
    completed = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], weakened)
    assert completed.returncode != 0
    assert "security.W008" in completed.stderr


def test_production_settings_are_https_only_behind_the_configured_proxy():
    values = settings_under(PRODUCTION_ENV)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://prcheck.example.org"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_debug_settings_for_make_run_stay_plain_http_on_localhost():
    values = settings_under({"DJANGO_DEBUG": "1"})
    assert values["SECURE_CSP"] == {}
    assert values["SECURE_CSP_REPORT_ONLY"]["script-src"] == ["'self'"]
    assert values["DEBUG"] is True
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_PROXY_SSL_HEADER"] is None


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    completed = run_python(["-c", PRINT_SETTINGS], env)
    assert completed.returncode != 0
    assert "DJANGO_SECRET_KEY" in completed.stderr


@pytest.mark.parametrize("directive", ["script-src", "style-src", "default-src"])
def test_the_content_security_policy_allows_no_inline_code(directive):
    values = settings_under(PRODUCTION_ENV)
    assert values["SECURE_CSP"][directive] == ["'self'"]
    assert values["SECURE_CSP_REPORT_ONLY"] == {}


@pytest.mark.django_db
def test_every_page_carries_the_content_security_policy_and_frame_denial(client):
    response = client.get("/en/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


#: Inline code the policy would block: <script> without src, <style>, style= and on*= attributes.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=", re.IGNORECASE
)
#: The PDF report is rendered by WeasyPrint, not a browser: inline styles are fine there.
PRINT_TEMPLATES = ("report",)


def browser_templates() -> list[Path]:
    folders = [ROOT / "templates", *sorted((ROOT / "assessments").glob("**/templates"))]
    return [
        path
        for folder in folders
        for path in sorted(folder.rglob("*.html"))
        if not set(PRINT_TEMPLATES) & set(path.relative_to(folder).parts)
    ]


@pytest.mark.parametrize("path", browser_templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_browser_templates_use_no_inline_script_or_style_that_the_policy_would_block(path):
    assert not INLINE_CODE.findall(path.read_text(encoding="utf-8"))
