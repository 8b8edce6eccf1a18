"""Placeholder until the gifts data lands."""

import streamlit as st

st.title("gifts")
