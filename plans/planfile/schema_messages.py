"""JSON Schema errors as sentences a plan's author can act on, each naming its place in
the file (``plan.focus_areas[0].measures[3].identifier``)."""

import re

#: Unknown fields named in one problem at most (the rest are counted).
MAX_LISTED = 10


def place(path):
    """``plan.focus_areas[0].measures[3].identifier`` from a JSON Schema error path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def describe(error):
    where = place(error.absolute_path)
    value = error.instance
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else error.message
        return f"{where}: '{name}' is required"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        shown = ", ".join(repr(e[:60]) for e in extra[:MAX_LISTED])
        more = f" and {len(extra) - MAX_LISTED:,} more" if len(extra) > MAX_LISTED else ""
        return f"{where}: unknown field {shown}{more}"
    if error.validator == "enum":
        return f"{where}: {value!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "const":
        return f"{where}: must be {error.validator_value!r}"
    if error.validator == "type":
        if isinstance(value, float):
            return f"{where}: {value!r} looks like a number; write it in quotes ('{value}') so it is kept as written"
        return f"{where}: expected {' or '.join(_type_names(error.validator_value))}, found {_type_name(value)}"
    if error.validator == "pattern":
        if "[0-9]{4}" in error.validator_value:
            return f"{where}: {value!r} is not a date written as YYYY-MM-DD"
        if "\\n" in error.validator_value:
            return f"{where}: must be a single line"
        return f"{where}: {value!r} may only contain letters a–z, digits, '-' and '_'"
    if error.validator == "minLength":
        return f"{where}: must not be empty"
    if error.validator == "maxLength":
        return f"{where}: is longer than {error.validator_value} characters"
    if error.validator == "uniqueItems":
        return f"{where}: lists the same value twice"
    if error.validator == "oneOf":
        return f"{where}: give either 'organisation' (a key) or 'text', not both or neither"
    return f"{where}: {error.message}"


def _type_names(types):
    names = {
        "string": "text",
        "array": "a list",
        "object": "a mapping",
        "integer": "a whole number",
        "boolean": "true or false",
        "null": "nothing (null)",
        "number": "a number",
    }
    types = types if isinstance(types, list) else [types]
    return [names.get(t, t) for t in types]


def _type_name(value):
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
