"""Reusable widgets: charts, the tray icon's picture."""
