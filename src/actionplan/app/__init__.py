"""One core function per command: each takes the parsed options and returns what the command
did (an `Outcome`, or for `check` the `CheckReport` its printers print). `check` with the
per-file judging it runs and its worker; `render`, `report`, `record` (one figure, a CSV, a
KPI table), `new` and `import`; and the loading and progress every command starts with.

May import `domain`, `judge`, `workspace`, `edit`, `legacy` and `output`; never `cli`.
"""
