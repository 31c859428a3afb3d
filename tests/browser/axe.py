"""axe-core in the page under test: WCAG 2.0/2.1 A and AA plus best practices.

`make static` copies node_modules/axe-core/axe.min.js to static/vendor/axe/.
The script goes in through the DevTools protocol (`page.evaluate`), which the
site's Content-Security-Policy does not govern, so the policy stays as strict
in the test as for visitors: no `bypass_csp`, no inline <script>.
"""

from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "static" / "vendor" / "axe" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

_RUN = """
async (tags) => {
    const results = await window.axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
"""


@cache
def _axe_source():
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT.relative_to(settings.BASE_DIR)} fehlt: erst `make static`")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page):
    """The axe violations of the page as shown now, one readable line each."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    found = page.evaluate(_RUN, TAGS)
    return [
        f"{item['id']} ({item['impact']}): {item['help']} – {', '.join(item['targets'])}"
        for item in found
    ]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, f"axe auf {page.url}:\n  " + "\n  ".join(violations)
