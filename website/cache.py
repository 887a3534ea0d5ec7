"""A Redis cache that degrades to no cache when Redis is unreachable, hung or slow.

Wagtail reads the cache on every request (site root paths, settings); with Django's
``RedisCache`` a Redis restart or network blip answered every public page with 500. A
support site must stay up: a failed read is a miss, a failed write is skipped, and a
warning is logged so the operator sees the outage. (Django's cache has no
``IGNORE_EXCEPTIONS``; this is that option for the built-in backend.)

A Redis that does not answer at all is worse than one that is down: every call waits its
socket timeout. After one failed or slow call the process skips Redis for a back-off
(``website.cache_breaker``), so a page costs at most one timeout, not one per call.
``OPTIONS`` may set ``BACKOFF_SECONDS``, ``SLOW_SECONDS`` and ``FAILURES`` for it
(``website.settings.base`` fills them from ``CACHE_BREAKER_*``); the rest of ``OPTIONS``
goes to redis-py as before.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from website.cache_breaker import BACKOFF_SECONDS, FAILURES, SLOW_SECONDS, breaker_for

logger = logging.getLogger(__name__)

#: What a lost connection raises: redis-py's errors, and socket errors underneath.
OUTAGE = (RedisError, OSError)
#: Marks a call the breaker skipped.
_SKIPPED = object()


class FailSoftRedisCache(RedisCache):
    """``RedisCache`` whose failures behave like an empty cache (see module docstring)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        backoff = float(options.pop("BACKOFF_SECONDS", BACKOFF_SECONDS))
        slow = float(options.pop("SLOW_SECONDS", SLOW_SECONDS))
        failures = int(options.pop("FAILURES", FAILURES))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server, backoff=backoff, slow=slow, failures=failures)

    def _outage(self, operation, error):
        logger.warning("Cache unavailable, %s skipped: %s", operation, error)

    def _guarded(self, operation, call):
        """``call()``'s result, or ``_SKIPPED`` when Redis failed or is being left alone."""
        if not self.breaker.allow():
            return _SKIPPED
        start = time.monotonic()
        try:
            result = call()
        except OUTAGE as error:
            self.breaker.trip(f"{operation}: {error}")
            self._outage(operation, error)
            return _SKIPPED
        self.breaker.record(time.monotonic() - start)
        return result

    def _or(self, result, default):
        return default if result is _SKIPPED else result

    def get(self, key, default=None, version=None):
        return self._or(
            self._guarded(
                "get", lambda: super(FailSoftRedisCache, self).get(key, default, version)
            ),
            default,
        )

    def get_many(self, keys, version=None):
        return self._or(
            self._guarded(
                "get_many", lambda: super(FailSoftRedisCache, self).get_many(keys, version)
            ),
            {},
        )

    def has_key(self, key, version=None):
        return self._or(
            self._guarded("has_key", lambda: super(FailSoftRedisCache, self).has_key(key, version)),
            False,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(
            self._guarded(
                "add", lambda: super(FailSoftRedisCache, self).add(key, value, timeout, version)
            ),
            False,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(
            self._guarded(
                "set", lambda: super(FailSoftRedisCache, self).set(key, value, timeout, version)
            ),
            None,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(
            self._guarded(
                "set_many", lambda: super(FailSoftRedisCache, self).set_many(data, timeout, version)
            ),
            list(data),
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(
            self._guarded(
                "touch", lambda: super(FailSoftRedisCache, self).touch(key, timeout, version)
            ),
            False,
        )

    def delete(self, key, version=None):
        return self._or(
            self._guarded("delete", lambda: super(FailSoftRedisCache, self).delete(key, version)),
            False,
        )

    def delete_many(self, keys, version=None):
        return self._or(
            self._guarded(
                "delete_many", lambda: super(FailSoftRedisCache, self).delete_many(keys, version)
            ),
            None,
        )

    def incr(self, key, delta=1, version=None):
        result = self._guarded(
            "incr", lambda: super(FailSoftRedisCache, self).incr(key, delta, version)
        )
        if result is _SKIPPED:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def clear(self):
        return self._or(
            self._guarded("clear", lambda: super(FailSoftRedisCache, self).clear()), False
        )

    def clear_prefixed(self):
        """Delete this cache's own keys (its ``KEY_PREFIX``), not the whole Redis database.

        ``clear()`` is FLUSHDB: it empties every site sharing the database. Returns the
        number of keys deleted (0 when Redis is unavailable)."""
        pattern = _glob_escape(self.key_prefix) + ":*"

        def delete():
            client = self._cache.get_client(write=True)
            deleted, batch = 0, []
            for key in client.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    deleted += client.delete(*batch)
                    batch = []
            if batch:
                deleted += client.delete(*batch)
            return deleted

        return self._or(self._guarded("clear_prefixed", delete), 0)


def _glob_escape(text):
    return "".join(f"\\{char}" if char in "*?[]\\" else char for char in text)
