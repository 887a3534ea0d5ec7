"""Login throttling behind a load balancer: the visitor's own address, and a Swedish lock page.

django-axes locks a user name together with the address the attempts came from
(``AXES_LOCKOUT_PARAMETERS``). Behind a load balancer or reverse proxy ``REMOTE_ADDR`` is
the proxy's, the same for every visitor: five wrong passwords from anyone locked the
editor out for everyone, the right password refused too. :func:`client_address` takes
the visitor's address from ``X-Forwarded-For``, but only as far as the proxies the site
is told to trust (``TRUSTED_PROXY_COUNT`` or ``TRUSTED_PROXIES``): a visitor can write
anything into the header, so an address is believed only when a trusted proxy added it.
"""

import ipaddress
import math

from django.conf import settings
from django.shortcuts import render


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def trusted_networks():
    return [
        ipaddress.ip_network(item, strict=False)
        for item in getattr(settings, "TRUSTED_PROXIES", [])
    ]


def client_address(request):
    """The visitor's address (``AXES_CLIENT_IP_CALLABLE``), see the module docstring.

    ``X-Forwarded-For`` lists the addresses each proxy saw, the nearest last. With
    ``TRUSTED_PROXIES`` the first address from the right that is not a trusted proxy is the
    visitor's; with ``TRUSTED_PROXY_COUNT = n``, the n-th from the right. Without either,
    or when the request did not come through a trusted proxy, ``REMOTE_ADDR``."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    networks = trusted_networks()
    if networks:
        if not _trusted(_address(remote), networks):
            return remote
        for part in reversed(forwarded):
            address = _address(part)
            if address is None:
                return remote  # a header no trusted proxy wrote
            if not _trusted(address, networks):
                return str(address)
        return remote
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0 and len(forwarded) >= count:
        address = _address(forwarded[-count])
        if address is not None:
            return str(address)
    return remote


def lockout_response(request, original_response=None, credentials=None):
    """The lock page (``AXES_LOCKOUT_CALLABLE``): in the admin's language, saying for how long."""
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(
        request,
        "website/admin/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
