"""Presidio's own recognizers for e-mail, IP and IBAN, in every language.

Presidio registers these for English only; triage builds one per configured language with
French context words, and replaces the e-mail check so it never reaches the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import tldextract
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
)

EMAIL_CONTEXT = ["email", "e-mail", "mail", "courriel", "adresse", "mél", "mel", "contact"]
IP_CONTEXT = ["ip", "adresse", "ipv4", "ipv6", "connexion", "address", "serveur"]
IBAN_CONTEXT = ["iban", "rib", "bancaire", "compte", "virement", "prélèvement", "bank", "account"]


@cache
def _offline_extractor() -> tldextract.TLDExtract:
    # An empty URL list makes tldextract use the suffix list bundled in the package.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer with a domain check that uses only bundled data."""

    def validate_result(self, pattern_text: str) -> bool:
        """Accept an address whose domain ends in a known public suffix."""
        return _offline_extractor()(pattern_text).fqdn != ""


def build_email(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """E-mail recognizer."""
    return OfflineEmailRecognizer(
        supported_language=language, context=list(EMAIL_CONTEXT if context is None else context)
    )


def build_ip(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """IPv4 / IPv6 recognizer."""
    return IpRecognizer(
        supported_language=language, context=list(IP_CONTEXT if context is None else context)
    )


def build_iban(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """IBAN recognizer (every country, mod-97 checked)."""
    return IbanRecognizer(
        supported_language=language, context=list(IBAN_CONTEXT if context is None else context)
    )
