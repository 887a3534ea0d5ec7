"""Permission names in Swedish, where the admin shows them.

Django stores a permission's name in the database when it creates it, in English ("Can
add stödlinje"), and Wagtail shows that text on the group screens (the screen reader labels
of the add/change/delete boxes, the page permission choices). After every ``migrate`` the
names are written in Swedish here; the codenames, which code checks, stay as they are.
"""

from django.contrib.auth.models import Permission
from django.utils import translation

VERBS = {
    "add": "lägga till",
    "change": "ändra",
    "delete": "radera",
    "view": "visa",
    "publish": "publicera",
}

FIXED = {
    ("wagtailadmin", "access_admin"): "Kan komma åt Wagtail-administrationen",
    ("wagtail_localize", "submit_translation"): "Kan skicka till översättning",
    ("wagtailcore", "bulk_delete_page"): "Kan radera sidor med undersidor",
    ("wagtailcore", "lock_page"): "Kan låsa och låsa upp sidor man själv har låst",
    ("wagtailcore", "publish_page"): "Kan publicera alla sidor",
    ("wagtailcore", "unlock_page"): "Kan låsa upp alla sidor",
    ("wagtaildocs", "choose_document"): "Kan välja dokument",
    ("wagtailimages", "choose_image"): "Kan välja bild",
}


def swedish_name(permission):
    """The Swedish name of a permission, or None for one this module does not know."""
    content_type = permission.content_type
    fixed = FIXED.get((content_type.app_label, permission.codename))
    if fixed:
        return fixed
    action, _sep, model_name = permission.codename.partition("_")
    model = content_type.model_class()
    if action not in VERBS or model is None or model_name != content_type.model:
        return None
    with translation.override("sv"):
        return f"Kan {VERBS[action]} {model._meta.verbose_name}"[:255]


def name_permissions_in_swedish(sender, **kwargs):
    """``post_migrate``: rename every permission whose Swedish name is known.

    Django sends the signal once per app, and makes each app's permissions on it; the
    names are written once, for the last app, after its permissions are made (this
    receiver may run before Django's own for the same app)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    create_permissions(sender, verbosity=0, using=kwargs.get("using", "default"))
    for permission in Permission.objects.select_related("content_type"):
        name = swedish_name(permission)
        if name and permission.name != name:
            permission.name = name
            permission.save(update_fields=["name"])
