import pytest

from triage.anonymise.recognizers.checksums import (
    is_valid_nir,
    is_valid_siren,
    is_valid_siret,
    luhn_ok,
)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("4970101234567891", False),
        ("4111111111111111", True),
        ("732829320", True),
        ("732829321", False),
        ("12a4", False),
    ],
)
def test_luhn(number, expected):
    assert luhn_ok(number) is expected


@pytest.mark.parametrize(
    ("nir", "expected"),
    [
        ("2 85 03 69 123 456 56", True),
        ("285036912345656", True),
        ("2 85 03 69 123 456 57", False),  # wrong key
        ("1 91 12 2A 004 123 45", False),
        ("28503691234565", False),  # 14 characters
    ],
)
def test_nir_key(nir, expected):
    assert is_valid_nir(nir) is expected


def test_corsican_nir_uses_19_and_18_for_the_key():
    body_2a = "19112" + "19" + "004123"
    key = 97 - int(body_2a) % 97
    assert is_valid_nir(f"1 91 12 2A 004 123 {key:02d}")
    body_2b = "19112" + "18" + "004123"
    key_b = 97 - int(body_2b) % 97
    assert is_valid_nir(f"1 91 12 2B 004 123 {key_b:02d}")
    assert not is_valid_nir(f"1 91 12 2B 004 123 {key:02d}") or key == key_b


@pytest.mark.parametrize(
    ("value", "siren", "siret"),
    [
        ("732 829 320", True, False),
        ("732 829 320 00074", False, True),
        ("732 829 320 00075", False, False),
        ("356 000 000 00051", False, True),  # La Poste: digits sum to a multiple of 5
    ],
)
def test_siren_siret(value, siren, siret):
    assert is_valid_siren(value) is siren
    assert is_valid_siret(value) is siret
