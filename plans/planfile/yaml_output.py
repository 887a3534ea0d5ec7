"""Plan-file data as YAML people read and write: multi-line texts as blocks, dates
unquoted, keys in the file's order."""

from datetime import date

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def _dates_for_yaml(value, key=None):
    """ISO date strings become YAML dates (unquoted, as people write them)."""
    if isinstance(value, dict):
        return {k: _dates_for_yaml(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_for_yaml(v) for v in value]
    if key in (
        "date",
        "decision_date",
        "last_revised",
        "valid_from",
        "valid_until",
        "due_date",
    ) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def dump(data):
    return yaml.dump(
        _dates_for_yaml(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000
    )
