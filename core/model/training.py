"""Training footprints: the published reference table, a calculator, and amortisation over queries."""

from __future__ import annotations

from dataclasses import dataclass

from wattprint.core.model.modeldata import ModelData


@dataclass(frozen=True, slots=True)
class TrainingFootprint:
    """Energy (MWh) and, with a grid, emissions (tCO2e) of one training run."""

    energy_mwh: float
    co2e_t: float | None


def calculate(
    accelerators: int,
    hours: float,
    data: ModelData,
    *,
    accelerator_kw: float | None = None,
    pue: float | None = None,
    grid_g_per_kwh: float | None = None,
) -> TrainingFootprint:
    """Energy of a training run: accelerators x hours x power x PUE (x grid for emissions).

    Args:
        accelerators: Number of GPUs or TPUs.
        hours: Wall-clock hours of training.
        data: Model data (default accelerator power and PUE).
        accelerator_kw: Power of one accelerator under load, kW.
        pue: Data-centre power usage effectiveness.
        grid_g_per_kwh: Carbon intensity of the grid, gCO2e/kWh.

    Returns:
        The footprint; emissions only when a grid intensity is given.
    """
    if accelerators < 0 or hours < 0:
        raise ValueError("accelerators and hours cannot be negative")
    kw = data.calculator.accelerator_kw if accelerator_kw is None else accelerator_kw
    factor = data.calculator.pue if pue is None else pue
    energy_kwh = accelerators * hours * kw * factor
    co2 = energy_kwh * grid_g_per_kwh / 1e6 if grid_g_per_kwh is not None else None
    return TrainingFootprint(energy_mwh=energy_kwh / 1000.0, co2e_t=co2)


def amortised_wh_per_query(training_mwh: float, queries: float) -> float:
    """Training energy shared over a number of queries, Wh per query."""
    if queries <= 0:
        raise ValueError("queries must be positive")
    return training_mwh * 1e6 / queries


def queries_to_pass_training(training_mwh: float, wh_per_query: float) -> float:
    """How many queries it takes for the energy of use to pass the energy of training."""
    if wh_per_query <= 0:
        raise ValueError("energy per query must be positive")
    return training_mwh * 1e6 / wh_per_query
