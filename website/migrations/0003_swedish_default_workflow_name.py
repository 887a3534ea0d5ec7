"""Wagtail's first migration names its default workflow and its task after the English
group: "Moderators approval". The admin is Swedish, so both are renamed (only if nobody has
renamed them already)."""

from django.db import migrations

ENGLISH = "Moderators approval"
SWEDISH = "Godkännande av moderatorer"


def rename(apps, schema_editor, old=ENGLISH, new=SWEDISH):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=SWEDISH, new=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_roles_and_review_workflow"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
