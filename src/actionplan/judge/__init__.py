"""Judging indicators at a date: status against target and tolerance, direction of travel,
plan coverage, the result of a check, and statistical process control (Making Data Count).

Pure functions of models and dates: imports only `domain` (and `errors`), and does no I/O.
"""
