"""Limits on the keys of a plan file's mappings, kept apart from the models so that reading
files (which needs the limit) does not import pydantic (which only validating needs)."""

# Unknown keys in one mapping reported one by one; `ACTIONPLAN_MAX_UNKNOWN_KEYS` raises it (the
# workspace passes it in the validation context as `max_unknown_keys`).
MAX_UNKNOWN_KEYS = 50
