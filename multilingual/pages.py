"""What the extension's page types share: the host site's base template, and parent page
types read from settings (``multilingual.conf``)."""

from multilingual.conf import base_template


class HostBaseTemplateMixin:
    """Puts ``base_template`` (``VINR_BASE_TEMPLATE``) in the context of a page.

    The extension's templates begin ``{% extends base_template|default:"base.html" %}``, so
    they sit inside the municipality's own layout, header and styles. Views that render a
    page's template themselves (the plan's measure list) add ``template_context()``.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(template_context())
        return context


def template_context():
    """What every public template of the extension needs from the settings."""
    return {"base_template": base_template()}


class ParentPageTypesFromSettings:
    """For a page type whose ``parent_page_types`` is a ``multilingual.conf.PageTypesSetting``.

    Wagtail resolves ``parent_page_types`` once per class and keeps the models; here they
    are resolved again whenever the setting's value differs from the one resolved (a
    test's ``override_settings``, a setting deleted), at the cost of one comparison.
    """

    @classmethod
    def clean_parent_page_models(cls):
        wanted = cls.parent_page_types
        if cls.__dict__.get("_resolved_parent_page_types", ()) != wanted:
            cls._clean_parent_page_models = None
            cls._resolved_parent_page_types = wanted
        return super().clean_parent_page_models()
