"""The plans folder on disk: finding and reading YAML files (with positions for problems), the
parse cache, work spread over cores, locks, the journal of bulk edits, atomic writes, limits.

May import `domain` and `judge`; nothing above it.
"""
