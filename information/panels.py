"""Admin panels for the information app."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
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
                self.content = mark_safe(
                    '<div class="help-block help-warning" role="alert" data-needs-verification>'
                    "<p><strong>Numret har aldrig kontrollerats.</strong> Ring numret, kontrollera "
                    "öppettiderna på stödlinjens webbplats och fyll sedan i ”senast kontrollerad”.</p></div>"
                )
            elif helpline.needs_verification:
                self.content = format_html(
                    '<div class="help-block help-warning" role="alert" data-needs-verification>'
                    "<p><strong>Numret kontrollerades senast {} – för över sex månader sedan.</strong> "
                    "Ring numret, kontrollera öppettiderna och uppdatera ”senast kontrollerad”.</p></div>",
                    helpline.last_verified.isoformat(),
                )
            else:
                self.content = ""

        def is_shown(self):
            return bool(self.content)
