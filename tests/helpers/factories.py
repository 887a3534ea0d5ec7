"""Test data made to measure (factory-boy, wagtail-factories): a test that needs three
helplines or one plan with one measure makes exactly those, in Swedish unless it says
otherwise, instead of copying the whole demo site. Each factory makes a valid, published
object; pass what the test is about and leave the rest to the defaults.

    helpline = HelplineFactory(name="Terrafem", last_verified=None)
    plan = PlanPageFactory(parent=plan_index)
    measure = MeasureFactory(focus_area=FocusAreaPageFactory(parent=plan), title="Utbilda")
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale


def swedish():
    return Locale.objects.get_or_create(language_code="sv")[0]


class HelplineFactory(DjangoModelFactory):
    """A live Swedish helpline (stödlinje) with a number a phone dials as written."""

    class Meta:
        model = "information.Helpline"

    locale = factory.LazyFunction(swedish)
    name = factory.Sequence(lambda n: f"Stödlinje {n}")
    phone_number = "020-50 50 50"
    opening_hours = "Dygnet runt"
    languages_offered = "sv"
    live = True


class LocalServiceFactory(DjangoModelFactory):
    """A live Swedish local service (the municipality's own help)."""

    class Meta:
        model = "information.LocalService"

    locale = factory.LazyFunction(swedish)
    name = factory.Sequence(lambda n: f"Socialtjänsten {n}")
    phone_number = "0123-45 67 00"
    live = True


class PlanPageFactory(wagtail_factories.PageFactory):
    """A live plan page; give ``parent`` (the plan index, e.g. the ``plan_index`` fixture)."""

    class Meta:
        model = "plans.PlanPage"

    title = factory.Sequence(lambda n: f"Handlingsplan {n}")
    plan_key = factory.Sequence(lambda n: f"plan-{n}")
    municipality = "Testvikens kommun"
    live = True


class FocusAreaPageFactory(wagtail_factories.PageFactory):
    """A live focus area; give ``parent`` (a plan page)."""

    class Meta:
        model = "plans.FocusAreaPage"

    title = factory.Sequence(lambda n: f"Område {n}")
    number = factory.Sequence(lambda n: str(n + 1))
    live = True


class MeasureFactory(DjangoModelFactory):
    """A measure of ``focus_area`` (required), in its focus area's language."""

    class Meta:
        model = "plans.Measure"

    focus_area = None
    locale = factory.LazyAttribute(lambda measure: measure.focus_area.locale)
    identifier = factory.Sequence(lambda n: f"1:{n + 1}")
    title = factory.Sequence(lambda n: f"Åtgärd {n}")


class OrganisationFactory(DjangoModelFactory):
    """A Swedish organisation of the register (a committee unless said otherwise)."""

    class Meta:
        model = "plans.Organisation"

    locale = factory.LazyFunction(swedish)
    key = factory.Sequence(lambda n: f"org{n}")
    name = factory.Sequence(lambda n: f"Nämnd {n}")
    kind = "committee"
