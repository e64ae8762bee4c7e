"""No network: the desktop app and the host open no TCP/UDP socket at all (no listening port, no outbound connection),
checked from /proc while they run and work; and both work inside a fresh network namespace with loopback down.

The check: every socket inode a process (and its children) holds, from /proc/<pid>/fd, against the kernel's socket
tables /proc/<pid>/net/tcp, tcp6, udp and udp6. The app's local server is a Unix socket: expected, and checked to be
there (which also shows the /proc reading works). Sampling sees sockets that live at least a few milliseconds; the
network-namespace test covers what sampling could miss: with no network at all, nothing can be needed.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import make_item
from tests.security.support import App, Host, app_env, owned_inet_sockets, unix_sockets

REPO = Path(__file__).resolve().parents[2]


def test_the_socket_check_sees_a_listening_tcp_socket():
    """The detector itself: a TCP port this test opens is found as LISTEN in this process's own sockets."""
    import os

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        found = owned_inet_sockets(os.getpid())
    assert any(s.state == "LISTEN" and s.table == "tcp" for s in found), found


def test_app_and_host_open_no_inet_socket_while_they_run(tmp_path):
    data = tmp_path / "wattprint-data"
    env = app_env(data)
    seen: dict[int, set[tuple[str, str, str, str]]] = {}
    samples = [0]
    stop = threading.Event()
    watched: list[int] = []

    def sample() -> None:
        while not stop.wait(0.01):  # bounded by the test: stop is set in `finally`
            for pid in list(watched):
                for s in owned_inet_sockets(pid):
                    seen.setdefault(pid, set()).add((s.table, s.state, s.local, s.remote))
            samples[0] += 1

    sampler = threading.Thread(target=sample, daemon=True)
    app = App(env, tmp_path / "app.log")
    watched.append(app.proc.pid)
    sampler.start()
    host = None
    try:
        app.wait_ready()
        host = Host(env)
        watched.append(host.proc.pid)
        assert host.ask({"type": "hello", "protocol": 1})["type"] == "hello"
        stored = []
        for _ in range(20):  # each commit nudges the app over its Unix socket
            reply = host.ask({"type": "record", "items": [make_item() for _ in range(5)]})
            stored += reply["stored"]
            time.sleep(0.05)
        assert len(stored) == 100
        assert host.ask({"type": "summary", "period": "week"})["type"] == "summary"
        assert host.ask({"type": "settings"})["type"] == "settings"
        time.sleep(1.5)  # the app reloads its views after the nudges
        app_unix = unix_sockets(app.proc.pid)
        assert app.proc.poll() is None
    finally:
        stop.set()
        sampler.join(10)
        if host is not None:
            host.close()
        app.stop()
    assert samples[0] > 50, "the sampler hardly ran"
    assert seen == {}, f"inet sockets owned by the app or host: {seen}"
    # The one socket the app is meant to have: its local server, a listening Unix socket (at the agreed path: checked
    # by App.wait_ready, and the host's nudges reached it).
    assert any(s.listening for s in app_unix), app_unix


NETNS_CHILD = r"""
import json, os, signal, socket, struct, subprocess, sys, time, uuid
from pathlib import Path
bin_dir = Path(sys.executable).parent
env = dict(os.environ)
data = Path(env["WATTPRINT_DATA_DIR"])
# /proc/self/net is this namespace's view (/sys/class/net would still show the parent's, sysfs is not remounted).
devices = Path("/proc/self/net/dev").read_text().splitlines()[2:]
out = {"interfaces": sorted(line.split(":")[0].strip() for line in devices)}
out["ip_link"] = subprocess.run(["ip", "-o", "link"], capture_output=True, text=True).stdout
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1).close()
    out["loopback"] = "reachable"
except OSError as error:
    out["loopback"] = f"unreachable: {error.strerror}"
app = subprocess.Popen([str(bin_dir / "wattprint")], env={**env, "QT_QPA_PLATFORM": "offscreen"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sock = Path(env["WATTPRINT_SOCKET_EXPECTED"])
for _ in range(600):
    if sock.exists() or app.poll() is not None:
        break
    time.sleep(0.05)
out["app_listening"] = sock.exists()
host = subprocess.Popen([str(bin_dir / "wattprint-host"), "chrome-extension://ggfcmjnhfijbkiopdachebogicdgfobd/"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
def ask(message):
    payload = json.dumps(message).encode()
    host.stdin.write(struct.pack("=I", len(payload)) + payload)
    host.stdin.flush()
    n, = struct.unpack("=I", host.stdout.read(4))
    return json.loads(host.stdout.read(n))
out["hello"] = ask({"type": "hello", "protocol": 1})["type"]
items = [{"id": str(uuid.uuid4()), "ts": "2026-11-18T10:00:00Z", "kind": "chat", "service": "chatgpt",
          "prompt": {"latin": 120}, "response": {"latin": 900}, "browser": "chromium", "page": "https://chatgpt.com"}
         for _ in range(3)]
out["stored"] = len(ask({"type": "record", "items": items})["stored"])
out["summary_count"] = ask({"type": "summary", "period": "day", "date": "2026-11-18"})["count"]
host.stdin.close()
out["host_exit"] = host.wait(15)
host.stdout.close()
time.sleep(1.0)
out["app_alive"] = app.poll() is None
app.send_signal(signal.SIGTERM)
try:
    app.wait(15)
except subprocess.TimeoutExpired:
    app.kill()
    app.wait(15)
print(json.dumps(out))
"""


def test_host_and_app_work_in_a_network_namespace_without_network(tmp_path):
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, text=True, check=False)
    assert probe.returncode == 0, f"cannot create a network namespace (the suite runs as root): {probe.stderr.strip()}"
    data = tmp_path / "wattprint-data"
    env = app_env(data)
    result = subprocess.run(
        ["unshare", "--net", "--", sys.executable, "-c", NETNS_CHILD],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    # A fresh namespace: only loopback, and it is down, so not even 127.0.0.1 is reachable.
    assert out["interfaces"] == ["lo"], out
    assert "state DOWN" in out["ip_link"], out
    assert out["loopback"].startswith("unreachable"), out
    assert out["app_listening"] is True, out
    assert (out["hello"], out["stored"], out["summary_count"], out["host_exit"]) == ("hello", 3, 3, 0), out
    assert out["app_alive"] is True, out
