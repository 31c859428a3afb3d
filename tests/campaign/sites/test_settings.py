"""Production settings: safe as they stand, and loud when something is missing."""

import base64
import os
import secrets
import subprocess
import sys

from django.conf import settings

from campaign.project.settings import object_storage

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def run_with_production_settings(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "APPLICATION_FILES_KEY"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="campaign.project.settings.production",
        APPLICATION_FILES_KEY=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        # Checks never connect to it.
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    environment.update(env)
    return subprocess.run(
        [*MANAGE, *args], env=environment, capture_output=True, text=True, check=False
    )


def test_check_deploy_reports_nothing():
    result = run_with_production_settings(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="karriere.example.de",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_refuses_to_start_without_secret_key():
    result = run_with_production_settings("check", ALLOWED_HOSTS="karriere.example.de")

    assert result.returncode != 0
    assert "SECRET_KEY muss in der Umgebung gesetzt sein" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = run_with_production_settings("check", SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode != 0
    assert "ALLOWED_HOSTS muss in der Umgebung gesetzt sein" in result.stderr


def test_refuses_to_start_without_a_key_for_the_applications_files():
    for key in ("", "too-short"):
        result = run_with_production_settings(
            "check",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="karriere.example.de",
            APPLICATION_FILES_KEY=key,
        )

        assert result.returncode != 0
        assert "APPLICATION_FILES_KEY muss in der Umgebung gesetzt sein" in result.stderr


def test_refuses_to_start_without_a_shared_cache():
    result = run_with_production_settings(
        "check",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="karriere.example.de",
        REDIS_URL="",
    )

    assert result.returncode != 0
    assert "REDIS_URL muss in der Umgebung gesetzt sein" in result.stderr


def test_production_cookies_and_connections():
    result = run_with_production_settings(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print('RESULT', s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "s.DATABASES['default']['CONN_MAX_AGE'], s.DEBUG)",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="karriere.example.de",
    )

    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))
    session, csrf, secure, hsts, health_checks, max_age, debug = line.split()[1:]
    assert session.startswith("__Host-")
    assert csrf.startswith("__Host-")
    assert secure == "True"
    assert int(hsts) >= 31_536_000
    assert health_checks == "True"
    assert int(max_age) > 0
    assert debug == "False"


def test_base_settings_are_safe_without_environment():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import campaign.project.settings.base as b; "
            "print(b.DEBUG, repr(b.SECRET_KEY), b.ALLOWED_HOSTS)",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.split() == ["False", "''", "[]"]


S3_VARIABLES = {
    "S3_ENDPOINT_URL": "https://s3.example.de",
    "S3_ACCESS_KEY_ID": "stellwerk",
    "S3_SECRET_ACCESS_KEY": "nicht-geheim",
    "S3_REGION": "eu-central-1",
    "S3_MEDIA_BUCKET": "stellwerk-medien",
    "S3_APPLICATIONS_BUCKET": "stellwerk-bewerbungen",
}


def test_check_deploy_reports_nothing_with_object_storage():
    result = run_with_production_settings(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="karriere.example.de",
        **S3_VARIABLES,
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_refuses_object_storage_without_a_bucket_of_its_own_for_applications():
    for applications_bucket in ("", S3_VARIABLES["S3_MEDIA_BUCKET"]):
        result = run_with_production_settings(
            "check",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="karriere.example.de",
            **{**S3_VARIABLES, "S3_APPLICATIONS_BUCKET": applications_bucket},
        )

        assert result.returncode != 0
        assert "S3_APPLICATIONS_BUCKET muss mit S3_MEDIA_BUCKET gesetzt sein" in result.stderr


def test_pages_may_load_public_media_from_where_object_storage_serves_them():
    assert object_storage.public_media_origins({}) == []
    assert object_storage.public_media_origins(S3_VARIABLES) == ["https://s3.example.de"]
    behind_cdn = {**S3_VARIABLES, "S3_PUBLIC_MEDIA_URL": "https://medien.example.de/stellwerk/"}
    assert object_storage.public_media_origins(behind_cdn) == ["https://medien.example.de"]
    # Through the site's own proxy: 'self' already covers it.
    on_the_site = {**S3_VARIABLES, "S3_PUBLIC_MEDIA_URL": "/media/"}
    assert object_storage.public_media_origins(on_the_site) == []
    aws = {"S3_MEDIA_BUCKET": "medien", "S3_APPLICATIONS_BUCKET": "bewerbungen"}
    assert object_storage.public_media_origins(aws) == ["https://medien.s3.amazonaws.com"]
