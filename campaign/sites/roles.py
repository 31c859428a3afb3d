"""The two editor roles of every employer's site and its review workflow.

Per site, two groups: the press office ("Pressestelle") edits and publishes
everything on its site; HR ("Personal") drafts job fields and postings and
keeps departments and pay tables, but publishes only through the workflow,
in which the press office approves. Page permissions sit on the site's home
page, images, documents and films in the site's own collection, so neither
group reaches another employer's pages or media.

Idempotent: `setup_site_roles(site)` adds what is missing and leaves what
an administrator added. Site settings are granted per site (Wagtail's
GroupSitePermission), so the settings' views and site switcher offer only the
group's own site. Snippets have no per-site permissions in Wagtail; the groups
get them as model permissions, and the admin shows each user only the rows of
the sites they edit (campaign.sites.admin_scoping); pay tables and job categories have
no site and are shared by all employers.

Other apps grant the roles permissions on their own models through the Wagtail
hook `register_role_permissions`, a function returning a list of `Grant`
(careers: HR's on departments, pay tables and applications), so this module
names no other app's models.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from campaign.sites.admin_scoping.ownership import site_collection_name

PRESS_OFFICE = "Pressestelle"
HR = "Personal"

HOOK = "register_role_permissions"

# (app label, codename)
ADMIN = [("wagtailadmin", "access_admin")]
# Wagtail checks media permissions on its own models (auth_model), whatever the
# custom image, document and film models are: these are the codenames it asks for.
MEDIA_EDIT = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
FILMS = [("wagtailmedia", f"{action}_media") for action in ("add", "change", "delete")]
MEDIA_DELETE = [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")]


@dataclass(frozen=True)
class Role:
    name: str
    pages: tuple  # Wagtail page permission types on the site's home page
    collection: list  # permissions in the site's collection
    models: list  # plain model permissions
    site_settings: list  # permissions on the site's settings only


@dataclass(frozen=True)
class Grant:
    """Permissions another app gives a role (by its name) on its own models."""

    role: str
    models: list = field(default_factory=list)
    site_settings: list = field(default_factory=list)


ROLES = [
    Role(
        name=PRESS_OFFICE,
        pages=("add", "change", "publish", "lock", "unlock"),
        collection=[*MEDIA_EDIT, *MEDIA_DELETE, *FILMS],
        models=[
            *ADMIN,
            *[("campaign", f"{a}_testimonial") for a in ("add", "change", "delete", "view")],
            *[("campaign", f"{a}_mediacontact") for a in ("add", "change", "delete", "view")],
            # Bookings of events hold visitors' data: read and export only.
            ("campaign", "view_booking"),
            # Orders of the printed calendar: read, export, mark as sent.
            ("campaign", "view_calendarorder"),
            ("campaign", "change_calendarorder"),
            # Feedback on barriers: read it, set its status (the form adds it).
            ("campaign", "view_accessibilityfeedback"),
            ("campaign", "change_accessibilityfeedback"),
        ],
        site_settings=[("campaign", "change_employersettings")],
    ),
    Role(
        name=HR,
        pages=("add", "change"),
        collection=MEDIA_EDIT,
        models=[
            *ADMIN,
            ("campaign", "view_testimonial"),
        ],
        site_settings=[],
    ),
]


def group_name(site, role):
    return f"{site.site_name or site.hostname}: {role}"


@transaction.atomic
def setup_site_roles(site):
    """Groups, permissions, collection and review workflow of one employer's site."""
    collection = site_collection(site)
    grants = registered_grants()
    groups = {}
    for role in ROLES:
        granted = [grant for grant in grants if grant.role == role.name]
        group, _created = Group.objects.get_or_create(name=group_name(site, role.name))
        models = [*role.models, *(pair for grant in granted for pair in grant.models)]
        group.permissions.add(*_permissions(models))
        for permission_type in role.pages:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=site.root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                ),
            )
        for permission in _permissions(role.collection):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
        site_settings = [
            *role.site_settings,
            *(p for grant in granted for p in grant.site_settings),
        ]
        site_permissions = _permissions(site_settings)
        # Installations set up before: the model permission covered every site.
        group.permissions.remove(*site_permissions)
        for permission in site_permissions:
            GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
        groups[role.name] = group
    _review_workflow(site, groups[PRESS_OFFICE])
    return groups


def registered_grants():
    return [grant for registered in hooks.get_hooks(HOOK) for grant in registered()]


def _permissions(pairs):
    permissions = []
    for app_label, codename in pairs:
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def site_collection(site):
    root = Collection.get_first_root_node()
    name = site_collection_name(site)
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _review_workflow(site, press_office):
    """HR's drafts go to the press office; the workflow covers the whole site."""
    name = site.site_name or site.hostname
    # Names are data (German, like the group names), not interface text.
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=f"Freigabe durch die Pressestelle ({name})"
    )
    task.groups.add(press_office)
    workflow, _created = Workflow.objects.get_or_create(
        name=f"Prüfung durch die Pressestelle ({name})"
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=site.root_page, defaults={"workflow": workflow})
    return workflow
