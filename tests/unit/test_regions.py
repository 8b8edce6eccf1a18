"""Regions come from country_converter's table, with a small table for dissolved states."""

from atlas.core import regions


def test_continents_and_subregions_of_current_states():
    assert regions.continent("NGA") == "Africa"
    assert regions.un_subregion("NGA") == "Western Africa"
    assert regions.continent("NAM") == "Africa"  # "NA" must not be read as missing
    assert regions.continent("BRA") == "South America"
    assert regions.continent("CUB") == "North America"
    assert regions.continent("MEX") == "North America"
    assert regions.un_subregion("DEU") == "Western Europe"


def test_dissolved_states_and_unknown_codes():
    assert regions.continent("SUN") == "Europe"
    assert regions.continent("DDR") == "Europe"
    assert regions.continent("YMD") == "Asia"
    assert regions.continent("EUU") == "Europe"
    assert regions.continent("XXX") == ""


def test_un_members_are_the_193():
    members = regions.un_members()
    assert len(members) == 193
    assert {"PRK", "KOR", "SSD"} <= members
    assert "PSE" not in members and "TWN" not in members
