"""A Redis cache that degrades to no cache when Redis is unreachable.

Wagtail reads the cache on every request (site root paths, settings); with Django's
``RedisCache`` a Redis restart or network blip answered every public page with 500. A
support site must stay up: a failed read is a miss, a failed write is skipped, and a
warning is logged so the operator sees the outage. (Django's cache has no
``IGNORE_EXCEPTIONS``; this is that option for the built-in backend.)
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: What a lost connection raises: redis-py's errors, and socket errors underneath.
OUTAGE = (RedisError, OSError)


class FailSoftRedisCache(RedisCache):
    """``RedisCache`` whose failures behave like an empty cache (see module docstring)."""

    def _outage(self, operation, error):
        logger.warning("Cache unavailable, %s skipped: %s", operation, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except OUTAGE as error:
            self._outage("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except OUTAGE as error:
            self._outage("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except OUTAGE as error:
            self._outage("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except OUTAGE as error:
            self._outage("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except OUTAGE as error:
            self._outage("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except OUTAGE as error:
            self._outage("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except OUTAGE as error:
            self._outage("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except OUTAGE as error:
            self._outage("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except OUTAGE as error:
            self._outage("delete_many", error)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except OUTAGE as error:
            self._outage("incr", error)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from error

    def clear(self):
        try:
            return super().clear()
        except OUTAGE as error:
            self._outage("clear", error)
            return False
