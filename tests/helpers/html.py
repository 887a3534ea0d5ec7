"""Read pages with an HTML parser, so a test checks the element it means, not a slice of text.

Cutting HTML by string markers breaks when an attribute moves and can silently look at the
wrong part of a page; a CSS selection names the part and fails clearly when it is missing.
"""

from bs4 import BeautifulSoup, Tag


def soup(page):
    """Parse a response, a string of HTML, or return an already parsed tag unchanged."""
    if isinstance(page, Tag):
        return page
    if hasattr(page, "content"):
        page = page.content.decode()
    return BeautifulSoup(page, "html.parser")


def select(page, css):
    """Every element matching ``css`` (may be empty)."""
    return soup(page).select(css)


def one(page, css):
    """The first element matching ``css``; fails naming the selector when nothing matches."""
    found = soup(page).select_one(css)
    assert found is not None, f"No element matches {css!r}"
    return found


def words(element):
    """The visible text of an element, whitespace normalised."""
    return " ".join(element.get_text(" ").split())


def text(page, css):
    """Whitespace-normalised text of the first element matching ``css``."""
    return words(one(page, css))


def texts(page, css):
    """Whitespace-normalised text of every element matching ``css``."""
    return [words(element) for element in select(page, css)]


def positions(page, *selectors):
    """Where the first match of each selector comes in the document (its element index),
    to check what a visitor (or a screen reader) meets first."""
    document = soup(page)
    order = {id(element): index for index, element in enumerate(document.find_all(True))}
    return [order[id(one(document, css))] for css in selectors]
