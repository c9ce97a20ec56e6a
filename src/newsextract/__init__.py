"""newsextract: dated events from Japanese news, with offsets into the source."""

__version__ = "0.1.0"
