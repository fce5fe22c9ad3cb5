"""Turn defence and diplomatic source texts into organization, date and event records."""

__version__ = "0.1.0"
