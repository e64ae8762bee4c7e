"""Wattprint's icons (SVG, and PNG at each size), shipped inside the package as `wattprint.desktop.icons`."""
