"""The Stödlinjeredaktör group (helpline editor) in installs made before it existed.

``ensure_roles`` only adds what is missing, so running it again leaves every other group,
permission and workflow as it is.
"""

from django.db import migrations

from website.roles import ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("website", "0004_accessibility_statement_and_site_identity")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
