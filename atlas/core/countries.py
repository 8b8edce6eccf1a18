"""Country codes and names, from pycountry (ISO 3166-1 current, ISO 3166-3 dissolved states).

The only code the atlas adds is ``EUU`` for the European Union, which ISO 3166 reserves
("exceptionally reserved" EU) but pycountry does not list; the DPRK has relations with the EU.
"""

from __future__ import annotations

from functools import cache

import pycountry

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


@cache
def country_name(code: str) -> str:
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
