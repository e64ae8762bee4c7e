"""The model data's files and version, without reading what they say (no pydantic: the host's first reply is quick).

`load` (modeldata.py) parses and validates the files; its `version` is `version_of` their bytes, which `data_version`
also gives without parsing them.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

DATA_RELEASE = "2026.11"
DATA_FILES = (
    "sources.toml",
    "services.toml",
    "llm.toml",
    "media.toml",
    "grid.csv",
    "equivalents.toml",
    "tokens.toml",
    "training.toml",
    "scaling.toml",
    "regions.toml",
    "aliases.toml",
    "anchors.toml",
    "datacentres.toml",
)


def read_data(name: str) -> bytes:
    """The bytes of one data file of the package."""
    return resources.files("wattprint.core.data").joinpath(name).read_bytes()


def version_of(raw: dict[str, bytes]) -> str:
    """The data version: the release and a digest of every file's name and bytes, and of EcoLogits' version."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode() + b"\0" + raw[name])
    digest.update(_ecologits_version().encode())
    return f"{DATA_RELEASE}+{digest.hexdigest()[:8]}"


@cache
def data_version() -> str:
    """The version `load().version` gives, from the files' bytes alone."""
    return version_of({name: read_data(name) for name in DATA_FILES})


def _ecologits_version() -> str:
    from importlib import metadata

    return metadata.version("ecologits")


__all__ = ["DATA_FILES", "DATA_RELEASE", "data_version", "read_data", "version_of"]
