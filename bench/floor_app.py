"""The framework floor: a bare Streamlit page holding one plotly choropleth, drawn the same way.

Same geometry (locally served world_110m.json), same ISO-3 locations, one colour, no data files.
``bench/static`` links to the project's ``static/`` so static serving finds the geometry.
"""

import plotly.graph_objects as go
import pycountry
import streamlit as st

codes = sorted(c.alpha_3 for c in pycountry.countries)
fig = go.Figure(go.Choropleth(locations=codes, z=[1] * len(codes), colorscale=[[0, "#0072B2"], [1, "#0072B2"]], showscale=False))
fig.update_layout(title="Floor", height=470, margin=dict(l=0, r=0, t=36, b=0))
st.plotly_chart(fig, config={"topojsonURL": "app/static/"})
