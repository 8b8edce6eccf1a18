"""Code behind the DPRK Relations Atlas pages.

Modules without a ``streamlit`` import are pure (dates, schemas, datasets, relations, figures,
params) and are what the unit tests exercise; ``loaders`` and ``ui`` hold the Streamlit glue.
"""
