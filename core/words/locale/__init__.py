"""Message catalogues of the core, one JSON file per language."""
