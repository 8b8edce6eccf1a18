"""Country codes and names, from pycountry (ISO 3166-1 current, ISO 3166-3 dissolved states).

The only code the atlas adds is ``EUU`` for the European Union, which ISO 3166 reserves
("exceptionally reserved" EU) but pycountry does not list; the DPRK has relations with the EU.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from atlas.core import i18n

# Not states in ISO 3166-1 but parties to relations with the DPRK.
EXTRA_CODES = {"EUU": "European Union"}

# pycountry's names are formal where it has no common name ("USSR, Union of Soviet Socialist
# Republics", "Congo, The Democratic Republic of the"); these are the names a reader knows.
SHORT_NAMES = {
    "RUS": "Russia",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "PSE": "Palestine",
    "FSM": "Micronesia",
    "BRN": "Brunei",
    "SUN": "Soviet Union",
    "DDR": "East Germany",
    "CSK": "Czechoslovakia",
    "YUG": "Yugoslavia",
    "SCG": "Serbia and Montenegro",
    "YMD": "South Yemen",
    "VDR": "North Vietnam",
    "ZAR": "Zaire",
    "BUR": "Burma",
    "HVO": "Upper Volta",
    "DHY": "Dahomey",
}


# The Democratic People's Republic of Korea: the one state every record is about.
DPRK = "PRK"


@cache
def known_codes() -> frozenset[str]:
    """Every alpha-3 code the data may use: current, historic, and ``EXTRA_CODES``."""
    current = {c.alpha_3 for c in pycountry.countries}
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(current | historic | set(EXTRA_CODES))


@cache
def current_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes of today's countries and territories."""
    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def is_historic(code: str) -> bool:
    """True for a dissolved state's ISO 3166-3 code."""
    return code not in current_codes() and code not in EXTRA_CODES


# Korean names: pycountry's Korean translations of ISO 3166 (the names of its own catalogue), with
# the names readers in the South expect where they differ: 북한 and 한국 (the official names are on
# the Data page), short forms for formal names, and the dissolved states by their usual names.
KOREAN_NAMES = {
    "PRK": "북한",
    "KOR": "한국",
    "EUU": "유럽연합",
    "RUS": "러시아",
    "COD": "콩고민주공화국",
    "COG": "콩고공화국",
    "BOL": "볼리비아",
    "VEN": "베네수엘라",
    "IRN": "이란",
    "SYR": "시리아",
    "LAO": "라오스",
    "TZA": "탄자니아",
    "FSM": "미크로네시아",
    "TWN": "대만",
    "MDA": "몰도바",
    "BRN": "브루나이",
    "SUN": "소련",
    "DDR": "동독",
    "CSK": "체코슬로바키아",
    "YUG": "유고슬라비아",
    "SCG": "세르비아 몬테네그로",
    "YMD": "남예멘",
    "VDR": "북베트남",
    "ZAR": "자이르",
    "BUR": "버마",
    "HVO": "오트볼타",
    "DHY": "다호메이",
}


@cache
def _pycountry_korean(standard: str) -> gettext.NullTranslations:
    return gettext.translation(standard, pycountry.LOCALES_DIR, languages=[i18n.KOREAN], fallback=True)


def country_name(code: str) -> str:
    """Short name for a code in the current language, falling back to the code itself."""
    return _country_name(code, i18n.current())


@cache
def _country_name(code: str, lang: str) -> str:
    english = _english_name(code)
    if lang != i18n.KOREAN or english == code:
        return english
    if code in KOREAN_NAMES:
        return KOREAN_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    standard = "iso3166-1" if country is not None else "iso3166-3"
    country = country or pycountry.historic_countries.get(alpha_3=code)
    names = _pycountry_korean(standard)
    common = getattr(country, "common_name", None)
    translated = names.gettext(common) if common else None
    if not translated or translated == common:
        translated = names.gettext(country.name)
    return translated if translated != country.name else english


def _english_name(code: str) -> str:
    """Short English name for a code, falling back to the code itself."""
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        country = pycountry.historic_countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
