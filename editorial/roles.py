"""The editorial roles and the review before publishing (docs/roles.md).

What citizens read — support pages, brochures, helplines with their phone numbers, local
services — is published by a second person. Wagtail says this with groups and a
workflow, so this module only sets them up:

* **Kommunikatör** edits pages and snippets in every language and submits them to the
  workflow; no ``publish`` permission anywhere, so every change waits for review.
* **Granskare** is the group of the workflow's approval task: approves (which publishes),
  and may publish, unpublish and delete.
* **Översättare – <språk>**, one group per language, and **Översättare** for all of them:
  edit in their language's tree (the translation editor) and submit, nothing more. Page
  permissions hang on each language's home page, so the Swedish source is not theirs.
  Snippets have no per-language permissions in Wagtail; their ``change`` is closed for
  the Swedish snippets in ``translations/translator_permissions.py``.
* **Stödlinjeredaktör** (helpline editor) keeps helplines and local services up to date
  (numbers, opening hours, languages) and submits them for review; nothing else: no
  pages, brochures, plans or glossary. For the person at the social services who knows
  when a number changes, without giving them the whole site.
* **Administratör** sets the site up (users, groups, workflows, languages, sites,
  redirects, settings) and has no permission on content: someone who also reviews is
  in Granskare too. Superusers are outside all this (Wagtail lets them publish anything):
  ``ensure_admin``'s account is for setting up, not for editing.

The workflow *granskning* has one task, *Granskares godkännande*
(Wagtail's group approval task for Granskare). It is assigned to the tree's root page —
so it covers every page in every language, plan pages included, and exists before any
page does — and to the helpline, local service, brochure and glossary term snippets.

:func:`ensure_roles` makes all this. A host runs it with ``manage.py vinr_setup``; the
reference site runs it in a data migration
(``website/migrations/0002_roles_and_review_workflow.py``), so the groups exist in every
install and can be picked in *Användare*. It takes the migration's ``apps`` or Django's
and is safe to run again: ``setup_translators`` and the demo run it too, to give a
language home page made after the migration its translator group.
"""

from django.apps import apps as global_apps

from multilingual.languages import SITE_LANGUAGES, SOURCE_LANGUAGE

COMMUNICATORS = "Kommunikatör"
REVIEWERS = "Granskare"
ADMINISTRATORS = "Administratör"
HELPLINE_EDITORS = "Stödlinjeredaktör"
TRANSLATORS = "Översättare"  # every language; one group per language as well

REVIEW_WORKFLOW = "granskning"  # lower case: Wagtail's button reads "Skicka till granskning"
#: Its name before website/migrations/0009 (the button read "Lämna in till Granskning före publicering").
OLD_REVIEW_WORKFLOW = "Granskning före publicering"
REVIEW_TASK = "Granskares godkännande"
#: Wagtail's own workflow from its initial data; replaced on the root page by ours.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
#: The same workflow once website/migrations/0003 has given it a Swedish name.
WAGTAIL_DEFAULT_WORKFLOW_NAMES = (WAGTAIL_DEFAULT_WORKFLOW, "Godkännande av moderatorer")

#: Wagtail's own groups from its initial data, and the role that does what each did.
#: *Moderators* publish pages past the review; both sat first in the user form, in
#: English, among the roles. They are retired (:func:`retire_wagtail_groups`).
WAGTAIL_GROUPS = {"Moderators": REVIEWERS, "Editors": COMMUNICATORS}

#: Snippets that go through the review workflow: what a visitor in danger reads and dials,
#: and the glossary that explains the words on those pages.
REVIEWED_SNIPPETS = {
    "helpline": "stödlinje",
    "localservice": "lokal stödverksamhet",
    "brochure": "broschyr",
    "glossaryterm": "ord i ordlistan",
}
DRAFT_SNIPPETS = REVIEWED_SNIPPETS

#: Page permissions per role. Kommunikatör and Granskare have them on the tree root (all
#: languages); translators on their language's home page. Without "publish" Wagtail
#: offers "Skicka till granskning" instead of "Publicera", and no "Avpublicera".
COMMUNICATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = (*COMMUNICATOR_PAGE_PERMISSIONS, "publish_page")
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
#: Page permissions a translator group must not have (older installs gave "publish").
NOT_FOR_TRANSLATORS = ("publish_page", "bulk_delete_page")

PAGE_PERMISSION_NAMES = {
    "add_page": "Can add page",
    "change_page": "Can change page",
    "publish_page": "Can publish page",
    "bulk_delete_page": "Can delete pages with children",
    "lock_page": "Can lock page",
    "unlock_page": "Can unlock page",
}

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SUBMIT_TRANSLATION = (
    "wagtail_localize",
    "translation",
    "submit_translation",
    "Can submit translations",
)


def _model_permissions(app_label, models, actions):
    return [
        (app_label, model, f"{action}_{model}", f"Can {action} {name}")
        for model, name in models.items()
        for action in actions
    ]


def _default_permissions(app_label, model, name, actions=("add", "change", "delete")):
    return [(app_label, model, f"{action}_{model}", f"Can {action} {name}") for action in actions]


#: Model permissions per group, as (app label, model, codename, name).
COMMUNICATOR_PERMISSIONS = [
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    *_model_permissions("information", DRAFT_SNIPPETS, ("add", "change")),
    *_default_permissions("plans", "organisation", "organisation", ("add", "change")),
]
#: Helplines and local services only: what a visitor dials or walks into.
HELPLINE_EDITOR_PERMISSIONS = [
    ACCESS_ADMIN,
    *_model_permissions(
        "information",
        {model: REVIEWED_SNIPPETS[model] for model in ("helpline", "localservice")},
        ("add", "change"),
    ),
]
REVIEWER_PERMISSIONS = [
    *COMMUNICATOR_PERMISSIONS,
    *_model_permissions("information", DRAFT_SNIPPETS, ("publish", "delete")),
    *_default_permissions("plans", "organisation", "organisation", ("delete",)),
]
TRANSLATOR_PERMISSIONS = [
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    # "change" opens wagtail-localize's translation editor; no "add" (wagtail-localize
    # creates translations itself), no "publish", no "delete".
    *_model_permissions("information", DRAFT_SNIPPETS, ("change",)),
]
ADMINISTRATOR_PERMISSIONS = [
    ACCESS_ADMIN,
    *_default_permissions("auth", "user", "user"),
    *_default_permissions("auth", "group", "group"),
    *_default_permissions("wagtailcore", "workflow", "workflow"),
    *_default_permissions("wagtailcore", "task", "task"),
    *_default_permissions("wagtailcore", "locale", "locale"),
    *_default_permissions("wagtailcore", "site", "site"),
    *_default_permissions("wagtailredirects", "redirect", "redirect"),
]

#: Collection permissions (documents and images): upload and choose, for brochures' PDFs
#: and plan documents.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
]
TRANSLATOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
]


def translator_languages():
    """Every language a translator translates into: all but the source."""
    return [(code, local) for code, _name, local in SITE_LANGUAGES if code != SOURCE_LANGUAGE]


def translator_group_name(code):
    """ "Översättare – العربية": the language in its own script, as its translators write it."""
    local = dict(translator_languages())[code]
    return f"{TRANSLATORS} – {local}"


def translator_groups():
    """{group name: [language codes]}: the all-languages group and one per language."""
    codes = [code for code, _local in translator_languages()]
    return {TRANSLATORS: codes, **{translator_group_name(code): [code] for code in codes}}


class _Roles:
    """The models of ``apps`` (a migration's or Django's) and small get-or-create helpers."""

    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Permission = apps.get_model("auth", "Permission")
        self.Group = apps.get_model("auth", "Group")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Site = apps.get_model("wagtailcore", "Site")
        self.Collection = apps.get_model("wagtailcore", "Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        self.Workflow = apps.get_model("wagtailcore", "Workflow")
        self.WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
        self.WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
        self.WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
        self.WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
        self.GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def content_type(self, app_label, model):
        return self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def permission(self, app_label, model, codename, name):
        # Django makes model permissions after all migrations (post_migrate), Wagtail its
        # "publish" ones too: in a fresh install they do not exist yet here. Django's
        # later pass finds them made and leaves them as they are.
        return self.Permission.objects.get_or_create(
            content_type=self.content_type(app_label, model),
            codename=codename,
            defaults={"name": name},
        )[0]

    def page_permission(self, codename):
        return self.permission("wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename])

    def group(self, name, permissions):
        group = self.Group.objects.get_or_create(name=name)[0]
        group.permissions.add(*[self.permission(*spec) for spec in permissions])
        return group

    def grant_pages(self, group, page, codenames):
        for codename in codenames:
            self.GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=self.page_permission(codename)
            )

    def grant_collection(self, group, collection, permissions):
        for spec in permissions:
            self.GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=self.permission(*spec)
            )

    def tree_root(self):
        return self.Page.objects.filter(depth=1).order_by("path").first()

    def language_homes(self):
        """{language code: home page}: the translations of the default site's root page."""
        site = self.Site.objects.filter(is_default_site=True).first()
        if site is None:
            return {}
        key = (
            self.Page.objects.filter(pk=site.root_page_id)
            .values_list("translation_key", flat=True)
            .first()
        )
        return {
            code: page
            for page, code in (
                (page, page.locale.language_code)
                for page in self.Page.objects.filter(translation_key=key).select_related("locale")
            )
        }


def site_settings_permissions(apps):
    """ "change" on each of the site's settings models (Wagtail's ``BaseSiteSetting``), for
    Administratör. Found among the installed models; a migration, whose historical models
    are not subclasses of anything, names its own (``ensure_roles(settings_permissions=…)``)."""
    if apps is not global_apps:
        return []
    from wagtail.contrib.settings.models import BaseSiteSetting

    return [
        (
            model._meta.app_label,
            model._meta.model_name,
            f"change_{model._meta.model_name}",
            f"Can change {model._meta.verbose_name}",
        )
        for model in global_apps.get_models()
        if issubclass(model, BaseSiteSetting)
    ]


def ensure_roles(apps=global_apps, settings_permissions=None):
    """Create or complete the roles and the review workflow; returns the groups by name.

    Run by ``manage.py vinr_setup`` in a host (and by the reference site's data
    migrations). ``settings_permissions``: Administratör's permissions on the site's
    settings models, as (app label, model, codename, name); default: every installed
    ``BaseSiteSetting``.

    Only adds what is missing, with two deliberate exceptions that are the rule of this
    module: a translator group loses "publish" (and deleting whole subtrees) on pages,
    and the tree root's workflow changes from Wagtail's default "Moderators approval" to
    ours. A workflow someone else chose for the root or a snippet model is kept.
    """
    roles = _Roles(apps)
    communicators = roles.group(COMMUNICATORS, COMMUNICATOR_PERMISSIONS)
    reviewers = roles.group(REVIEWERS, REVIEWER_PERMISSIONS)
    if settings_permissions is None:
        settings_permissions = site_settings_permissions(apps)
    administrators = roles.group(
        ADMINISTRATORS, [*ADMINISTRATOR_PERMISSIONS, *settings_permissions]
    )
    helpline_editors = roles.group(HELPLINE_EDITORS, HELPLINE_EDITOR_PERMISSIONS)
    groups = {
        COMMUNICATORS: communicators,
        REVIEWERS: reviewers,
        ADMINISTRATORS: administrators,
        HELPLINE_EDITORS: helpline_editors,
    }

    root = roles.tree_root()
    collection = roles.Collection.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        roles.grant_pages(communicators, root, COMMUNICATOR_PAGE_PERMISSIONS)
        roles.grant_pages(reviewers, root, REVIEWER_PAGE_PERMISSIONS)
    if collection is not None:
        roles.grant_collection(communicators, collection, EDITOR_COLLECTION_PERMISSIONS)
        roles.grant_collection(reviewers, collection, EDITOR_COLLECTION_PERMISSIONS)

    homes = roles.language_homes()
    not_for_translators = [roles.page_permission(codename) for codename in NOT_FOR_TRANSLATORS]
    for name, codes in translator_groups().items():
        group = roles.group(name, TRANSLATOR_PERMISSIONS)
        roles.GroupPagePermission.objects.filter(
            group=group, permission__in=not_for_translators
        ).delete()
        for code in codes:
            if code in homes:  # a language without a home page yet gets its rights later
                roles.grant_pages(group, homes[code], TRANSLATOR_PAGE_PERMISSIONS)
        if collection is not None:
            roles.grant_collection(group, collection, TRANSLATOR_COLLECTION_PERMISSIONS)
        groups[name] = group

    retire_wagtail_groups(apps, groups)
    workflow = ensure_review_workflow(roles, reviewers)
    if root is not None:
        assign_to_root(roles, workflow, root)
    for model in REVIEWED_SNIPPETS:
        roles.WorkflowContentType.objects.get_or_create(
            content_type=roles.content_type("information", model), defaults={"workflow": workflow}
        )
    return groups


def retire_wagtail_groups(apps, groups):
    """Wagtail's *Moderators* and *Editors* give way to the roles.

    Their members are first put in the role that does what the group did (Moderators
    publish: Granskare; Editors edit: Kommunikatör), so nobody loses work they could do;
    then the group goes, with its page and collection permissions. Nothing else is
    touched. ``groups``: the roles by name, as made by :func:`ensure_roles`.
    """
    Group = apps.get_model("auth", "Group")
    for name, role in WAGTAIL_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        groups[role].user_set.add(*group.user_set.all())
        group.delete()


def restore_wagtail_groups(apps):
    """Undo :func:`retire_wagtail_groups` as far as it can be undone: the two groups with
    the permissions Wagtail's initial data gave them (not their former members)."""
    roles = _Roles(apps)
    root = roles.tree_root()
    collection = roles.Collection.objects.filter(depth=1).order_by("path").first()
    page_permissions = {
        "Moderators": ("add_page", "change_page", "publish_page"),
        "Editors": ("add_page", "change_page"),
    }
    for name, codenames in page_permissions.items():
        group = roles.group(name, [ACCESS_ADMIN])
        if root is not None:
            roles.grant_pages(group, root, codenames)
        if collection is not None:
            roles.grant_collection(group, collection, EDITOR_COLLECTION_PERMISSIONS)


def ensure_review_workflow(roles, reviewers):
    task = roles.GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = roles.GroupApprovalTask.objects.create(
            name=REVIEW_TASK,
            active=True,
            content_type=roles.content_type("wagtailcore", "groupapprovaltask"),
        )
    task.groups.add(reviewers)
    workflow = roles.Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )[0]
    if not roles.WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        roles.WorkflowTask.objects.create(
            workflow=workflow,
            task=task,
            sort_order=roles.WorkflowTask.objects.filter(workflow=workflow).count(),
        )
    return workflow


def assign_to_root(roles, workflow, root):
    """The review workflow on the tree root, in place of Wagtail's default one.

    Wagtail's "Moderators approval" (its initial data) is switched off once nothing uses
    it any more, so the admin does not offer two workflows; one with work in progress is
    left running.
    """
    current = roles.WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if current is None:
        roles.WorkflowPage.objects.create(page=root, workflow=workflow)
        return
    if (
        current.workflow_id == workflow.pk
        or current.workflow.name not in WAGTAIL_DEFAULT_WORKFLOW_NAMES
    ):
        return
    default = current.workflow
    current.workflow = workflow
    current.save()
    unused = not (
        roles.WorkflowPage.objects.filter(workflow=default).exists()
        or roles.WorkflowContentType.objects.filter(workflow=default).exists()
        or roles.WorkflowState.objects.filter(workflow=default, status="in_progress").exists()
    )
    if unused:
        default.active = False
        default.save()
