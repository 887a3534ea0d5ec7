"""Demo content: the seed plans, helplines and pages a new installation starts with."""


def loaders():
    """The demo loaders in the order they must run, as (name, callable) pairs.

    Each app with demo content adds its loader here; each returns a short summary.
    """
    from website.demo import site

    def load_site():
        home = site.load()
        return (
            f"home page '{home.title}' in {home.get_translations(inclusive=True).count()} languages"
        )

    def load_information():
        from website.demo import information

        result = information.load()
        return f"{len(result['pages'])} support pages, brochure '{result['brochure'].title}'"

    def load_plans():
        from website.demo import action_plans

        return action_plans.load()

    return [("site", load_site), ("information", load_information), ("plans", load_plans)]
