"""Admin panels for the information app."""

from django.utils.html import format_html
from django.utils.translation import pgettext
from wagtail.admin.panels import HelpPanel


class VerificationWarningPanel(HelpPanel):
    """A warning at the top of a helpline's form when nobody has checked it for six months.

    A wrong number on this site can cost a life: the editor sees this before anything else.
    """

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            helpline = self.instance
            if helpline is None or not getattr(helpline, "pk", None):
                self.content = ""
            elif helpline.last_verified is None:
                self.content = format_html(
                    '<div class="help-block help-warning" role="alert" data-needs-verification>'
                    "<p><strong>{}</strong> {}</p></div>",
                    pgettext("admin", "The number has never been checked."),
                    pgettext(
                        "admin",
                        "Call the number, check the opening hours on the helpline's website and then "
                        "fill in ”last verified”.",
                    ),
                )
            elif helpline.needs_verification:
                self.content = format_html(
                    '<div class="help-block help-warning" role="alert" data-needs-verification>'
                    "<p><strong>{}</strong> {}</p></div>",
                    pgettext(
                        "admin",
                        "The number was last checked on %(date)s – more than six months ago.",
                    )
                    % {"date": helpline.last_verified.isoformat()},
                    pgettext(
                        "admin",
                        "Call the number, check the opening hours and update ”last verified”.",
                    ),
                )
            else:
                self.content = ""

        def is_shown(self):
            return bool(self.content)
