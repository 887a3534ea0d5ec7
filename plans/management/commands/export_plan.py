"""Write a plan as a plan file (docs/plan-format.md) to standard output."""

from django.core.management.base import BaseCommand, CommandError

from plans.planfile import PlanFileError, export_plan, find_plan


class Command(BaseCommand):
    help = "Export a plan (by key, page id or path) as a YAML plan file on standard output."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's key, page id or URL path")

    def handle(self, *args, **options):
        try:
            plan = find_plan(options["plan"])
        except PlanFileError as error:
            raise CommandError(error.problems[0]) from None
        self.stdout.write(export_plan(plan), ending="")
