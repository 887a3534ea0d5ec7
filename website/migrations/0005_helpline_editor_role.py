"""The Stödlinjeredaktör group (helpline editor) in installs made before it existed.

``ensure_roles`` only adds what is missing, so running it again leaves every other group,
permission and workflow as it is.
"""

from django.db import migrations

from editorial.roles import ensure_roles

#: Administratör edits the site settings (the extension finds them itself outside a migration).
SITE_SETTINGS_PERMISSIONS = [
    ("website", "sitesettings", "change_sitesettings", "Can change webbplatsinställningar")
]


def create_roles(apps, schema_editor):
    ensure_roles(apps, settings_permissions=SITE_SETTINGS_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("website", "0004_accessibility_statement_and_site_identity")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
