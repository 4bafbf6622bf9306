"""The plan-file format and the values in it: periods, figures, the pydantic models, their
JSON Schema, and validation messages in the file's own words.

Pure: imports nothing else from the package but `errors`, and does no I/O.
"""
