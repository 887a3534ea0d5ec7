"""The review workflow is named "granskning", so Wagtail's "Submit to %(workflow_name)s"
reads "Skicka till granskning" in Swedish, the action's name everywhere else in the admin."""

from django.db import migrations

OLD = "Granskning före publicering"  # editorial.roles.OLD_REVIEW_WORKFLOW
NEW = "granskning"  # editorial.roles.REVIEW_WORKFLOW


def rename(old, new):
    def run(apps, schema_editor):
        Workflow = apps.get_model("wagtailcore", "Workflow")
        if not Workflow.objects.filter(name=new).exists():
            Workflow.objects.filter(name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0008_accessibility_statement_digg_sections"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
