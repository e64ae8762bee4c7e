"""The model data's version, read two ways."""

from __future__ import annotations

from wattprint.core.model.dataversion import data_version
from wattprint.core.model.modeldata import load


def test_the_data_version_without_parsing_is_the_loaded_one() -> None:
    """The host's first reply names the data version from the files' bytes alone; it must be the one `load` gives."""
    assert data_version() == load().version
