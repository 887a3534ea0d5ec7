"""A circuit breaker for the cache: a Redis that fails or hangs is left alone for a while.

Why: a page makes about eighteen cache calls (the page cache, Wagtail's site and settings
caches, the publication memo). With a Redis that accepts connections but does not answer
(a paused or swapping server, a half-open network path), each call waited its whole
socket timeout (0.5 s), and every page took seven to nine seconds: the site was down
although it "served without cache". A support page must answer.

The breaker is shared by every thread of a process, one per Redis address (the
``default`` and ``pages`` caches on one Redis share it). It is *closed* while Redis
answers. The ``failures``-th call in a row that fails, or answers later than ``slow``
seconds (the first, by default), *opens* it:
for ``backoff`` seconds every cache call of this process is skipped at once (a read is a
miss, a write is dropped), so the rest of that request and the next ones run at the speed
of a site without cache. After the back-off one call is let through to try (*half-open*),
while the others still skip; if it answers in time the breaker closes, otherwise it opens
for another back-off. A hung Redis so costs one timeout per process per back-off, not one
per call.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

logger = logging.getLogger("website.cache")

#: Seconds the cache is skipped after a failure or a slow answer.
BACKOFF_SECONDS = 10.0
#: An answer slower than this counts as a failure (the socket timeout is 0.5 s).
SLOW_SECONDS = 0.25
#: Failed or slow calls in a row that open the breaker.
FAILURES = 1


class CircuitBreaker:
    """Closed, open or half-open, as the module docstring says. Thread-safe."""

    def __init__(self, name, backoff=BACKOFF_SECONDS, slow=SLOW_SECONDS, failures=FAILURES):
        self.name, self.backoff, self.slow = name, backoff, slow
        self.failures = max(1, int(failures))
        self.lock = threading.Lock()
        self.open_until = None  # monotonic time; None while closed
        self.probing = False
        self.failed = 0  # failed or slow calls in a row

    @property
    def is_open(self):
        return self.open_until is not None

    def allow(self):
        """Whether a cache call may go to Redis now."""
        if self.open_until is None:
            return True
        with self.lock:
            if self.open_until is None:
                return True
            if time.monotonic() < self.open_until or self.probing:
                return False
            self.probing = True  # this call tries Redis; the others keep skipping it
            return True

    def record(self, elapsed):
        """A call answered after ``elapsed`` seconds."""
        if elapsed > self.slow:
            self.trip(f"answered after {elapsed:.2f} s")
            return
        self.failed = 0
        if self.open_until is not None:
            with self.lock:
                self.open_until, self.probing = None, False
            logger.warning("Cache %s answers again: cache used again.", self.name)

    def trip(self, reason):
        """A call failed or was slow: skip the cache for ``backoff`` seconds once that
        happened ``failures`` times in a row (at once when a trial call after a back-off fails)."""
        with self.lock:
            was_closed = self.open_until is None
            self.failed += 1
            if was_closed and self.failed < self.failures:
                return
            self.open_until = time.monotonic() + self.backoff
            self.probing = False
        if was_closed:
            logger.warning(
                "Cache %s unavailable (%s): skipped for %.0f s, pages are served without cache.",
                self.name,
                reason,
                self.backoff,
            )


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, **options):
    """The process's breaker for one cache address (created on first use)."""
    key = str(location)
    breaker = _breakers.get(key)
    if breaker is None:
        with _breakers_lock:
            breaker = _breakers.setdefault(key, CircuitBreaker(_shown(key), **options))
    return breaker


def _shown(location):
    """The address without a password, for the log."""
    parts = urlsplit(location.split(",")[0].split(";")[0])
    return f"{parts.hostname}:{parts.port or 6379}{parts.path}" if parts.hostname else "redis"


def reset_all():
    """Close every breaker (tests, and a process that knows Redis is back)."""
    with _breakers_lock:
        _breakers.clear()
