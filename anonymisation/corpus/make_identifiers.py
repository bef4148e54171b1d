"""Generate fictitious but checksum-valid identifiers for the PII corpus.

This script documents how the identifier values of ``pii_corpus_src.jsonl``
were produced.  Every value is random (fixed seed, so the output is
reproducible) and belongs to no real person or company; only the check
digits are computed so that the values pass the usual validity tests:

* FR_NIR       -- 13 digits + key, key = 97 - (number mod 97); Corsican
                  departments 2A / 2B count as 19 / 18 for the key.
* IBAN_CODE    -- ISO 13616 mod-97 check digits; the national BBAN check
                  (French cle RIB, Belgian and Spanish check digits,
                  Italian CIN) is computed as well.
* CREDIT_CARD  -- Luhn check digit (Visa 16, Mastercard 16, Amex 15).
* FR_SIREN     -- 9 digits, Luhn.  FR_SIRET -- SIREN + NIC, 14 digits, Luhn.
* FR_TAX_ID    -- 13 digits starting with 0-3; the last 3 digits are
                  (first 10 digits) mod 511 as for the French SPI.
* other types (passport, identity card, CAF number, licence plates,
  IP addresses, wrong-key "NIR-like" negatives) follow the format only.

The functions are also imported by ``build_corpus.py`` to validate the
annotated values.  Usage::

    python make_identifiers.py            # print a pool of values
    python make_identifiers.py --seed 7   # another pool

Standard library only.
"""

from __future__ import annotations

import argparse
import random
import string

# --------------------------------------------------------------- checksums


def nir_key(first13: str) -> int:
    """Key of a NIR from its first 13 characters (2A -> 19, 2B -> 18)."""
    s = first13.upper()
    if s[5:7] == "2A":
        s = s[:5] + "19" + s[7:]
    elif s[5:7] == "2B":
        s = s[:5] + "18" + s[7:]
    return 97 - (int(s) % 97)


def nir_is_valid(value: str) -> bool:
    s = "".join(value.split()).upper()
    if len(s) != 15 or not s[13:].isdigit():
        return False
    body = s[:13]
    if not (body[:5] + body[7:]).isdigit() or not (
        body[5:7].isdigit() or body[5:7] in ("2A", "2B")
    ):
        return False
    return s[0] in "12" and nir_key(body) == int(s[13:])


def _iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_numeric(bban + country + '00') % 97:02d}"


def iban_is_valid(value: str) -> bool:
    s = "".join(value.split()).upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    return _iban_numeric(s[4:] + s[:4]) % 97 == 1


def luhn_digit(payload: str) -> str:
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:  # these digits are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_is_valid(digits: str) -> bool:
    return digits.isdigit() and luhn_digit(digits[:-1]) == digits[-1]


def rib_key(bank: str, branch: str, account: str) -> str:
    """French cle RIB (letters of the account number converted first)."""
    table = "A1B2C3D4E5F6G7H8I9J1K2L3M4N5O6P7Q8R9S2T3U4V5W6X7Y8Z9"
    conv = {table[i]: table[i + 1] for i in range(0, len(table), 2)}
    acc = "".join(conv.get(c, c) for c in account.upper())
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97:02d}"


def es_control(bank: str, branch: str, account: str) -> str:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def dc(digits: str) -> str:
        r = 11 - sum(int(d) * w[i] for i, d in enumerate(digits)) % 11
        return "0" if r == 11 else "1" if r == 10 else str(r)

    return dc("00" + bank + branch) + dc(account)


def it_cin(abi: str, cab: str, account: str) -> str:
    odd = [
        1,
        0,
        5,
        7,
        9,
        13,
        15,
        17,
        19,
        21,
        2,
        4,
        18,
        20,
        11,
        3,
        6,
        8,
        12,
        14,
        16,
        10,
        22,
        25,
        24,
        23,
    ]
    s = abi + cab + account
    total = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - ord("A")
        total += odd[v] if i % 2 == 0 else v
    return chr(ord("A") + total % 26)


def tax_id_key(first10: str) -> str:
    return f"{int(first10) % 511:03d}"


# --------------------------------------------------------------- generators


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def make_nir(rng: random.Random) -> str:
    sex = rng.choice("12")
    yy = f"{rng.randint(0, 99):02d}"
    mm = f"{rng.randint(1, 12):02d}"
    dept = rng.choice(
        ["75", "69", "13", "33", "59", "2A", "2B", "38", "44", "92", "93", "99", "31", "67", "06"]
    )
    commune = f"{rng.randint(1, 400):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = sex + yy + mm + dept + commune + order
    return body + f"{nir_key(body):02d}"


def make_fr_iban(rng: random.Random) -> str:
    bank, branch, account = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
    bban = bank + branch + account + rib_key(bank, branch, account)
    return "FR" + iban_check_digits("FR", bban) + bban


def make_iban(rng: random.Random, country: str) -> str:
    if country == "FR":
        return make_fr_iban(rng)
    if country == "DE":
        bban = _digits(rng, 8) + _digits(rng, 10)
    elif country == "BE":
        first = _digits(rng, 10)
        chk = int(first) % 97 or 97
        bban = first + f"{chk:02d}"
    elif country == "ES":
        bank, branch, acc = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)
        bban = bank + branch + es_control(bank, branch, acc) + acc
    elif country == "IT":
        abi, cab, acc = _digits(rng, 5), _digits(rng, 5), _digits(rng, 12)
        bban = it_cin(abi, cab, acc) + abi + cab + acc
    elif country == "GB":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + _digits(rng, 14)
    else:
        raise ValueError(country)
    return country + iban_check_digits(country, bban) + bban


def make_card(rng: random.Random, brand: str) -> str:
    if brand == "visa":
        payload = "4" + _digits(rng, 14)
    elif brand == "mastercard":
        payload = rng.choice(["51", "52", "53", "54", "55"]) + _digits(rng, 13)
    else:  # amex
        payload = rng.choice(["34", "37"]) + _digits(rng, 12)
    return payload + luhn_digit(payload)


def make_siren(rng: random.Random) -> str:
    payload = str(rng.randint(3, 9)) + _digits(rng, 7)
    return payload + luhn_digit(payload)


def make_siret(rng: random.Random, siren: str) -> str:
    payload = siren + "000" + str(rng.randint(1, 9))
    return payload + luhn_digit(payload)


def make_tax_id(rng: random.Random) -> str:
    first = str(rng.randint(0, 3)) + _digits(rng, 9)
    return first + tax_id_key(first)


PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"  # no I, O, U in the SIV system


def make_plate(rng: random.Random) -> str:
    a = "".join(rng.choice(PLATE_LETTERS) for _ in range(2))
    b = "".join(rng.choice(PLATE_LETTERS) for _ in range(2))
    return f"{a}-{rng.randint(1, 999):03d}-{b}"


def make_old_plate(rng: random.Random) -> str:
    n = rng.randint(1, 9999)
    letters = "".join(rng.choice(PLATE_LETTERS) for _ in range(rng.choice([2, 3])))
    return f"{n} {letters} {rng.choice(['75', '69', '13', '92', '38'])}"


ID_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O left out (read as 1 and 0)


def make_passport(rng: random.Random) -> str:
    return _digits(rng, 2) + "".join(rng.choice(ID_LETTERS) for _ in range(2)) + _digits(rng, 5)


def make_id_card(rng: random.Random, new: bool) -> str:
    if new:
        alphabet = ID_LETTERS + string.digits
        return rng.choice(ID_LETTERS) + "".join(rng.choice(alphabet) for _ in range(8))
    return _digits(rng, 12)


def make_wrong_nir(rng: random.Random) -> str:
    """15 digits shaped like a NIR but with a wrong key (negative examples)."""
    nir = make_nir(rng)
    body = nir[:13].replace("A", "0").replace("B", "0")
    good = nir_key(body)
    bad = (good + rng.randint(1, 50)) % 97 or 1
    return body + f"{bad:02d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("-n", type=int, default=25, help="values per type")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.n

    def show(name, values):
        print(f"## {name}")
        for v in values:
            print("  " + v)

    show("FR_NIR", [make_nir(rng) for _ in range(n)])
    show("IBAN FR", [make_iban(rng, "FR") for _ in range(n)])
    for c in ("DE", "BE", "ES", "IT", "GB"):
        show("IBAN " + c, [make_iban(rng, c) for _ in range(3)])
    show("CARD visa", [make_card(rng, "visa") for _ in range(10)])
    show("CARD mastercard", [make_card(rng, "mastercard") for _ in range(8)])
    show("CARD amex", [make_card(rng, "amex") for _ in range(5)])
    sirens = [make_siren(rng) for _ in range(n)]
    show("FR_SIREN", sirens)
    show("FR_SIRET", [make_siret(rng, make_siren(rng)) for _ in range(n)])
    show("FR_TAX_ID", [make_tax_id(rng) for _ in range(n)])
    show("FR_PASSPORT", [make_passport(rng) for _ in range(n)])
    show("FR_ID_CARD new", [make_id_card(rng, True) for _ in range(15)])
    show("FR_ID_CARD old", [make_id_card(rng, False) for _ in range(10)])
    show("FR_CAF_NUMBER", [_digits(rng, rng.choice([7, 7, 7, 8])) for _ in range(n)])
    show("FR_LICENSE_PLATE", [make_plate(rng) for _ in range(n)])
    show("FR_LICENSE_PLATE old", [make_old_plate(rng) for _ in range(6)])
    show("negative: NIR-like with wrong key", [make_wrong_nir(rng) for _ in range(6)])
    show("negative: 13 digits (no context)", [_digits(rng, 13) for _ in range(6)])
    ipv4_prefixes = ["192.0.2", "198.51.100", "203.0.113", "192.168.1", "10.0.12"]
    show(
        "IPv4 (documentation / private ranges)",
        [f"{rng.choice(ipv4_prefixes)}.{rng.randint(2, 254)}" for _ in range(15)],
    )

    def ipv6() -> str:
        a, b, c = rng.randint(1, 0xFFFF), rng.randint(1, 0xFFFF), rng.randint(1, 0xFFF)
        return f"2001:db8:{a:x}:{b:x}::{c:x}"

    show("IPv6 (documentation range)", [ipv6() for _ in range(6)])


if __name__ == "__main__":
    main()
