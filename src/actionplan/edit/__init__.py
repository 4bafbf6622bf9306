"""Changes to plan files that keep comments and layout (ruamel.yaml round trip): new files,
plan skeletons, recorded measurements, rows from CSV files and workbooks. The commands that
make these changes live in `app`.

May import `domain`, `judge`, `workspace` and `output` (for figures in words); never `app`.
"""
