"""The footprint model: small pure functions, one module per kind of interaction."""
