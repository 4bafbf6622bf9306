"""Tidy tables for analysts: indicators, measurements and plans, as CSV or Parquet."""
