"""External programs some tests need (poppler's pdftotext and pdftoppm, LibreOffice). In CI
(CI=true) a missing one fails the run, since .ci/run installs them; elsewhere the tests that need
it are skipped."""

from __future__ import annotations

import os
import shutil

import pytest


def need(program: str, package: str) -> str:
    """The path of `program`, or skip (fail in CI) naming the Debian package that has it."""
    found = shutil.which(program)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{program} is not installed: .ci/run installs {package} with apt-get")
    pytest.skip(f"{program} is not installed (apt-get install {package})")
