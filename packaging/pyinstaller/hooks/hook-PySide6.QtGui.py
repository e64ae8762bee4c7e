"""QtGui without the plugins a desktop app never loads, so the bundle stays small.

It replaces PyInstaller's own hook (the spec puts this folder first in `hookspath`) and drops, before PyInstaller
collects their dependencies: the virtual keyboard (which pulls in Qt Quick and QML), the embedded-device platforms
(EGLFS, linuxfb, VNC, Vulkan display), and the GTK 3 theme (which would copy the build machine's GTK into the bundle;
Qt draws its own Fusion style and uses the desktop portal for dialogs instead).
"""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

DROP = (
    "libqtvirtualkeyboardplugin",
    "libqeglfs",
    "libqminimalegl",
    "libqlinuxfb",
    "libqvnc",
    "libqvkkhrdisplay",
    "libqgtk3",
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (source, target)
    for source, target in binaries
    if not Path(source).name.startswith(DROP) and "egldeviceintegrations" not in Path(target).parts
]
