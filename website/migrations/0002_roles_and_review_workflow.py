"""The editorial roles and the review workflow, in every install (see editorial/roles.py).

Groups made here can be picked in the admin's *Användare* from the start: Kommunikatör,
Granskare, Administratör, Översättare and one Översättare group per language. A
translator group gets its page permissions on its language's home page; a language whose
home page does not exist yet gets them when ``setup_translators`` (or ``load_demo``) runs.
The workflow is assigned to the tree root (it exists from Wagtail's first migration), so
no page needs to exist for every page to be reviewed.

Going back removes nothing: groups and workflows may have been given members and work
since, and are harmless without this code.
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
    dependencies = [
        ("website", "0001_initial"),
        ("information", "0005_publish_existing_snippets"),
        ("plans", "0002_narrative_table_block"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
