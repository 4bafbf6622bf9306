"""The Performance Action Plan document: which plans to render and what each shows (`context`),
its template layout for Word and PDF (`layout`), Markdown read into blocks, the Jinja2
templates (`templates`) with their safe-HTML filters (`filters`), the writers of each format
(`formats`) and the atomic writing of document files (`files`).

Part of `output`: may import `domain`, `judge` and `workspace`, and `output.wording`,
`output.terminal`, `output.word` and `output.pdf`.
"""
