"""PDF documents typeset by Typst from a template and the document's data.

Part of `output`: the writer imports nothing of the package but `errors`; `bounds` counts
the plan's blocks (`documents.markdown_blocks`) against its limits (`workspace.limits`).
"""
