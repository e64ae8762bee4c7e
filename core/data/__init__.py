"""Model data files (TOML and CSV), each number with its source."""
