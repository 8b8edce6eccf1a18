"""Every colour the atlas's figures use, in one place (pure).

Okabe–Ito where categories must be told apart, checked on the light and the dark theme."""

from __future__ import annotations

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
    "dprk": "#CC79A7",  # Okabe–Ito purple: visible on light and dark pages alike
}


COMPARE_COLOURS = {
    "gained": "#0072B2",
    "lost": "#D55E00",
    "changed": "#CC79A7",
    "unchanged_with": "#A9C8DC",
    "unchanged_without": "#E6E6E6",
    "undated": "#009E73",
    "dprk": "#222222",
}
