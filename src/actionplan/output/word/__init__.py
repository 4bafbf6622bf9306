"""Word documents with python-docx: the base writer and house style, Office XML helpers, lists,
pictures, the plan's field tables, the report and its tables, and the starter templates.

Part of `output`: may import `domain`, `errors`, and `output.documents` (layouts, Markdown
blocks) and `output.report` (its parts and chart pictures).
"""
