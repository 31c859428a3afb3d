"""Wagtail's generic groups "Editors" and "Moderators" go: their page permissions
sit on the tree's root and reach every employer's site. Editors belong in the
groups of their own employer (campaign.sites.roles). Nobody is moved silently: the
members of the removed groups are named in the migration's output, so an
administrator can add each to their employer's group."""

from django.db import migrations

GENERIC_GROUPS = ("Editors", "Moderators")


def remove_generic_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GENERIC_GROUPS).order_by("name"):
        members = sorted(group.user_set.values_list("username", flat=True))
        if members:
            print(
                f"\n  Gruppe „{group.name}“ entfernt; ihre Mitglieder brauchen eine Gruppe "
                f"ihres Arbeitgebers: {', '.join(members)}"
            )
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0013_members"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # After every migration of Wagtail's that gives these groups permissions.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(remove_generic_groups, migrations.RunPython.noop)]
