"""Turn an HTML e-mail into its visible text, so nothing hides in attributes (``mailto:``...)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_HTML_HINT = re.compile(
    # The tag name ends at a blank, "/" or ">": "<a.martin@mairie.fr>" is an e-mail address in
    # a plain-text header, not an <a> tag.
    r"<\s*(?:html|body|div|p|br|a|span|table|td|tr|font|b|i|strong|em|ul|li|head|meta)"
    r"(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "section",
    "article",
    "header",
    "footer",
}
_HIDDEN_TAGS = {"script", "style", "head", "title", "template", "noscript"}


def looks_like_html(text: str) -> bool:
    """Return whether the text contains HTML markup."""
    return _HTML_HINT.search(text) is not None


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML document; attributes and scripts are dropped."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()
