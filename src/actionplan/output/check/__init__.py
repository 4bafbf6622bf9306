"""The check's rows and their printers: the plain row a judged file becomes (kept in the results
cache), its cells in words, and the table, JSON and GitHub annotations printed from a finished
`CheckReport`. The rows and printers import nothing heavy: a check served from the cache prints
without loading the models.

Part of `output`: may import `domain`, `judge` and `workspace`, and the shared `output.wording`
and `output.terminal`.
"""
