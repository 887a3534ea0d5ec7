"""Response headers that keep a visit private."""


class ReferrerPolicyMiddleware:
    """``no-referrer`` on public pages, ``same-origin`` in the admin.

    A visitor's next site must not learn which support page they came from, so public
    pages send no referrer at all. The admin cannot work that way: with ``no-referrer``
    browsers post forms with ``Origin: null`` and Django's CSRF check rejects the login.
    ``same-origin`` still sends nothing to other sites.
    """

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.ADMIN_PREFIXES):
            response["Referrer-Policy"] = "same-origin"
        else:
            response["Referrer-Policy"] = "no-referrer"
        return response
