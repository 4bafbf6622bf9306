"""Import of legacy Performance Action Plan documents (Word .docx or text exports) into plan
files: reading the template's rows, rich text to Markdown, figures and periods from prose.

May import `domain`, `judge`, `workspace`, `edit` and `output`.
"""
