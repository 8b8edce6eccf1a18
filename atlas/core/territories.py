"""Dependent territories and the state each belongs to, for drawing them in their sovereign's colour.

No maintained package has a "sovereign" field (pycountry and country_converter list territories as
countries of their own). Part of the answer is in ISO 3166-2 as pycountry ships it: a sovereign that
lists a territory among its own subdivisions, under a code made of its alpha-2 and the territory's
(``NL-AW`` Aruba, ``CN-MO`` Macao, ``US-GU`` Guam, ``FR-PF`` French Polynesia), or under the
territory's own name (France's overseas departments). ``derived_territories`` reads that.

ISO 3166-2 says nothing about the rest (the British Crown Dependencies and Overseas Territories,
Åland, the Faroe Islands, Greenland, Svalbard, Australia's and New Zealand's external territories,
Bonaire), so they are in ``LISTED_TERRITORIES``: a short table of undisputed constitutional facts.
Cook Islands and Niue are not here: they are self-governing states in free association with New
Zealand and conduct their own foreign relations, so they are not drawn unless the data covers them.
"""

from __future__ import annotations

from functools import cache

import pycountry

# ISO 3166-2 subdivision types under which a sovereign lists a dependency of its own.
DEPENDENCY_TYPES = {
    "Country",  # NL-AW, NL-CW, NL-SX: constituent countries of the Kingdom of the Netherlands
    "Outlying area",  # US-GU, US-PR, ...
    "Overseas collectivity",
    "Overseas collectivity with special status",
    "Overseas department",
    "Overseas departmental collectivity",
    "Overseas region",
    "Overseas territory",
    "Overseas unique territorial collectivity",
    "Special administrative region",  # CN-HK, CN-MO
}

# Territories ISO 3166-2 does not place under a sovereign (see the module docstring).
LISTED_TERRITORIES = {
    # British Crown Dependencies and Overseas Territories
    "IMN": "GBR",
    "JEY": "GBR",
    "GGY": "GBR",
    "GIB": "GBR",
    "AIA": "GBR",
    "BMU": "GBR",
    "CYM": "GBR",
    "MSR": "GBR",
    "PCN": "GBR",
    "SHN": "GBR",
    "TCA": "GBR",
    "VGB": "GBR",
    "FLK": "GBR",
    # Nordic autonomous territories
    "ALA": "FIN",
    "FRO": "DNK",
    "GRL": "DNK",
    "SJM": "NOR",
    # Australia's and New Zealand's external territories, the Caribbean Netherlands
    "CCK": "AUS",
    "CXR": "AUS",
    "NFK": "AUS",
    "TKL": "NZL",
    "BES": "NLD",
    # French overseas departments whose ISO 3166-2 names differ from their ISO 3166-1 names
    "GUF": "FRA",
    "REU": "FRA",
}


@cache
def derived_territories() -> dict[str, str]:
    """Territory -> sovereign, as far as pycountry's ISO 3166-2 data says it."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    by_name = {c.name: c.alpha_3 for c in pycountry.countries}
    found: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type not in DEPENDENCY_TYPES:
            continue
        sovereign = alpha3.get(sub.country_code)
        suffix = sub.code.partition("-")[2]
        territory = alpha3.get(suffix) or by_name.get(sub.name)
        if sovereign and territory and territory != sovereign:
            found[territory] = sovereign
    return found


@cache
def territory_of() -> dict[str, str]:
    """Every dependent territory the atlas knows, with the state it belongs to."""
    return {**derived_territories(), **LISTED_TERRITORIES}
