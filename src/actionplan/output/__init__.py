"""What people read, in rooms by role: `check` (the check's rows and their table, JSON and
GitHub printers), `documents` (the plan document's context, layout, Markdown and templates),
`report` (the quarterly report), `word` and `pdf` (the document writers); and, shared by them,
`wording` (figures and statuses in words) and `terminal` (terminal-safe text).

May import `domain`, `judge` and `workspace`; never `edit`, `legacy`, `app` or `cli`.
"""
