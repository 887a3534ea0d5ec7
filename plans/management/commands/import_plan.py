"""Import a whole plan from a plan file (docs/plan-format.md). Validates first; writes
nothing and exits non-zero when the file has problems."""

from django.core.management.base import BaseCommand, CommandError

from plans.planfile import PlanFileError, import_plan, read


class Command(BaseCommand):
    help = "Import (or update in place) a plan from a YAML plan file. See docs/plan-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the plan file (YAML)")
        parser.add_argument("--parent", help="page id or path of the page with plans, e.g. /hem/handlingsplaner/")
        parser.add_argument("--locale", default=None, help="language of the file's text (default: sv)")
        parser.add_argument("--publish", action="store_true", help="publish the plan (otherwise saved as a draft)")

    def handle(self, *args, **options):
        try:
            data = read(options["file"])
            plan, created = import_plan(
                data, parent_path=options["parent"], locale_code=options["locale"], publish=options["publish"]
            )
        except PlanFileError as error:
            for problem in error.problems:
                self.stderr.write(f"{options['file']}: {problem}")
            raise CommandError(
                f"{len(error.problems)} problem(s) in {options['file']}; nothing was imported."
            ) from None
        measures = sum(area.specific.measures.count() for area in plan.get_children())
        state = "published" if options["publish"] else "saved as draft"
        verb = "created" if created else "updated"
        self.stdout.write(self.style.SUCCESS(f"Plan '{plan.plan_key}' {verb} and {state}: {measures} measures ({plan.url_path})."))
