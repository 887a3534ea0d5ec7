"""Plan files (``docs/plan-format.md``): read, validate, import and export whole plans.

``import_plan`` and ``export_plan`` (the management commands) and the demo loader only
wire arguments to the functions here, one module per reason to change:

- ``reading``: :func:`parse` turns YAML text into data, or reports where the YAML is
  broken (:class:`PlanFileError`);
- ``validation`` lists every problem with its place in the file (JSON Schema first, then
  what a schema cannot say: duplicate identifiers, unknown organisation keys …), worded
  by ``schema_messages``;
- ``fields``: the field table, one entry per plan-file key, read by the import and
  written by the export;
- ``rich_text``: plan-file text ↔ rich text;
- ``importing``: :func:`import_plan` writes a valid plan in one transaction, updating a
  plan with the same key in place (focus areas by number or title, measures by
  identifier or title); ``changes`` says what it adds, changes and removes;
- ``exporting``: :func:`export_plan` writes a plan back in the same format, as YAML
  from ``yaml_output``.

Export then import then export gives the same file. Every name other code imports from
``plans.planfile`` is here.
"""

from plans.planfile.changes import Changes
from plans.planfile.exporting import (
    FORMAT_VERSION,
    export_area,
    export_data,
    export_plan,
    export_plan_fields,
    find_plan,
)
from plans.planfile.fields import (
    FOCUS_AREA_FIELDS,
    MEASURE_HEAD,
    MEASURE_TAIL,
    PLAN_FACTS,
    PLAN_TEXTS,
    FileField,
    read_fields,
    write_fields,
)
from plans.planfile.importing import (
    KEY_NAMESPACE,
    ImportResult,
    find_parent,
    import_plan,
    import_plan_file,
    stable_uuid,
)
from plans.planfile.reading import PlanFileError, parse, read
from plans.planfile.rich_text import html_to_text, text_to_html
from plans.planfile.schema_messages import MAX_LISTED, describe, place
from plans.planfile.validation import SCHEMA_PATH, normalise, schema, validate
from plans.planfile.yaml_output import dump

__all__ = [
    "FOCUS_AREA_FIELDS",
    "FORMAT_VERSION",
    "KEY_NAMESPACE",
    "MAX_LISTED",
    "MEASURE_HEAD",
    "MEASURE_TAIL",
    "PLAN_FACTS",
    "PLAN_TEXTS",
    "SCHEMA_PATH",
    "Changes",
    "FileField",
    "ImportResult",
    "PlanFileError",
    "describe",
    "dump",
    "export_area",
    "export_data",
    "export_plan",
    "export_plan_fields",
    "find_parent",
    "find_plan",
    "html_to_text",
    "import_plan",
    "import_plan_file",
    "normalise",
    "parse",
    "place",
    "read",
    "read_fields",
    "schema",
    "stable_uuid",
    "text_to_html",
    "validate",
    "write_fields",
]
