"""Pipe: from the browser extension to the history, and the setup that connects them.

The native-messaging host (`host`), its framing and its messages (`framing`, `protocol`), the nudge that wakes the
app, what the extension said about its sites (`capture_health`), and the installation of the host and the extension
into browsers and the session (`install_host`, `browsers`, `extension_files`, `autostart`).

May import: store/, model/, words/ and the kernel. Never insight/. Imported by cli/ and the app.
"""
