"""A size-limited filesystem for the fault suite: a tmpfs mounted for the test (as root), else a resource limit.

`limited_disk` yields a `Disk`: its `root` is where the data folder goes, and `fill()` / `free()` make the disk full
and give the space back. With a tmpfs (`mount -t tmpfs -o size=...`, unmounted in teardown) `fill()` writes a ballast
file until the filesystem answers ENOSPC, and `free()` deletes it. When mounting is not permitted (not root, no
CAP_SYS_ADMIN), or with WATTPRINT_FAULT_DISK=rlimit, the fallback is RLIMIT_FSIZE: `fill()` makes every host started
from then on unable to grow a file past the data folder's largest file now (SIGXFSZ ignored, so a write fails with
EFBIG), and `free()` lifts it. `Disk.mode` says which ran; the suite prints it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMPFS_SIZE = "24m"


class Disk:
    def __init__(self, root: Path, mode: str) -> None:
        self.root = root
        self.mode = mode  # "tmpfs" or "rlimit"
        self.full = False
        self.ballast = root / "ballast.bin"
        self.ballast_bytes = 0

    def fill(self) -> None:
        """Makes the disk full (tmpfs: a ballast file up to ENOSPC; rlimit: hosts started from now on are capped)."""
        self.full = True
        if self.mode != "tmpfs":
            return
        chunk = b"\0" * 65536
        fd = os.open(self.ballast, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            for _ in range(100_000):  # bounded: far more than the filesystem holds
                try:
                    self.ballast_bytes += os.write(fd, chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    if len(chunk) == 1:
                        break
                    chunk = chunk[: len(chunk) // 2]  # fill the last pages too
        finally:
            os.close(fd)

    def free(self) -> None:
        """Gives the space back."""
        self.full = False
        with contextlib.suppress(FileNotFoundError):
            self.ballast.unlink()

    def available(self) -> int:
        stat = os.statvfs(self.root)
        return stat.f_bavail * stat.f_frsize

    def preexec(self, data: Path) -> Callable[[], None] | None:
        """For the rlimit fallback: a preexec_fn capping file growth at the data folder's largest file now."""
        if self.mode != "rlimit" or not self.full:
            return None
        cap = max((p.stat().st_size for p in data.rglob("*") if p.is_file()), default=0) + 4096

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))

        return limit


@pytest.fixture
def limited_disk(tmp_path: Path) -> Iterator[Disk]:
    root = tmp_path / "disk"
    root.mkdir()
    mounted = False
    # WATTPRINT_FAULT_DISK=rlimit forces the fallback (to check it on a machine where mounting works).
    if os.geteuid() == 0 and os.environ.get("WATTPRINT_FAULT_DISK") != "rlimit":
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700", "tmpfs", str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        mounted = result.returncode == 0
    disk = Disk(root, "tmpfs" if mounted else "rlimit")
    try:
        yield disk
    finally:
        if mounted:
            for _ in range(50):  # bounded: a process that still has a file open makes umount fail (EBUSY) briefly
                if subprocess.run(["umount", str(root)], capture_output=True, check=False).returncode == 0:
                    break
                subprocess.run(["sleep", "0.1"], check=False)
            else:
                subprocess.run(["umount", "-l", str(root)], capture_output=True, check=False)
