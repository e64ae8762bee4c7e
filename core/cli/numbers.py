"""How the CLI writes a figure: two significant figures below 10, whole numbers above (a range is not a measurement)."""


def figure(value: float) -> str:
    """A figure for people: 0.34, 2.5, 14, 1,250."""
    if value == 0:
        return "0"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.2g}" if value < 10 else f"{value:.0f}"
