"""Recognizers for the personal data Presidio lacks for France, chosen by name from a registry.

Each module holds one kind of identifier; :data:`BUILTIN` maps the names used in the YAML
configuration to a function ``build(language, context) -> EntityRecognizer``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presidio_analyzer import EntityRecognizer

from . import (
    address,
    date_of_birth,
    fr_caf,
    fr_identity_documents,
    fr_license_plate,
    fr_nir,
    fr_siren,
    fr_tax_id,
    generic,
    payment_card,
    person_cues,
    phone,
    url,
    us_driver_license,
)

__all__ = ["BUILTIN", "Builder"]

Builder = Callable[[str, Sequence[str] | None], EntityRecognizer]

#: Built-in recognizers by configuration name.
BUILTIN: dict[str, Builder] = {
    "fr_nir": fr_nir.build,
    "phone": phone.build,
    "phone_national": phone.build_national,
    "phone_local": phone.build_local,
    "iban": generic.build_iban,
    "credit_card": payment_card.build,
    "fr_siren": fr_siren.build_siren,
    "fr_siret": fr_siren.build_siret,
    "fr_tax_id": fr_tax_id.build,
    "fr_passport": fr_identity_documents.build_passport,
    "fr_id_card": fr_identity_documents.build_id_card,
    "fr_caf_number": fr_caf.build,
    "fr_license_plate": fr_license_plate.build,
    "address": address.build,
    "date_of_birth": date_of_birth.build,
    "email": generic.build_email,
    "url": url.build,
    "ip": generic.build_ip,
    "person_cues": person_cues.build,
    "us_driver_license": us_driver_license.build,
}
