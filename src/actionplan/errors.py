"""The one root for errors a user can fix; the CLI catches it once and exits with its code."""


class ActionplanError(Exception):
    """A problem with the user's input or files, reported without a traceback."""

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class PeriodError(ActionplanError, ValueError):
    """Text that is not a period. A ValueError too, so pydantic reports it as a field error."""
