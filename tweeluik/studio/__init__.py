"""tweeluik studio: a page in the browser where an author brings a letter in, edits it,
sees every page and slide, fixes what the check says and downloads the files.

Part of step 5 (a face, like the command line and watch mode): ``run_studio`` starts
the web server (uvicorn, in a thread, on 127.0.0.1 unless told otherwise) and runs the
builds in the calling thread, so the build's workers start from there as they do in
watch mode. The build knows nothing of the studio.
"""

from __future__ import annotations

import secrets
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path

from .project import StudioBusy, StudioProject

__all__ = ["StudioBusy", "run_studio"]


def run_studio(root: Path, host: str, port: int, open_browser: bool, language: str | None,
               say: Callable[[str], None]) -> int:
    """Serve the studio for the project at ``root`` until Ctrl-C; return an exit code."""
    import uvicorn

    from .app import create_app

    project = StudioProject(root)
    project.claim()
    token = secrets.token_urlsafe(24)
    config = uvicorn.Config(None, host=host, port=port, log_level="warning",  # type: ignore[arg-type]
                            access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    sockets = [config.bind_socket()]
    real_port = sockets[0].getsockname()[1]
    shown_host = "127.0.0.1" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    addresses = {f"127.0.0.1:{real_port}", f"localhost:{real_port}", f"{shown_host}:{real_port}"}
    config.app = create_app(project, token, addresses, language)
    config.loaded = False
    address = f"http://{shown_host}:{real_port}/?token={token}"
    serving = threading.Thread(target=server.run, kwargs={"sockets": sockets}, daemon=True)
    serving.start()
    for _ in range(200):  # say the address once it answers
        if server.started or not serving.is_alive():
            break
        time.sleep(0.05)
    say(f"studio: {address}")
    say("studio: keep this window open while you work; Ctrl-C stops the studio")
    if open_browser:
        webbrowser.open(address)
    stop = threading.Event()
    threading.Thread(target=project.watch_outside, args=(stop,), daemon=True).start()
    try:
        project.run_builds(stop)
    finally:
        stop.set()
        server.should_exit = True
        serving.join(timeout=5)
        project.release()
    return 0
