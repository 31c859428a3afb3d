"""The page types other apps offer campaign's page choosers.

A campaign's call to action leads to the job fields and postings, an event's
opportunity and a calendar's month name a job field: pages of careers, which
campaign must not import nor name (imports run one way, and campaign runs
without careers). The apps register their page types through the Wagtail hook
`register_linked_page_types`, a function returning {purpose: ["app.Model", …]}.
The hooks are asked when a chooser is first used, after every app is loaded;
where no installed app offers a type for a purpose, the chooser offers any page.
The block is campaign.pages.blocks.LinkedPageChooserBlock, the panel below.
"""

from wagtail import hooks
from wagtail.admin.panels import PageChooserPanel

HOOK = "register_linked_page_types"
# The purposes.
CALL_TO_ACTION = "call_to_action"  # where a campaign leads job seekers
JOB_FIELD = "job_field"  # a job field's page


def linked_page_types(purpose):
    """The page types ("app_label.ModelName") the installed apps offer for `purpose`."""
    return [
        page_type
        for registered in hooks.get_hooks(HOOK)
        for page_type in registered().get(purpose, [])
    ]


class LinkedPageChooserPanel(PageChooserPanel):
    """A PageChooserPanel for the page types registered for `purpose`."""

    def __init__(self, field_name, purpose, **kwargs):
        super().__init__(field_name, **kwargs)
        self.purpose = purpose

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "purpose": self.purpose}

    def get_form_options(self):
        self.page_type = linked_page_types(self.purpose)
        return super().get_form_options()
