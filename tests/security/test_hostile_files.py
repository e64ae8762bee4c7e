"""Hostile files handed to the CLI, and the files it writes (issue 15, findings 3, 5, 6 and 7).

- Every command that reads a file a user names or receives (`import`, `class import`, `estimate --response-file`)
  gets a FIFO, a symlink to /dev/zero, a folder, a sparse file over the limit, deep nesting and broken bytes: each
  ends quickly with one clear line, no traceback, and nothing imported.
- Every file the CLI writes (exports, shares, the teacher's store, reports) is 0600 under umask 022.
- No text cell of a CSV export can start a formula.
- The fallback socket folder in /tmp is used only when it is the user's alone.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_item
from wattprint.core import paths
from wattprint.core.cli.csvrows import CSV_COLUMNS
from wattprint.core.insight import share
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction
from wattprint.core.store import history

WATTPRINT = Path(sys.executable).with_name("wattprint")
CODE = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX"


def _run(*args: str, umask: int | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WATTPRINT), *args], capture_output=True, text=True, env=os.environ, timeout=timeout, check=False,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),  # type: ignore[arg-type]
    )  # fmt: skip


def _hostile(folder: Path, kind: str) -> Path:
    path = folder / "hostile.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with open(path, "wb") as f:
            f.truncate(3 * 1024**3)  # sparse: 3 GiB of zeros, over every limit
    elif kind == "nested":
        path.write_text("[" * 200_000 + "]" * 200_000)
    elif kind == "nested-lines":
        path.write_text(json.dumps(make_item()) + "\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n")
    elif kind == "not-utf8":
        path.write_bytes(b"[\xff\xfe]")
    elif kind == "broken-late":
        items = [make_item() for _ in range(3000)]
        path.write_text("[" + ",".join(json.dumps(i) for i in items) + ",{broken")  # good items, then garbage
    return path


KINDS = ["fifo", "dev-zero", "folder", "huge", "nested", "nested-lines", "not-utf8", "broken-late"]


def _one_clear_line(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr[-2000:]
    assert lines[0].startswith("wattprint: error:"), lines


@pytest.mark.parametrize("kind", KINDS)
def test_import_refuses_hostile_files_quickly_and_imports_nothing(data_dir, tmp_path, kind):
    path = _hostile(tmp_path, kind)
    done = _run("import", str(path), timeout=60)  # a hang or reading forever fails here
    assert done.returncode == 2, (done.stdout, done.stderr)
    _one_clear_line(done)
    db_path = paths.history_path(create=False)
    if db_path.exists():
        db = history.open_db(db_path)
        assert history.count(db) == 0  # nothing half-imported
        db.conn.close()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "huge", "nested", "not-utf8"])
def test_estimate_response_file_refuses_hostile_files(tmp_path, kind):
    path = _hostile(tmp_path, kind)
    done = _run("estimate", "--service", "chatgpt", "--response-file", str(path), timeout=60)
    if kind == "nested":  # text to count, not JSON: a file of brackets is fine
        assert done.returncode == 0, done.stderr
        return
    assert done.returncode == 2, (done.stdout, done.stderr)
    _one_clear_line(done)


@pytest.mark.parametrize("kind", KINDS)
def test_class_import_skips_hostile_files_and_keeps_the_good_share(data_dir, tmp_path, kind, estimator):
    assert _run("class", "code").returncode == 0
    code = share.class_code()
    assert code is not None
    folder = tmp_path / "in"
    folder.mkdir()
    db = history.open_db()
    item = Interaction.model_validate(make_item())
    history.store(db, history.Estimates(estimator).rows([item]))
    share.write(folder / "good.json", share.build(db, load(), item.ts.date(), code))
    db.conn.close()
    _hostile(folder, kind)
    done = _run("class", "import", str(folder), "--json", timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    found = json.loads(done.stdout)
    assert found["added"] == ["good.json"]
    assert [r["file"] for r in found["rejected"]] == ["hostile.json"]
    assert "\n" not in found["rejected"][0]["error"]
    assert found["totals"]["students"] == 1


def _seed(count: int = 3) -> None:
    db = history.open_db()
    items = [Interaction.model_validate(make_item()) for _ in range(count)]
    history.store(db, history.Estimates(Estimator(load())).rows(items))
    db.conn.close()


def test_every_file_the_cli_writes_is_user_only(data_dir, tmp_path):
    _seed()
    out = tmp_path / "out"
    out.mkdir()
    assert _run("class", "code", umask=0o022).returncode == 0
    code = share.class_code()
    assert code is not None
    commands = [
        ("export", "--format", "json", "-o", str(out / "e.json")),
        ("export", "--format", "csv", "-o", str(out / "e.csv")),
        ("share", "--week", "--date", "2026-11-18", "--code", code, "-o", str(out / "s.json")),
        ("report", "--week", "--date", "2026-11-18", "--format", "html", "-o", str(out / "r.html")),
        ("report", "--week", "--date", "2026-11-18", "--format", "png", "-o", str(out / "r.png")),
        ("report", "--week", "--date", "2026-11-18", "--format", "pdf", "-o", str(out / "r.pdf")),
    ]
    for args in commands:
        done = _run(*args, umask=0o022, timeout=120)
        assert done.returncode == 0, (args, done.stderr[-2000:])
    folder = tmp_path / "handed-in"
    folder.mkdir()
    (folder / "s.json").write_bytes((out / "s.json").read_bytes())
    assert _run("class", "import", str(folder), umask=0o022).returncode == 0
    written = [p for p in [*out.iterdir(), *data_dir.rglob("*")] if p.is_file()]
    assert {p.name for p in out.iterdir()} == {"e.json", "e.csv", "s.json", "r.html", "r.png", "r.pdf"}  # no .part
    wrong = [f"{p} {oct(stat.S_IMODE(p.stat().st_mode))}" for p in written if stat.S_IMODE(p.stat().st_mode) != 0o600]
    assert wrong == []


def _writers(out: Path, code: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every command that writes a file the user names: (the file's name in `out`, the command)."""
    week = ("--week", "--date", "2026-11-18")
    return [
        ("e.json", ("export", "--format", "json", "-o", str(out / "e.json"))),
        ("e.csv", ("export", "--format", "csv", "-o", str(out / "e.csv"))),
        ("s.json", ("share", *week, "--code", code, "-o", str(out / "s.json"))),
        ("r.html", ("report", *week, "-o", str(out / "r.html"))),
        ("r.png", ("report", *week, "-o", str(out / "r.png"))),
        ("r.pdf", ("report", *week, "-o", str(out / "r.pdf"))),
        ("wattprint-classroom.pdf", ("present", "--export", str(out))),  # the handout's own name in its folder
        ("03-scale.png", ("present", "--export", str(out))),  # and one of its pictures
    ]


@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "link-to-dev-null"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_as_it_was(data_dir, tmp_path, kind):
    """`export -o /dev/full` replaced the device with a regular file (as root) and said it had written it; `-o
    /dev/stdout` replaced the symlink. Every writer now refuses such a target, in one line, and changes nothing."""
    _seed()
    assert _run("class", "code").returncode == 0
    code = share.class_code()
    assert code is not None
    for n, (name, args) in enumerate(_writers(tmp_path / "out", code)):
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        target = out / name
        if kind == "fifo":
            os.mkfifo(target)
        else:
            real = tmp_path / f"a-fifo-{n}"
            os.mkfifo(real)
            target.symlink_to(real if kind == "link-to-fifo" else Path("/dev/null"))
        before = os.lstat(target)
        done = _run(*args, timeout=120)
        assert done.returncode == 2, (args, done.stdout, done.stderr[-2000:])
        assert "not a regular file" in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, (args, done.stderr)
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino), args
        assert [p.name for p in out.iterdir()] == [name], args  # nothing else written, no .part left


def test_a_symlink_is_replaced_never_written_through(data_dir, tmp_path):
    """A link planted where the user writes (another user's link in /tmp) must not point the export at one of the
    user's own files: the export takes the link's place (0600) and the file the link named is left as it was."""
    _seed()
    victim = tmp_path / "kept" / "authorized_keys"
    victim.parent.mkdir()
    victim.write_text("ssh-ed25519 AAAA... the user's key\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    for command, name in ((("export", "--format", "json"), "e.json"), (("export", "--format", "csv"), "e.csv"),
                          (("report", "--week", "--date", "2026-11-18"), "r.html")):  # fmt: skip
        link = shared / name
        link.symlink_to(victim)
        done = _run(*command, "-o", str(link), timeout=120)
        assert done.returncode == 0, done.stderr
        assert not link.is_symlink(), name
        assert stat.S_IMODE(link.stat().st_mode) == 0o600
        assert victim.read_text() == "ssh-ed25519 AAAA... the user's key\n", name
    assert sorted(p.name for p in victim.parent.iterdir()) == ["authorized_keys"]  # no temporary file beside it


def test_no_writer_outside_the_private_file_helper():
    """Class-wide: core/ and desktop/ write files only through `wattprint.core.store.files` (or chmod what Qt wrote)."""
    root = Path(__file__).resolve().parents[2]
    patterns = (".write_text(", ".write_bytes(", 'open(tmp, "w"', ', "w"', ".touch(")
    # install_host: manifests the browser reads, see its module
    allowed = {"core/store/files.py", "core/pipe/install_host.py"}
    found = []
    for folder in ("core", "desktop"):
        for path in (root / folder).rglob("*.py"):
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            found.extend(f"{rel}: {p}" for p in patterns if p in text and rel not in allowed)
    assert found == []


HOSTILE_TEXT = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)",
                "\t=1+1", "\r=1+1", "\u00a0=1+1", "\u3000@SUM(1)", "\uff1dHYPERLINK(1)", "\uff0bcmd|x",
                "plain"]  # fmt: skip


def test_no_text_cell_of_a_csv_export_starts_a_formula(data_dir, tmp_path):
    """Rows stored by an older version (free text) still export safely: every text column of every row."""
    _seed(1)
    db = history.open_db()
    text_columns = ["model", "browser", "page", "service", "kind", "modes", "model_version", "ts"]
    row = db.conn.execute(f"SELECT {', '.join(history.COLUMNS)} FROM interactions").fetchone()
    base = dict(zip(history.COLUMNS, row, strict=True))
    for n, text in enumerate(HOSTILE_TEXT):
        for c, column in enumerate(("model", "browser", "page")):
            values = {**base, "id": f"00000000-0000-4000-8000-{n:06d}{c:06d}", column: text}
            db.conn.execute(
                f"INSERT INTO interactions ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
    db.conn.close()
    done = _run("export", "--format", "csv", "-o", str(tmp_path / "e.csv"))
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as f:
        cells = list(csv.reader(f))
    assert cells[0] == list(CSV_COLUMNS)
    assert len({line[0] for line in cells[1:]}) >= 3 * len(HOSTILE_TEXT)
    starts = ("=", "+", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # full-width forms too
    bad = [cell for line in cells[1:] for cell in line if cell.lstrip()[:1] in starts]
    bad += [cell for line in cells[1:] for cell in line if cell.lstrip().startswith("-") and not _number(cell)]
    assert bad == []
    assert text_columns  # the columns seeded above are among CSV_COLUMNS
    assert any(cell == "'=HYPERLINK(\"http://evil\",\"x\")" for line in cells for cell in line)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_a_socket_folder_someone_else_made_in_tmp_is_never_used(monkeypatch, tmp_path):
    """Finding 7: XDG_RUNTIME_DIR unset and a data path too long for a socket address: /tmp/wattprint-<uid>/."""
    import tempfile

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(tmp_path / ("d" * 80) / ("e" * 80)))
    trap = tmp_path / f"wattprint-{os.getuid()}"
    trap.mkdir(mode=0o777)
    trap.chmod(0o777)  # world-writable, as the attacker left it
    with pytest.raises(paths.UnsafeFolderError):
        paths.socket_path()
    trap.chmod(0o700)
    if os.getuid() == 0:
        os.chown(trap, 65534, 65534)  # another user's folder, even if private to that user
        with pytest.raises(paths.UnsafeFolderError):
            paths.socket_path()
        os.chown(trap, 0, 0)
    trap.rmdir()
    trap.symlink_to(tmp_path)  # a link planted where the folder would be
    with pytest.raises(paths.UnsafeFolderError):
        paths.socket_path()
    trap.unlink()
    path = paths.socket_path()  # missing: created 0700, owned by the user, and used
    assert path.parent == trap
    assert stat.S_IMODE(trap.lstat().st_mode) == 0o700
    assert len(os.fsencode(path)) <= paths.SUN_PATH_MAX


def test_the_host_sends_no_nudge_into_a_folder_someone_else_made(monkeypatch, tmp_path):
    import socket
    import tempfile

    from tests.core.pipe.conftest import stores_one_item

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    data = tmp_path / ("d" * 80) / ("e" * 80)
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(data))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    trap = tmp / f"wattprint-{os.getuid()}"
    trap.mkdir()
    trap.chmod(0o777)
    monkeypatch.setattr(paths, "_owned_private", lambda _p: True)  # compute where the host would have gone
    listening_at = paths.socket_path()
    monkeypatch.undo()
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(data))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as attacker:
        attacker.bind(str(listening_at))
        attacker.listen(1)
        attacker.settimeout(2)
        stores_one_item()
        with pytest.raises(TimeoutError):
            attacker.accept()
