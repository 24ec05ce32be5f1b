"""A throw-away Redis server on a Unix socket, for the rate-limit tests: the README's
scale-out shares the counts through Redis, so the tests count through a real one.

``TEST_REDIS_URL`` points the tests at a server you run; otherwise Debian's
``redis-server`` (installed by ``scripts/test``) is started in a temporary folder and
stopped at the end. With ``CI=true`` a missing Redis fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def server() -> Iterator[str | None]:
    """Yield a ``redis+unix://`` URL, or ``None`` when no Redis can be had here."""
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="prep-redis-")
    path = os.path.join(folder, "redis.sock")
    process = subprocess.Popen([binary, "--port", "0", "--unixsocket", path, "--save", "",
                                "--appendonly", "no", "--dir", folder],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                with socket.socket(socket.AF_UNIX) as probe:
                    probe.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis+unix://{path}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
