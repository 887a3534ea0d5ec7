"""wagtail-localize's translation editor without buttons that lead to "not allowed" (issue 21).

The editor is a script fed by ``props`` (JSON) that wagtail-localize builds from Wagtail's
permissions: *Delete* for anyone who may change a draft, *Convert to alias* for everyone.
Here both need the right to publish the page, as the views behind them do
(``editorial.review``), so someone without it is not offered them; and *Upload PO file*
is hidden from someone the project's upload would refuse.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_props_for_user(context):
    """The editor's ``props``, without Delete and Convert to alias for a non-publisher."""
    props = context.get("props")
    instance = context.get("instance")
    request = context.get("request")
    if not props or request is None or not isinstance(instance, Page):
        return props
    if instance.permissions_for_user(request.user).can_publish():
        return props
    data = json.loads(props)
    data["perms"]["canDelete"] = False
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data, cls=DjangoJSONEncoder)


@register.simple_tag(takes_context=True)
def po_upload_refused(context):
    """Whether the project's PO upload would refuse this person for this translation
    (``translator_permissions.may_work_on``): the editor then hides its upload panel."""
    from translations.translator_permissions import may_work_on

    request = context.get("request")
    translation = context.get("translation")
    if request is None or translation is None:
        return False
    return not may_work_on(request.user, translation)
