"""Changes to plan files that keep comments and layout (ruamel.yaml round trip): new files,
plan skeletons, recorded measurements, rows from spreadsheets.

May import `domain`, `judge`, `workspace` and `output` (for progress and wording).
"""
