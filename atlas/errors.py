class FixtureError(Exception):
    """A fixture file is malformed or refers to something that does not exist."""
