"""Plan imports index each page's references once, at the end, instead of after every
save of every inline child."""

import threading
from contextlib import contextmanager

_references_indexed_by_caller = threading.local()


@contextmanager
def references_indexed_by_caller():
    """Within this block, saving pages (focus areas included) leaves their reference index
    to the caller, who indexes each page once at the end (``import_plan``).

    Our own flag around Wagtail's public ``disable_reference_index_auto_update``: a focus
    area needs to know whether someone will index it, and Wagtail keeps that state in a
    private thread-local that is not ours to read."""
    from wagtail.signal_handlers import disable_reference_index_auto_update  # imports models

    previous = getattr(_references_indexed_by_caller, "value", False)
    _references_indexed_by_caller.value = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _references_indexed_by_caller.value = previous


def caller_indexes_references():
    """True inside :func:`references_indexed_by_caller`: the caller indexes each page once."""
    return getattr(_references_indexed_by_caller, "value", False)
