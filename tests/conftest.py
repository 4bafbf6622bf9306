"""Fixtures shared across test folders."""

from support.browser import browser, shots

__all__ = ["browser", "shots"]  # Chromium and the screenshot folder, for any test opening a page
