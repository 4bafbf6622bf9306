"""PDF documents typeset by Typst from a template and the document's data.

Part of `output`: imports nothing of the package but `errors`.
"""
