"""What an import adds, changes and removes, as plan-file items, and when it removes too
much to go ahead without ``--allow-removals``."""

from plans.planfile.validation import _area_identity, _measures_with_places


class Changes:
    """What an import adds, changes and removes, as plan-file items ("measure 2:1 …")."""

    def __init__(self, before, after):
        old, new = _inventory(before), _inventory(after)
        self.added = [label for key, (label, _content) in new.items() if key not in old]
        self.changed = [
            label for key, (label, content) in new.items() if key in old and old[key][1] != content
        ]
        self.removed = [label for key, (label, _content) in old.items() if key not in new]
        self.counts = {}
        for kind in ("focus area", "measure"):
            before_keys = [key for key in old if key[0] == kind]
            self.counts[kind] = {
                "removed": sum(1 for key in before_keys if key not in new),
                "kept": sum(1 for key in before_keys if key in new),
            }

    def __bool__(self):
        return bool(self.added or self.changed or self.removed)

    def lines(self):
        return (
            [f"added: {label}" for label in self.added]
            + [f"changed: {label}" for label in self.changed]
            + [f"removed: {label}" for label in self.removed]
        )

    def too_many_removals(self):
        """Why the file needs ``--allow-removals``, or ``None``: it removes every focus area,
        or more focus areas or measures than it keeps (a truncated or wrong file, most likely)."""
        reasons = []
        for kind in ("focus area", "measure"):
            removed, kept = self.counts[kind]["removed"], self.counts[kind]["kept"]
            if removed and removed > kept:
                total = removed + kept
                reasons.append(
                    f"{'all' if not kept else f'{removed} of'} {total} {kind}{'s' if total > 1 else ''}"
                )
        if not reasons:
            return None
        return (
            f"the file removes {' and '.join(reasons)} (more than it keeps); "
            "check the file, or give --allow-removals if that is meant"
        )


def _inventory(data):
    """Each plan-file item of ``data`` (an export) by identity: ``{key: (label, content)}``."""
    items = {}
    if data is None:
        return items
    plan = data["plan"]
    items[("plan",)] = (
        f"plan '{plan['key']}'",
        {k: v for k, v in plan.items() if k not in ("focus_areas", "organisations")},
    )
    for area in plan["focus_areas"]:
        identity = _area_identity(area)
        content = {k: v for k, v in area.items() if k not in ("goals", "measures")}
        content["goals"] = [
            {k: v for k, v in g.items() if k != "measures"} for g in area.get("goals") or []
        ]
        number = f"{area['number']} " if area.get("number") else ""
        items[("focus area", identity)] = (f"focus area {number}'{area['title']}'", content)
    seen_titles = {}
    for _where, area, goal, measure in _measures_with_places(plan):
        # A measure without a title is a row of its goal (docs/plan-format.md): named by it.
        title = measure.get("title") or (goal or {}).get("title", "")
        if measure.get("identifier"):
            key = ("measure", measure["identifier"])
            label = f"measure {measure['identifier']} '{title}'"
        else:
            title_key = (_area_identity(area), title)
            n = seen_titles.get(title_key, 0)
            seen_titles[title_key] = n + 1
            key = ("measure", _area_identity(area), title, n)
            label = f"measure '{title}' (focus area {_area_identity(area)})"
        items[key] = (
            label,
            {**measure, "goal": goal and {k: v for k, v in goal.items() if k != "measures"}},
        )
    return items
