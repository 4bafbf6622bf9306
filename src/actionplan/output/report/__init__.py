"""The quarterly performance report: its model (`model`: entries, changes, exceptions), the
evidence drafted from the figures (`evidence`), SVG charts, the template variables, the parts
laid out for Word and PDF, and the writing of its files. Each section of the report has one
module for its data and its words where it has its own (`exceptions`, `changes`).

Part of `output`: may import `domain`, `judge` and `workspace`, and `output.documents`,
`output.check`, `output.word`, `output.pdf` and the shared `output` modules.
"""
