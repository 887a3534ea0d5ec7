"""Words Wagtail and wagtail-localize write in English whatever the admin's language.

No catalogue entry reaches them: a label made from a field's name ("Site name", "Sync
from"), the root page's title stored by Wagtail's first migration ("Root"), a date written
with Python's ``strftime`` ("6 December 2026"), a message written after the editor's
language has been switched back to the browser's. ``install`` (run when the app is ready)
gives each a translatable word or the editor's language; the Swedish is in
``admin_locale/sv``. Check each on an upgrade of Wagtail or wagtail-localize.
"""

import re
from datetime import datetime

from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy, pgettext

# The words below are Wagtail's or wagtail-localize's kind: their Swedish is in
# ``admin_locale/sv`` with the admin's other words, not in ``locale/`` (this project's
# strings, which every language translates). So they are looked up through these names,
# which ``makemessages`` does not extract (docs/languages.md, "The admin in Swedish").
admin_word = gettext
admin_word_lazy = gettext_lazy
admin_word_in = pgettext

#: The root page's title as Wagtail's migration stores it.
ROOT_TITLE = "Root"


def install():
    from django.apps import apps

    _name_the_root_page()
    _name_the_root_collection()
    _label_page_fields(users_installed=apps.is_installed("wagtail.users"))
    _label_chooser_locale_filter()
    _count_pages_in_the_page_search()
    if apps.is_installed("wagtail.sites"):
        _label_site_columns()
    _label_workflow_content_types()
    _label_locale_synchronisation()
    _deny_in_the_editors_language()
    _date_translation_editor_in_the_editors_language()


def _name_the_root_page():
    """The tree's root is "Root" in the database (Wagtail's migration); the admin names it
    in the editor's language wherever it shows a page's admin title."""
    from wagtail.models import Page

    original = Page.get_admin_display_title
    if getattr(original, "names_the_root", False):
        return

    def get_admin_display_title(self):
        title = original(self)
        if self.depth == 1 and title == ROOT_TITLE:
            return admin_word_in("admin", "Root level")
        return title

    get_admin_display_title.names_the_root = True
    Page.get_admin_display_title = get_admin_display_title


def _name_the_root_collection():
    """The root collection is "Root" in the database too (image and document forms, group
    permissions)."""
    from wagtail.models import Collection

    if getattr(Collection.__str__, "names_the_root", False):
        return
    original_str, original_indented = Collection.__str__, Collection.get_indented_name

    def in_admin_language(collection, name):
        if collection.depth == 1 and collection.name == ROOT_TITLE:
            return admin_word_in("admin", "Root collection")
        return name

    def __str__(self):
        return in_admin_language(self, original_str(self))

    def get_indented_name(self, *args, **kwargs):
        return in_admin_language(self, original_indented(self, *args, **kwargs))

    __str__.names_the_root = True
    Collection.__str__ = __str__
    Collection.get_indented_name = get_indented_name


def _label_page_fields(users_installed=True):
    """The page chooser of a workflow's pages and of a group's page permissions is labelled
    after its field ("Page")."""
    from wagtail.admin.forms.workflows import WorkflowPageForm

    WorkflowPageForm.base_fields["page"].label = admin_word_lazy("Page")
    if users_installed:  # wagtail.users' forms import its models
        from wagtail.users.forms import PagePermissionsForm

        PagePermissionsForm.base_fields["page"].label = admin_word_lazy("Page")


def _label_chooser_locale_filter():
    """The choosers' language filter (helplines, services…) is labelled "Locale"."""
    from wagtail.admin.forms.choosers import LocaleFilterMixin

    original = LocaleFilterMixin.__init__
    if getattr(original, "labels_the_locale", False):
        return

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = admin_word("Locale")

    __init__.labels_the_locale = True
    LocaleFilterMixin.__init__ = __init__


def _count_pages_in_the_page_search():
    """The page search heads its results "1–20 av 29 None": the view has no model name."""
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural


def _label_site_columns():
    """The sites listing's columns are named after the fields ("Site name"): use the fields'
    translated names."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in ("site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def _label_workflow_content_types():
    """The workflow form's snippet types box is labelled "Content types" for screen readers."""
    from wagtail.admin.forms.workflows import WorkflowContentTypeForm

    WorkflowContentTypeForm.base_fields["content_types"].label = admin_word_lazy("Content types")


def _label_locale_synchronisation():
    """wagtail-localize's "Synchronise content from another locale" box on the language
    form: its fields have no labels of their own ("Enabled", "Sync from")."""
    from wagtail_localize.models import LocaleSynchronization, LocaleSynchronizationModelForm

    if getattr(LocaleSynchronization.base_form_class, "labels_in_the_admin_language", False):
        return

    class LocaleSynchronizationForm(LocaleSynchronizationModelForm):
        labels_in_the_admin_language = True

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "enabled" in self.fields:
                self.fields["enabled"].label = admin_word_in("admin", "Enabled")
            if "sync_from" in self.fields:
                self.fields["sync_from"].label = admin_word("Sync from")

    LocaleSynchronization.base_form_class = LocaleSynchronizationForm


def admin_language(user):
    """The language the admin speaks to ``user``, as ``get_localized_response`` picks it:
    their profile's choice, else the language already active."""
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else translation.get_language()


def _deny_in_the_editors_language():
    """Wagtail writes "Sorry, you do not have permission…" after the editor's language has
    been switched back to the browser's (``require_admin_access`` catches the refusal
    outside ``get_localized_response``): an English browser got it in English."""
    from wagtail.admin import auth

    original = auth.permission_denied
    if getattr(original, "in_the_editors_language", False):
        return

    def permission_denied(request):
        with translation.override(admin_language(request.user)):
            return original(request)

    permission_denied.in_the_editors_language = True
    auth.permission_denied = permission_denied


#: What wagtail-localize's ``DATE_FORMAT`` ("%-d %B %Y") writes, in Python's C locale.
_ENGLISH_DATE = re.compile(r"(lastPublishedDate&quot;: &quot;)(\d{1,2} [A-Z][a-z]+ \d{4})(&quot;)")


def _date_translation_editor_in_the_editors_language():
    """The translation editor's "Last published" date is written with ``strftime``, so in
    English ("6 December 2026"); rewrite it with the admin language's ``DATE_FORMAT``."""
    from wagtail_localize.views import edit_translation as module

    original = module.edit_translation
    if getattr(original, "dates_in_the_editors_language", False):
        return

    def to_admin_date(match):
        day = datetime.strptime(match.group(2), "%d %B %Y").date()
        return match.group(1) + formats.date_format(day, "DATE_FORMAT") + match.group(3)

    def edit_translation(request, translation_, instance):
        response = original(request, translation_, instance)
        if getattr(response, "status_code", None) == 200 and not getattr(
            response, "streaming", False
        ):
            response.content = _ENGLISH_DATE.sub(
                to_admin_date, response.content.decode(response.charset)
            )
        return response

    edit_translation.dates_in_the_editors_language = True
    module.edit_translation = edit_translation
