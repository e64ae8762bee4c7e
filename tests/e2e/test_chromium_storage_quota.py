"""The unit tests' stand-in for storage.local (extension/tests/unit/quota-storage.js) behaves as Chromium's own: the
same quota, the same byte counting (key plus JSON in UTF-8), the same error past the quota (issue 15, finding 11)."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.e2e.support import E2E_JS, EXTENSION, ensure_built

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_the_fake_quota_matches_chromium() -> None:
    ensure_built()
    done = subprocess.run(["node", str(E2E_JS / "quota-probe.mjs")], capture_output=True, text=True, timeout=120,
                          cwd=EXTENSION)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    real = json.loads(done.stdout.strip().splitlines()[-1])
    fake = (EXTENSION / "tests" / "unit" / "quota-storage.js").read_text()
    outbox = (EXTENSION / "lib" / "delivery" / "outbox.js").read_text()
    error = re.search(r"QUOTA_ERROR = '([^']+)'", fake)
    quota = re.search(r"STORAGE_QUOTA_BYTES = (\d+)", outbox)
    assert error
    assert quota
    assert real["quota"] == int(quota.group(1))
    assert real["past"] == error.group(1)
    assert real["lastByte"] == "accepted", "a write that reaches the quota exactly is kept"
    assert real["after"] == real["quota"]
    assert (real["bytesA"], real["bytesB"]) == (1 + 102, 2 + len('{"k":1,"s":"é"}'.encode()))
