"""A minimal client for Firefox's Marionette protocol (the one geckodriver speaks), enough to install the built
extension as a temporary add-on, open pages, click and read the DOM. No Selenium or geckodriver needed.

Protocol: each message is `<decimal length>:<JSON>`; a command is `[0, id, name, params]`, its reply
`[1, id, error, result]`.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from typing import Any

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class MarionetteError(RuntimeError):
    """Firefox answered a command with an error."""


class Marionette:
    """One Marionette connection to a Firefox started with `--marionette`."""

    def __init__(self, port: int, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
                break
            except OSError:
                if time.monotonic() > end:
                    raise
                time.sleep(0.2)
        self.buf = b""
        self.next_id = 0
        self._read()  # the greeting: {"applicationType": "gecko", "marionetteProtocol": 3}

    def _read(self) -> Any:
        while b":" not in self.buf:
            self._fill()
        head, _, rest = self.buf.partition(b":")
        length = int(head)
        self.buf = rest
        while len(self.buf) < length:
            self._fill()
        msg, self.buf = self.buf[:length], self.buf[length:]
        return json.loads(msg)

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("Marionette closed the connection")
        self.buf += chunk

    def call(self, name: str, params: dict[str, Any] | None = None) -> Any:
        """Sends one command and returns its result (raises MarionetteError on an error reply)."""
        self.next_id += 1
        data = json.dumps([0, self.next_id, name, params or {}]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            kind, msg_id, error, result = self._read()
            if kind == 1 and msg_id == self.next_id:
                break
        if error:
            raise MarionetteError(f"{name}: {error}")
        return result

    def start_session(self) -> None:
        """Opens a WebDriver session."""
        self.call("WebDriver:NewSession", {"capabilities": {"alwaysMatch": {"pageLoadStrategy": "normal"}}})

    def install_addon(self, path: str, timeout: float = 20) -> str:
        """Installs an unpacked or packed add-on temporarily (as about:debugging does) and waits until its background
        script has registered its content scripts; returns its id.

        Wattprint registers its content scripts at run time (scripting.registerContentScripts), after the install
        returns: a page loaded in between would have no capture. On a loaded machine that gap lasts seconds, so the
        tests wait for the registration, read from Firefox's own state in the chrome context (which needs Firefox
        started with -remote-allow-system-access).
        """
        addon = str(self.call("Addon:Install", {"path": path, "temporary": True})["value"])
        probe = (
            'const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");'
            f"const ext = ExtensionParent.GlobalManager.getExtension({json.dumps(addon)});"
            "const scripts = ext && ext.registeredContentScripts;"
            "return scripts ? scripts.size : -1;"
        )
        self.call("Marionette:SetContext", {"value": "chrome"})
        try:
            deadline = time.monotonic() + timeout
            while (count := self.script(probe)) == 0:
                if time.monotonic() > deadline:
                    raise MarionetteError(f"{addon} registered no content scripts within {timeout} s")
                time.sleep(0.1)
            if count < 0:  # a Firefox without this internal state: give the registration time instead
                time.sleep(3)
        finally:
            self.call("Marionette:SetContext", {"value": "content"})
        return addon

    def navigate(self, url: str) -> None:
        """Loads `url` in the current tab and waits for the load."""
        self.call("WebDriver:Navigate", {"url": url})

    def refresh(self) -> None:
        """Reloads the current page."""
        self.call("WebDriver:Refresh")

    def click(self, css: str) -> None:
        """Clicks (a trusted click) the first element matching `css`."""
        found = self.call("WebDriver:FindElement", {"using": "css selector", "value": css})
        self.call("WebDriver:ElementClick", {"id": found["value"][ELEMENT]})

    def script(self, source: str) -> Any:
        """Runs `source` (a function body) in the page; returns its value."""
        return self.call("WebDriver:ExecuteScript", {"script": source, "args": []})["value"]

    def quit(self) -> None:
        """Asks Firefox to quit; the caller still ends the process by its id when it lingers."""
        with contextlib.suppress(OSError, MarionetteError, ConnectionError):
            self.call("Marionette:Quit", {"flags": ["eForceQuit"]})
        self.sock.close()
