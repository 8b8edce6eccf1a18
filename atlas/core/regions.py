"""UN regions for ISO-3 codes, read from the maintained ``country_converter`` package's own table.

country_converter 1.3.2 cannot build its converter object under pandas 3 (Namibia's ISO2 "NA"
is read as a missing value), so its shipped ``country_data.tsv`` is read directly, with
missing-value parsing off. Dissolved states (ISO 3166-3) are not in that table except the USSR:
each takes the region of the territory it covered, and the EU is placed in Europe.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

from atlas.core.i18n import N_, _

# The region filters' 'no filter' choice (the map's list of a year's changes).
ALL_REGIONS = "All regions"

# ISO 3166-3 codes (and the EU) that country_converter does not list, by the region they lay in.
DISSOLVED_REGIONS = {
    "DDR": ("Europe", "Western Europe"),
    "CSK": ("Europe", "Eastern Europe"),
    "YUG": ("Europe", "Southern Europe"),
    "SCG": ("Europe", "Southern Europe"),
    "YMD": ("Asia", "Western Asia"),
    "VDR": ("Asia", "South-eastern Asia"),
    "ZAR": ("Africa", "Middle Africa"),
    "BUR": ("Asia", "South-eastern Asia"),
    "HVO": ("Africa", "Western Africa"),
    "DHY": ("Africa", "Western Africa"),
    "EUU": ("Europe", "Europe (European Union)"),
}
# country_converter says "America" for both Americas; readers expect the two continents.
_AMERICAS = {"Northern America": "North America", "Central America": "North America", "Caribbean": "North America"}


@cache
def _table() -> dict[str, tuple[str, str]]:
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        data = pd.read_csv(fh, sep="\t", keep_default_na=False, dtype=str, usecols=["ISO3", "continent", "UNregion"])
    table = {}
    for row in data.itertuples(index=False):
        continent = row.continent
        if continent == "America":
            continent = _AMERICAS.get(row.UNregion, "South America")
        table[row.ISO3] = (continent, row.UNregion)
    table.update(DISSOLVED_REGIONS)
    return table


# The names ``continent`` and ``un_subregion`` give (values in the data and in URLs, which stay
# English), marked for the catalog; ``name(value)`` shows one in the run's language.
NAMES = (
    N_("All regions"),
    N_("Africa"),
    N_("Asia"),
    N_("Europe"),
    N_("North America"),
    N_("South America"),
    N_("Oceania"),
    N_("Antarctica"),
    N_("Eastern Africa"),
    N_("Middle Africa"),
    N_("Northern Africa"),
    N_("Southern Africa"),
    N_("Western Africa"),
    N_("Australia and New Zealand"),
    N_("Central Asia"),
    N_("Eastern Asia"),
    N_("South-eastern Asia"),
    N_("Southern Asia"),
    N_("Western Asia"),
    N_("Eastern Europe"),
    N_("Europe (European Union)"),
    N_("Northern Europe"),
    N_("Southern Europe"),
    N_("Western Europe"),
    N_("Caribbean"),
    N_("Central America"),
    N_("Northern America"),
    N_("Melanesia"),
    N_("Micronesia"),
    N_("Polynesia"),
)


def name(value: str) -> str:
    """A continent or region as the visitor reads it ('Western Africa' -> '서아프리카'; '' stays '')."""
    return _(value) if value else value


def continent(code: str) -> str:
    """'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania' (or '')."""
    return _table().get(code, ("", ""))[0]


def un_subregion(code: str) -> str:
    """UN M49 sub-region, e.g. 'Western Africa' (or '' when unknown)."""
    return _table().get(code, ("", ""))[1]


@cache
def un_members() -> frozenset[str]:
    """ISO-3 codes of the 193 UN member states, from the same country_converter table."""
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        data = pd.read_csv(fh, sep="\t", keep_default_na=False, dtype=str, usecols=["ISO3", "UNmember"])
    return frozenset(data.loc[data["UNmember"] != "", "ISO3"])
