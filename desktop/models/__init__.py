"""Qt item models over the core history queries (no SQL here: they call wattprint.core)."""
