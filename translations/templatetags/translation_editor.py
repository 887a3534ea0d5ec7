"""wagtail-localize's translation editor without buttons that lead to "not allowed" (issue 21).

The editor is a script fed by ``props`` (JSON) that wagtail-localize builds from Wagtail's
permissions: *Delete* for anyone who may change a draft, *Convert to alias* for everyone.
Here both need the right to publish the page, as the views behind them do
(``editorial.review``), so someone without it is not offered them.
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
