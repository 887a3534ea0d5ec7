"""A host cannot lose the review lock without a word (issue 22, finding 2): with
``editorial`` installed, a finish action other than the review lock's stops ``check``."""

from django.core import checks

FINISH = "editorial.review_lock.publish_approved_revision"


def errors():
    return [message for message in checks.run_checks() if message.id == "editorial.E001"]


def test_wagtails_own_finish_action_stops_the_check(settings):
    settings.WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail.workflows.publish_workflow_state"
    found = errors()
    assert len(found) == 1 and found[0].level == checks.ERROR
    assert FINISH in found[0].hint


def test_a_site_that_leaves_the_setting_out_is_told(settings):
    del settings.WAGTAIL_FINISH_WORKFLOW_ACTION
    assert len(errors()) == 1


def test_the_review_locks_finish_action_passes(settings):
    assert settings.WAGTAIL_FINISH_WORKFLOW_ACTION == FINISH
    assert errors() == []
