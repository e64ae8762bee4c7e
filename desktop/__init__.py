"""Wattprint's desktop app (PySide6): the only place Qt is used."""
