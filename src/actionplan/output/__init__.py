"""What people read: check results as a table, JSON or GitHub annotations; committee documents
from templates (Markdown, HTML); figures and statuses in words; terminal-safe text.

May import `domain`, `judge` and `workspace`; never `edit`, `legacy` or `cli`.
"""
