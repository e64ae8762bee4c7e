"""Qt translations of the desktop app: wattprint_<language>.ts sources and their compiled .qm files."""
