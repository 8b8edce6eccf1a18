"""The framework floor for load: a bare one-line Streamlit app."""

import streamlit as st

st.write("hello")
