"""Exception hierarchy shared by the whole package.

Exceptions are for broken input only; rule outcomes are data (see ``findings``).
"""


class VitnemalError(Exception):
    """Base class for every error raised by vitnemal."""


class InputError(VitnemalError):
    """Input that cannot be used (malformed file, invalid identifier, unknown code)."""


class UnknownRuleSetError(VitnemalError):
    """No rule set exists for the school year or date asked for."""
