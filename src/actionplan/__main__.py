"""`python -m actionplan` runs the command line."""

from actionplan.cli import main

main()
