"""Import a whole plan from a plan file (docs/plan-format.md). Validates first; writes
nothing and exits non-zero when the file has problems."""

from django.core.management.base import BaseCommand, CommandError

from plans.planfile import PlanFileError, import_plan_file, read


class Command(BaseCommand):
    help = "Import (or update in place) a plan from a YAML plan file. See docs/plan-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the plan file (YAML)")
        parser.add_argument(
            "--parent", help="page id or path of the page with plans, e.g. /hem/handlingsplaner/"
        )
        parser.add_argument(
            "--locale", default=None, help="language of the file's text (default: sv)"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the plan (otherwise nothing live changes: drafts, removals wait for publishing)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list what would be added, changed and removed; write nothing",
        )
        parser.add_argument(
            "--allow-removals",
            action="store_true",
            help="accept a file that removes every focus area, or more focus areas or measures than it keeps",
        )

    def handle(self, *args, **options):
        name = options["file"]
        try:
            result = import_plan_file(
                read(name),
                parent_path=options["parent"],
                locale_code=options["locale"],
                publish=options["publish"],
                dry_run=options["dry_run"],
                allow_removals=options["allow_removals"],
            )
        except PlanFileError as error:
            if error.changes is not None:
                self._list(error.changes)
            for problem in error.problems:
                self.stderr.write(f"{name}: {problem}")
            raise CommandError(
                f"{len(error.problems)} problem(s) in {name}; nothing was imported."
            ) from None
        self._list(result.changes)
        key = result.plan.plan_key
        if result.dry_run:
            self.stdout.write(f"Dry run of plan '{key}': nothing was written.")
            return
        verb = "created" if result.created else "updated"
        if result.publish:
            state = "published"
        else:
            state = (
                "saved as draft (nothing live changed; removals wait until the plan is published)"
            )
        summary = ", ".join(
            f"{len(items)} {what}"
            for what, items in (
                ("added", result.changes.added),
                ("changed", result.changes.changed),
                ("removed", result.changes.removed),
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Plan '{key}' {verb} and {state}: {summary} ({result.plan.url_path})."
            )
        )

    def _list(self, changes):
        for line in changes.lines():
            self.stdout.write(f"  {line}")
