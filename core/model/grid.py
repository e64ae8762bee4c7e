"""Where a service runs: its data-centre efficiency and the carbon and water of its grid."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ecologits.electricity_mix_repository import electricity_mixes

from wattprint.core.model.modeldata import Bounds, ModelData

GENERIC_PUE = Bounds(low=1.09, high=1.58)
GENERIC_WUE = Bounds(low=0.13, high=1.8)


@dataclass(frozen=True, slots=True)
class Site:
    """Data-centre and grid factors of one service, each as (low, mid, high).

    Attributes:
        zone: ISO 3166-1 alpha-3 code of the grid (or WOR for the world).
        pue: Power usage effectiveness.
        wue: On-site water usage effectiveness, L/kWh of IT energy.
        ci: Carbon intensity of the grid, gCO2e/kWh.
        wue_offsite: Water used to generate the electricity, L/kWh (EcoLogits, after the WRI method).
        sources: Source ids for the grid and the data-centre figures.
    """

    zone: str
    pue: tuple[float, float, float]
    wue: tuple[float, float, float]
    ci: tuple[float, float, float]
    wue_offsite: float
    sources: tuple[str, ...]


def _triple(bounds: Bounds) -> tuple[float, float, float]:
    return bounds.low, bounds.mid, bounds.high


@cache
def _ecologits_mix(zone: str) -> tuple[float, float] | None:
    mix = electricity_mixes.find_electricity_mix(zone=zone)
    if mix is None:
        return None
    return float(mix.gwp) * 1000.0, float(mix.wue)


def known_zone(zone: str, data: ModelData) -> bool:
    """True when a grid zone has data."""
    return zone in data.grid or _ecologits_mix(zone) is not None


def carbon_intensity(zone: str, data: ModelData) -> tuple[tuple[float, float, float], float, tuple[str, ...]]:
    """Carbon intensity (low, mid, high, g/kWh) of a zone where two datasets disagree, off-site WUE, and sources.

    EcoLogits' mix and Ember/OWID's lifecycle value are both published; the range spans them.
    """
    values: list[float] = []
    sources: list[str] = []
    wue_offsite = _ecologits_mix("WOR")[1]  # type: ignore[index]
    eco = _ecologits_mix(zone)
    if eco is not None:
        values.append(eco[0])
        wue_offsite = eco[1]
        sources.append("ecologits")
    row = data.grid.get(zone)
    if row is not None:
        values.append(row.g_per_kwh)
        sources.append(row.source)
    if not values:
        raise KeyError(zone)
    return (min(values), sum(values) / len(values), max(values)), wue_offsite, tuple(sources)


def site(zone: str, pue: Bounds, wue: Bounds, source: str, data: ModelData, wue_source: str | None = None) -> Site:
    """Builds the Site of a service (wue_source: the disclosure its on-site WUE comes from, if not `source`)."""
    ci, wue_offsite, sources = carbon_intensity(zone, data)
    return Site(
        zone=zone,
        pue=_triple(pue),
        wue=_triple(wue),
        ci=ci,
        wue_offsite=wue_offsite,
        sources=(source, *((wue_source,) if wue_source else ()), *sources),
    )
