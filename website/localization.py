"""Helpers for showing translatable objects in the visitor's language."""

from wagtail.models import Locale


def localized_many(objects):
    """Each object in the active language where a translation exists, else the object itself.

    ``obj.localized`` does the same for one object but costs a query or two each; a page
    that lists helplines or organisations calls this once instead (one query for all).
    """
    objects = list(objects)
    if not objects:
        return objects
    locale = Locale.get_active()
    model = type(objects[0])
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    translations = {}
    if missing:
        translations = {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=missing, locale=locale)
        }
    return [
        obj if obj.locale_id == locale.pk else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
