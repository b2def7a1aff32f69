"""The two ways a `kiosk` verb fails, mapped to exit codes by kiosk.cli.main (kept apart so the
verb modules need not import the CLI, which can reach Qt through `kiosk run`)."""


class UsageError(Exception):
    """Bad arguments: exit 2 with this message."""


class OperationFailed(Exception):
    """The operation could not be done (central unreachable, bad file): exit 1."""
