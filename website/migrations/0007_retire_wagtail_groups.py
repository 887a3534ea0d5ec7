"""Wagtail's groups *Moderators* and *Editors* give way to the roles (issue 21, finding 3).

Moderators publish pages past the review, and both were listed first in the user form,
in English, above the roles. Their members join Granskare and Kommunikatör respectively
(``editorial.roles.retire_wagtail_groups``), then the groups go. Reversing makes the two
groups again with Wagtail's initial permissions (not their former members).
"""

from django.db import migrations

from editorial.roles import ensure_roles, restore_wagtail_groups

#: Administratör edits the site settings (the extension finds them itself outside a migration).
SITE_SETTINGS_PERMISSIONS = [
    ("website", "sitesettings", "change_sitesettings", "Can change webbplatsinställningar")
]


def retire(apps, schema_editor):
    ensure_roles(
        apps, settings_permissions=SITE_SETTINGS_PERMISSIONS
    )  # retires them, after making sure the roles exist


def restore(apps, schema_editor):
    restore_wagtail_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("website", "0006_english_admin_labels"), ("wagtailcore", "0002_initial_data")]

    operations = [migrations.RunPython(retire, restore)]
