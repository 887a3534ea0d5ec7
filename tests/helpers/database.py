"""What Wagtail's migrations make, put back after a transactional test's flush."""


def restore_what_migrations_made(sender, using="default", **kwargs):
    """After a flush (and after migrating, where it finds everything made): the source
    locale, the page tree's root, the root collection and the roles of editorial/roles.py."""
    if sender.label != "website":  # post_migrate is sent once per app; once is enough
        return
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from editorial.roles import ensure_roles

    # The process's content-type cache can outlive the rows it names: PostgreSQL gives the
    # rows a flush re-creates new ids, and a live server's thread may still have been
    # answering the browser of the previous test while they were re-created (seen once in
    # a full PostgreSQL run: "content type with id 1 is not a valid choice" for the root).
    ContentType.objects.clear_cache()
    locale = Locale.objects.using(using).get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_roles()
