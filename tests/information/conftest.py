"""The support fixtures (``support_site``, ``shared_support_site``, ``client_for``) are in
tests/conftest.py, where every area's tests find them; importable from here as before."""

from tests.conftest import client_for, shared_support_site, support_site  # noqa: F401
