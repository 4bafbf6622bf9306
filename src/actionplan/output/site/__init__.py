"""The static website: its pages as template variables from the report's model (`pages`), each
indicator's figures as CSV (`figures`), the pages laid out by their templates (`render`), and
the site written into its folder, only changed files, all or none (`write`).

Part of `output`: may import `domain`, `judge` and `workspace`, and `output.documents`,
`output.report`, `output.export` and the shared `output` modules.
"""
