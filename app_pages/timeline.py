"""Placeholder until the timeline data lands."""

import streamlit as st

st.title("timeline")
