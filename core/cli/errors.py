"""Errors the CLI turns into one clear line and an exit code."""


class UserError(Exception):
    """Something the user can fix; printed without a traceback.

    Args:
        message: What went wrong and how to fix it.
        exit_code: The process exit status (1 by default).
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(UserError):
    """The command line itself is wrong (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)
