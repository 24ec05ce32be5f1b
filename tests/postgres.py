"""A throw-away PostgreSQL server on loopback for the storage tests.

``TEST_DATABASE_URL`` points the tests at a server you run; otherwise Debian's binaries
(installed by ``scripts/test``) start one in a temporary folder, stopped at the end. With
``CI=true`` a missing PostgreSQL fails the run instead of skipping.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def _binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server() -> Iterator[str | None]:
    """Yield a ``postgresql://`` URL, or ``None`` when no PostgreSQL can be had here."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    bindir = _binaries()
    if bindir is None:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="prep-pg-")
    data = os.path.join(folder, "data")
    # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True)

    run(f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    run(f"{bindir}/pg_ctl", "-D", data, "-w", "-l", os.path.join(folder, "log"),
        "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off", "start")
    try:
        run(f"{bindir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "prep")
        yield f"postgresql://postgres@127.0.0.1:{port}/prep"
    finally:
        run(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)
