"""One permission policy for every model whose rows belong to a site: Wagtail's
model permissions as usual, and on a row only when it belongs to one of the
user's sites or is shared (campaign.sites.admin_scoping.ownership)."""

from wagtail.permission_policies import ModelPermissionPolicy

from campaign.sites.admin_scoping.ownership import scope, site_of
from campaign.sites.admin_scoping.users import sites_edited_by


def may_reach(user, instance):
    """Whether `instance` belongs to one of the user's sites or to none."""
    site_ids = sites_edited_by(user)
    if site_ids is None:
        return True
    site_id = site_of(instance)
    return site_id is None or site_id in site_ids


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_reach(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and may_reach(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return scope(super().instances_user_has_any_permission_for(user, actions), user)


class ReadOnlyIntakePermissionPolicy(SiteScopedPermissionPolicy):
    """For rows that come only from a form on the site (applications, feedback on
    barriers): nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])
