"""actionplan: performance indicators and their action plans, kept as YAML files."""

__version__ = "0.1.0"
