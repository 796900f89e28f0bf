"""The one exception type the CLI turns into a one-line message (exit code 2)."""


class FaceliftError(ValueError):
    """A user-facing problem: bad input file, bad argument, missing weights.

    The message must stand on its own as one line and name the thing at fault
    (a path, an argument), because the CLI prints it without a traceback.
    """
