"""Give every helpline, service, glossary term and brochure that exists already a
published revision.

0004 adds drafts to these snippets; existing rows stay live (``live`` defaults to True),
so visitors see no change. Without a revision, though, the admin would misreport them:
wagtail-localize's translation editor calls an object without ``live_revision``
unpublished (it reads "last published" from it), and Wagtail's history and "compare"
have nothing to start from. So each row gets one revision holding its current content,
recorded as its live and latest revision, as if it had been published today.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

#: How each model's admin names an object (``__str__`` is not available in migrations).
NAMES = {
    "helpline": lambda obj: f"{obj.name} ({obj.phone_number})",
    "localservice": lambda obj: obj.name,
    "glossaryterm": lambda obj: obj.term,
    "brochure": lambda obj: obj.title,
}


def publish_existing(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for model_name, name in NAMES.items():
        model = apps.get_model("information", model_name)
        content_type, _created = ContentType.objects.get_or_create(
            app_label="information", model=model_name
        )
        for obj in model.objects.filter(live=True, live_revision__isnull=True):
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(obj.pk),
                created_at=now,
                object_str=name(obj),
                content=get_serializable_data_for_fields(obj),
            )
            model.objects.filter(pk=obj.pk).update(
                latest_revision=revision,
                live_revision=revision,
                has_unpublished_changes=False,
                first_published_at=obj.first_published_at or now,
                last_published_at=now,
            )


def forget_revisions(apps, schema_editor):
    """Going back removes these snippets' revisions: without 0004's columns nothing uses them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_types = ContentType.objects.filter(app_label="information", model__in=list(NAMES))
    Revision.objects.filter(content_type__in=content_types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("information", "0004_snippet_drafts"),
    ]

    operations = [migrations.RunPython(publish_existing, forget_revisions)]
