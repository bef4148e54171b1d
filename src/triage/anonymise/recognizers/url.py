"""Web addresses that can point at someone: with a scheme, ``www.``, a path, or a blog host.

A bare domain ("gmail.com", "orange.fr") names a provider, not a person, and is left alone;
that makes a much simpler (and five times faster) pattern than Presidio's TLD list possible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "URL"
CONTEXT = ["url", "site", "lien", "link", "page", "profil", "profile", "blog", "website"]
_TAIL = r"[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?]"
# Blog and page hosts whose sub-domains are someone's own site.
_BLOG_HOST = (
    r"(?:over-blog\.(?:com|fr)|blogspot\.[a-z]{2,3}(?:\.[a-z]{2})?|wordpress\.com|canalblog\.com"
    r"|wixsite\.com|substack\.com|github\.io|tumblr\.com|skyrock\.com|e-monsite\.com"
    r"|jimdofree\.com|jimdo\.com|weebly\.com|webnode\.[a-z]{2,3}|hautetfort\.com)"
)
#: The host name ends here: no letter, digit or hyphen next, and no dot that goes on with one
#: (a full stop after it ends the sentence: "mon blog moi.wordpress.com.").
_HOST_END = r"(?![\w\-]|\.[\w\-])"
#: A site of its own on a blog or page host ("moi.over-blog.com"), kept even without "www".
PERSONAL_SITE = re.compile(rf"^[\w\-]+\.{_BLOG_HOST}{_HOST_END}", re.IGNORECASE)
PATTERNS = [
    ("Scheme", rf"(?<![\w@])(?:https?|ftp)://{_TAIL}", 0.8),
    ("www", rf"(?<![\w@./])www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:/{_TAIL})?", 0.7),
    # A domain with a path, or someone's own site on a blog or page host even bare
    # ("patrimoine-et-moi.over-blog.com"): one pattern, so each word is scanned once.
    (
        "Domain with path or blog host",
        rf"(?<![\w@./])[a-z0-9\-]+\.(?:{_BLOG_HOST}(?:/{_TAIL})?{_HOST_END}"
        rf"|(?:[a-z0-9\-]+\.)*[a-z]{{2,}}/{_TAIL})",
        0.6,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """URL recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="UrlRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
    )
