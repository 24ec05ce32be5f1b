"""The one error a setting can raise."""


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says which and what to do."""
