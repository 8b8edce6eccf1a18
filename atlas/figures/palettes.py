"""Every colour the atlas's figures use, in one place (pure).

Okabe–Ito where categories must be told apart, checked on the light and the dark theme."""

from __future__ import annotations

# The charts' type: the theme's font, then Noto Sans KR (served locally, see .streamlit/config.toml)
# for Hangul, so Korean labels never fall back to whatever the visitor's machine has.
FONT_FAMILY = '"Source Sans", "Noto Sans KR", sans-serif'

# The DPRK itself, the same on every map (recognition, compare, the Story's, both Koreas):
# Okabe–Ito reddish purple, visible on light and dark pages alike (near-black vanished on the
# dark scheme's background, and with it the legend's swatch).
DPRK_COLOUR = "#CC79A7"

# Okabe–Ito colours (distinguishable with the common forms of colour blindness); the two
# predecessor shades are lighter steps of the "relations" blue so the map reads as one scale.
CATEGORY_COLOURS = {
    "relations": "#0072B2",
    # Okabe-Ito bluish green: a relation like the blues, yet clearly not one of their steps.
    "undated": "#009E73",
    "via_predecessor": "#56B4E9",
    "partial_predecessor": "#B9DDF1",
    "suspended": "#E69F00",
    "severed": "#D55E00",
    "none": "#DDDDDD",
    "dprk": DPRK_COLOUR,
}


# The compare map (and the Story's): changes in Okabe–Ito colours, unchanged states in greys so
# the changes stand out. Warm colours mark a break: vermilion for ties lost (as "severed" on the
# main map), orange for ties restored after one; blue for gains; sky blue for ties that passed to
# a successor state (the main map's "through a predecessor" shade); bluish green for undated
# relations as on the main map. Neutral greys, not blue-greys, so the sky blue stays apart.
COMPARE_COLOURS = {
    "gained": "#0072B2",
    "restored": "#E69F00",
    "lost": "#D55E00",
    "successor": "#56B4E9",
    "unchanged_with": "#ABABAB",
    "unchanged_without": "#E6E6E6",
    "undated": "#009E73",
    "dprk": DPRK_COLOUR,
}


# The embassy network map: both ways in bluish green, one way in blue (the DPRK's) or vermillion
# (the other state's in Pyongyang), accreditation from elsewhere a light sky blue.
NETWORK_COLOURS = {
    "both": "#009E73",
    "dprk_abroad": "#0072B2",
    "in_pyongyang": "#D55E00",
    "non_resident": "#9AD0F0",
    "none": "#DDDDDD",
    "dprk": DPRK_COLOUR,
}
NETWORK_LINES = {"dprk_abroad": "#0072B2", "in_pyongyang": "#D55E00"}


# The country page's UN voting alignment chart: the state in blue, the Republic of Korea (for
# comparison) in vermillion, its predecessors in lighter steps of the state's blue.
ALIGNMENT_LINE_COLOURS = ("#0072B2", "#56B4E9", "#9AD0F0")
ALIGNMENT_ROK_COLOUR = "#D55E00"

# The UN alignment map: five classes of agreement with the DPRK on viridis steps (one hue ramp,
# perceptually even, readable with the common colour blindnesses and in greyscale), darkest for
# the most aligned; "too few votes" a middle grey, no votes the light grey of "none" elsewhere.
ALIGNMENT_COLOURS = {
    "a90": "#440154",
    "a80": "#3B528B",
    "a65": "#21918C",
    "a50": "#5EC962",
    "below50": "#FDE725",
    "few": "#9A9A9A",
    "none": "#DDDDDD",
    "dprk": DPRK_COLOUR,
}

# Leaders' visits: Okabe–Ito blue for the DPRK leaders' trips (as its missions abroad), vermillion
# for leaders who came (as missions in Pyongyang), bluish green for both, orange for meetings in
# a third state.
VISIT_COLOURS = {
    "both": "#009E73",
    "abroad": "#0072B2",
    "to_dprk": "#D55E00",
    "elsewhere": "#E69F00",
    "none": "#DDDDDD",
    "dprk": DPRK_COLOUR,
}
