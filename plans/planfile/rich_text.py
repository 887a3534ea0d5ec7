"""Plan-file text ↔ rich text: blank lines separate paragraphs, "- " starts a bullet."""

import html
import re
from html.parser import HTMLParser


def text_to_html(text):
    """Plan-file text to rich text: blank lines separate paragraphs, "- " starts a bullet."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        paragraph, bullets = [], []
        for line in chunk.splitlines():
            line = line.strip()
            if line.startswith("- "):
                if paragraph:
                    out.append("<p>" + html.escape(" ".join(paragraph), quote=False) + "</p>")
                    paragraph = []
                bullets.append(line[2:].strip())
            else:
                if bullets:
                    out.append(
                        "<ul>"
                        + "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in bullets)
                        + "</ul>"
                    )
                    bullets = []
                paragraph.append(line)
        if paragraph:
            out.append("<p>" + html.escape(" ".join(paragraph), quote=False) + "</p>")
        if bullets:
            out.append(
                "<ul>"
                + "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in bullets)
                + "</ul>"
            )
    return "".join(out)


class _TextFromHTML(HTMLParser):
    """Rich text back to plan-file text (paragraphs, bullets; inline markup dropped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []  # each a paragraph string or a list of bullets
        self.current = None
        self.in_list = False

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.in_list = True
            self.parts.append([])
        elif tag in ("li", "p", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.in_list = False
        elif tag == "li" and self.current is not None:
            self.parts[-1].append(" ".join("".join(self.current).split()))
            self.current = None
        elif tag in ("p", "h2", "h3", "h4", "h5", "h6", "blockquote") and self.current is not None:
            text = " ".join("".join(self.current).split())
            if text:
                self.parts.append(text)
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def text(self):
        chunks = []
        for part in self.parts:
            if isinstance(part, list):
                if part:
                    chunks.append("\n".join(f"- {item}" for item in part))
            else:
                chunks.append(part)
        return "\n\n".join(chunks) + "\n" if chunks else ""


def html_to_text(source):
    parser = _TextFromHTML()
    parser.feed(source)
    parser.close()
    return parser.text()
