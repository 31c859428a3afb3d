"""Lighthouse, mobile preset, on the first views a job seeker meets most.

Lighthouse (npm, devDependency) drives Debian's Chromium (CHROME_PATH, no
download) against the demo under gunicorn with production settings, each page
in a fresh browser. The eight page types of the issue's first-view list; all
page types would take Lighthouse's ten seconds each, more than this suite's
budget allows.

Accessibility, best practices and SEO are 100 everywhere; the search answers
with "noindex" on purpose (result lists are no content for search engines),
which Lighthouse's SEO counts as "not crawlable" and nothing else. Performance
is simulated for a mid-range phone on slow 4G from the CPU time the page took
here, so it moves with the machine's load: 97 to 100 on a quiet machine, at
least 90 asserted (the better of two runs).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.browser.conftest import CHROMIUM
from tests.browser.production_demo import collected_static, production_demo
from tests.support import skip_unless_available

__all__ = ["collected_static", "production_demo"]

REPOSITORY = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("lighthouse.mjs")
PAGES = [
    ("mitte.localhost", "/"),
    ("mitte.localhost", "/berufsfelder/"),
    ("mitte.localhost", "/stellenangebote/sachbearbeiterin-wohngeld/"),
    ("mitte.localhost", "/suche/?q=Verwaltung"),
    ("mitte.localhost", "/presse/imagefilm-online/"),
    ("zukunftsorte.localhost", "/zukunftsorte/wissenschaftshafen-magdeburg/"),
    ("duesseldorf.localhost", "/veranstaltungen/"),
    ("localhost", "/"),
]
MINIMUM = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
# What a page may lose on purpose: the search's noindex.
DELIBERATE = {"/suche/?q=Verwaltung": {"seo": ("seo: is-crawlable",)}}


def _lighthouse(urls):
    """{url: report} of tests/browser/lighthouse.mjs for the addresses, in order."""
    run = subprocess.run(
        [shutil.which("node"), str(RUNNER), *urls],
        cwd=REPOSITORY,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert [report["url"] for report in reports] == urls
    return {report["url"]: report for report in reports}


def test_lighthouse_scores_every_first_view_at_the_top(production_demo):
    skip_unless_available(shutil.which("node"), "Node.js fehlt (apt-get install nodejs)")
    skip_unless_available(
        (REPOSITORY / "node_modules/lighthouse").is_dir(), "Lighthouse fehlt: npm ci"
    )
    urls = [production_demo.url(hostname, path) for hostname, path in PAGES]
    reports = _lighthouse(urls)
    # Performance is simulated from the CPU time the page took here: a busy
    # machine costs points. A page below the mark gets a second run, the better counts.
    slow = [url for url in urls if reports[url]["scores"]["performance"] < MINIMUM["performance"]]
    if slow:
        for url, report in _lighthouse(slow).items():
            if report["scores"]["performance"] > reports[url]["scores"]["performance"]:
                reports[url] = report

    shortfalls = []
    for (_hostname, path), url in zip(PAGES, urls, strict=True):
        report = reports[url]
        assert report["error"] is None, report
        allowed = DELIBERATE.get(path, {})
        for category, minimum in MINIMUM.items():
            failing = [audit for audit in report["failing"] if audit.startswith(f"{category}:")]
            excused = allowed.get(category, ())
            if excused and failing and all(audit.startswith(excused) for audit in failing):
                continue
            if report["scores"][category] < minimum:
                shortfalls.append(f"{url} {category} {report['scores'][category]}: {failing}")
    assert shortfalls == []
