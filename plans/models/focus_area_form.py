"""The focus area's admin form: a measure's goal chosen from the focus area's goals, no
goal deleted while measures belong to it, no status the latest follow-up contradicts."""

from django import forms
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from plans.models.values import as_uuid
from plans.vocabulary import (
    STATUS,
)


class FocusAreaPageForm(WagtailAdminPageForm):
    """Lets an editor pick a measure's goal from the focus area's goals, refuses deleting a
    goal that measures still belong to, and refuses a status that the measure's latest
    follow-up contradicts (the follow-up sets it)."""

    def is_valid(self):
        # After the nested formsets are validated (a form's own clean() runs before them).
        valid = super().is_valid()
        statuses_valid = self._check_statuses()
        return self._check_goals_kept() and statuses_valid and valid

    def _check_statuses(self):
        valid = True
        for form in self.formsets["measures"].forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            updates = form.formsets["status_updates"]
            entries = [
                (f.cleaned_data["date"], i, f.cleaned_data["status"])
                for i, f in enumerate(updates.forms)
                if hasattr(f, "cleaned_data")
                and f.cleaned_data.get("date")
                and f.cleaned_data.get("status")
                and not f.cleaned_data.get("DELETE")
            ]
            if not entries or "status" not in form.changed_data:
                continue
            latest_date, _i, latest_status = max(entries)
            if form.cleaned_data.get("status") != latest_status:
                valid = False
                form.add_error(
                    "status",
                    pgettext(
                        "admin",
                        "The status is set by the latest follow-up (%(date)s: %(status)s). Add a new follow-up to change it.",
                    )
                    % {
                        "date": latest_date.isoformat(),
                        "status": dict(STATUS.choices)[latest_status],
                    },
                )
        return valid

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The goals of the revision being edited (drafts included): a goal added in this
        # form has no key the measures could name until the page is saved.
        goals = list(self.instance.goals.all()) if self.instance else []
        choices = [("", pgettext_lazy("admin", "– no goal –"))] + [
            (str(goal.translation_key), f"{i}. {goal}"[:100])
            for i, goal in enumerate(goals, start=1)
        ]
        for form in [*self.formsets["measures"].forms, self.formsets["measures"].empty_form]:
            field = form.fields["goal_key"]
            form.fields["goal_key"] = forms.TypedChoiceField(
                choices=choices,
                coerce=as_uuid,
                empty_value=None,
                required=False,
                label=field.label,
                help_text=field.help_text,
            )

    def _check_goals_kept(self):
        """A goal deleted in this form while a measure still belongs to it: refused, so that
        no measure leaves its goal without the editor choosing so."""
        deleted = {
            f.instance.translation_key: f.instance
            for f in self.formsets["goals"].forms
            if hasattr(f, "cleaned_data") and f.cleaned_data.get("DELETE") and f.instance.pk
        }
        valid = True
        for form in self.formsets["measures"].forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            goal = deleted.get(form.cleaned_data.get("goal_key"))
            if goal is not None:
                valid = False
                form.add_error(
                    "goal_key",
                    pgettext(
                        "admin",
                        "The goal ”%(goal)s” is being deleted but the measure belongs to it. Choose another goal "
                        "(or none) for the measure, or keep the goal.",
                    )
                    % {"goal": goal},
                )
        return valid
