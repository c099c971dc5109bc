"""claimtrack: track competing figures in news claims."""

__version__ = "0.1.0"
