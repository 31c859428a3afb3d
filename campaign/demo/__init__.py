"""Demo content, built from the seed press releases.

Each app contributes builders through the Wagtail hook `register_demo_builders`,
a function returning a list of builders, each taking (port, log). The hooks'
`order` is the order they run in: campaign builds the sites (ORDER_SITES),
later apps fill them (ORDER_CONTENT), then come the pages that speak of what
the others made (ORDER_SUMMARIES) and the filing of media (ORDER_MEDIA).
Imports stay one-way. The hooks import their builders when called: the demo
needs the test dependencies (wagtail-factories), a production server does not.
"""

from wagtail import hooks

BUILDERS_HOOK = "register_demo_builders"
ORDER_SITES = 10
ORDER_CONTENT = 20
ORDER_SUMMARIES = 30
ORDER_MEDIA = 40

# What a page type in a site's menu offers, in Leichte Sprache: a function
# returning a list of MenuTopic (campaign.demo.accessible_language). The
# navigation text invites to them in the hooks' order: to the jobs first.
EASY_LANGUAGE_TOPICS_HOOK = "register_easy_language_topics"
ORDER_JOB_TOPICS = 10
ORDER_CAMPAIGN_TOPICS = 20


# Links load_demo writes beside the admin's login (var/demo-admin.txt): a
# function returning a list of functions, each taking the port, returning lines.
LOGINS_HOOK = "register_demo_logins"


def registered_logins(port):
    return [
        line
        for registered in hooks.get_hooks(LOGINS_HOOK)
        for lines in registered()
        for line in lines(port)
    ]


def registered_builders():
    return [builder for registered in hooks.get_hooks(BUILDERS_HOOK) for builder in registered()]


def build_all(port=8000, log=print):
    """Run every app's demo builder in order; return the sites of the demo."""
    sites = []
    for builder in registered_builders():
        sites = builder(port=port, log=log) or sites
    return sites
