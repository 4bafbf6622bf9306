"""Import of legacy Performance Action Plan documents (Word .docx or text exports) into plan
files: reading the template's rows, rich text to Markdown, figures and periods from prose. The
`import` command that runs it lives in `app`.

May import `domain`, `judge`, `workspace` and `edit`; never `output` or `app`.
"""
