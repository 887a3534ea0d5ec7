"""The field table: each plan-file key and the model field it fills, read by the importer
and written by the exporter from one entry, so the two cannot drift apart."""

from datetime import date

from plans.models import lines


def _lines(items):
    return "\n".join(items or [])


def _str(value):
    return "" if value is None else str(value)


def _as_date(value):
    return date.fromisoformat(value) if value else None


def _choices(model, name, keys):
    return model._meta.get_field(name).to_python(keys or [])


def _none(value):
    return value if value not in ("", None, []) else None


def _iso(value):
    return value.isoformat() if value else None


class FileField:
    """One key of a plan file and the model field it fills, read by the importer and
    written by the exporter from this one entry, so the two cannot drift apart.

    ``kind`` says how a value crosses: ``text`` (empty ↔ absent), ``lines`` (a list in the
    file, one per line in the field), ``date`` (ISO text), ``choices`` (a list of keys),
    ``flag`` (true/false)."""

    def __init__(self, key, kind="text", attribute=None):
        self.key, self.kind, self.attribute = key, kind, attribute or key

    def read(self, data, model):
        """The model value for this key of the file's ``data`` (already validated)."""
        value = data.get(self.key)
        if self.kind == "lines":
            return _lines(value)
        if self.kind == "date":
            return _as_date(value)
        if self.kind == "choices":
            # In choice order, as the field gives them back from the database, so that an
            # unchanged file compares equal to what is stored (see _save_if_changed).
            return _choices(model, self.attribute, value)
        if self.kind == "flag":
            return bool(value)
        return _str(value)

    def write(self, obj):
        """The file value of this field of ``obj``: None when the field is empty (a flag
        is always true or false)."""
        value = getattr(obj, self.attribute)
        if self.kind == "lines":
            return _none(lines(value))
        if self.kind == "date":
            return _iso(value)
        if self.kind == "choices":
            return _none(list(value))
        if self.kind == "flag":
            return bool(value)
        return _none(value)


def read_fields(table, data, model):
    return {field.attribute: field.read(data, model) for field in table}


def write_fields(table, obj):
    return {field.key: field.write(obj) for field in table}


# A plan's facts (written before its revision log) and its texts (after it).
PLAN_FACTS = [
    FileField("municipality"),
    FileField("scope", "choices"),
    FileField("deciding_body"),
    FileField("decision_date", "date"),
    FileField("last_revised", "date"),
    FileField("valid_from", "date"),
    FileField("valid_until", "date"),
    FileField("until_further_notice", "flag"),
    FileField("document_owner"),
    FileField("registration_number"),
    FileField("version"),
]
PLAN_TEXTS = [
    FileField("summary"),
    FileField("vision"),
    FileField("overall_goals", "lines"),
    FileField("target_groups", "lines"),
    FileField("follow_up"),
]
FOCUS_AREA_FIELDS = [
    FileField("number"),
    FileField("label"),
    FileField("title"),
    FileField("introduction"),
    FileField("conditions", "lines"),
]
# A measure's own columns, before and after its responsible bodies in the file.
MEASURE_HEAD = [
    FileField("identifier"),
    FileField("title"),
    FileField("activities", "lines"),
]
MEASURE_TAIL = [
    FileField("responsible_as_written"),
    FileField("prevention_levels", "choices"),
    FileField("target_groups", "choices"),
    FileField("time_frame"),
    FileField("due_date", "date"),
    FileField("follow_up"),
    FileField("note"),
]
