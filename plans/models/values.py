"""How stored values are read back: goal keys, one-per-line texts."""

import uuid


def as_uuid(value):
    """A goal key from a form (text) or from the database or a revision (UUID)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def lines(text):
    """The non-empty lines of a "one per line" text field, as a list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
