"""The Content-Security-Policy holds in the browser, and the checks see through it.

The demo walk asserts "no CSP violations" and "no axe violations" on every
page; this test makes sure both assertions could fail: Chromium refuses
inline code on a Stellwerk page and the fixture records the refusal, and
axe, injected past the policy, reports a barrier that is there.
"""

from tests.browser.axe import axe_violations

INJECT_INLINE = """() => {
    const script = document.createElement("script");
    script.textContent = "window.inlineScriptRan = true";
    document.head.append(script);
    const style = document.createElement("style");
    style.textContent = "body { background: rgb(255, 0, 0); }";
    document.head.append(style);
}"""

INJECT_BARRIER = """() => {
    const image = document.createElement("img");
    image.src = "/static/img/favicon.svg";
    document.querySelector("main").append(image);
}"""


def test_policy_refuses_inline_code_and_checks_still_see_barriers(page, browser_log, live_demo):
    response = page.goto(live_demo.url("mitte.localhost"))
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert not browser_log.csp_violations, browser_log.csp_violations

    # What an injected <script> or <style> would try: the browser refuses both.
    page.evaluate(INJECT_INLINE)
    assert page.evaluate("() => window.inlineScriptRan") is None
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 0, 0)"
    # Chromium's wording changes between versions; the directive is always named.
    refused = "\n".join(browser_log.csp_violations)
    assert "inline script" in refused
    assert "'script-src 'self''" in refused
    assert "inline style" in refused
    assert "'style-src 'self''" in refused

    # axe runs under the same policy (it goes in through DevTools) and finds a
    # real barrier: an image without a text alternative.
    assert axe_violations(page) == []
    page.evaluate(INJECT_BARRIER)
    assert any(line.startswith("image-alt ") for line in axe_violations(page))
