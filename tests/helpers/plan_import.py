"""``manage.py import_plan`` as a shell sees it: a plan file written, the command's exit
code and error output, and the rows it may not have left behind."""

import sys

import yaml
from django.core.management import CommandError, call_command


def snapshot():
    """How many plans, focus areas, measures and organisations the database holds."""
    from plans.models import FocusAreaPage, Measure, Organisation, PlanPage

    return (
        PlanPage.objects.count(),
        FocusAreaPage.objects.count(),
        Measure.objects.count(),
        Organisation.objects.count(),
    )


def run_import(path, *args, capsys):
    """Run ``manage.py import_plan`` and report as a shell sees it: (exit code, stderr).

    Through ``call_command``, printing a ``CommandError`` as ``manage.py`` does, not
    through ``ManagementUtility``: that closes every database connection when the command
    ends, which on PostgreSQL ends the test's transaction (and the next query fails).
    """
    try:
        call_command("import_plan", str(path), *args)
    except CommandError as error:
        print(f"CommandError: {error}", file=sys.stderr)
        code = error.returncode
    else:
        code = 0
    return code, capsys.readouterr().err


def write(tmp_path, data, name="plan.yaml"):
    """``data`` (text, or data dumped as YAML) as a plan file in ``tmp_path``."""
    path = tmp_path / name
    path.write_text(
        data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True),
        encoding="utf-8",
    )
    return path
