"""Plan-file text to data, or a :class:`PlanFileError` that says where the YAML is broken."""

from pathlib import Path

import yaml

from plans.yamlfile import MAX_FILE_BYTES, load_plan_yaml


class PlanFileError(Exception):
    """A plan file that cannot be imported; ``problems`` lists every reason with its place
    (and ``changes``, when known, what the import would have changed)."""

    def __init__(self, problems, changes=None):
        self.problems = list(problems)
        self.changes = changes
        super().__init__("\n".join(self.problems))


def parse(text):
    """The data of a plan file's text; :class:`PlanFileError` when the YAML is broken or
    refused as unsafe (aliases, deep nesting, huge texts or numbers: see ``plans.yamlfile``)."""
    try:
        data = load_plan_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise PlanFileError([f"invalid YAML: {where}{problem}" if mark else problem]) from error
    if not isinstance(data, dict):
        raise PlanFileError(["the file must be a YAML mapping with 'format' and 'plan'"])
    return data


def read(path):
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError([f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"])
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise PlanFileError([f"{path}: no such file"]) from error
    except UnicodeDecodeError as error:
        raise PlanFileError([f"{path}: not UTF-8 text"]) from error
    except OSError as error:
        raise PlanFileError([f"{path}: {error.strerror or error}"]) from error
    return parse(text)
