"""The studio's web application (Starlette): the page, its data, its pictures, the files,
bringing a letter in, and a stream of what changed.

Part of step 5 (a face). Every request passes the gate first: the ``Host`` must be the
studio's own address (so a web page cannot reach it by renaming its server, DNS
rebinding), an ``Origin`` or ``Sec-Fetch-Site`` must not be another site's, and the
request must carry the studio's token (the address the studio opens has it; the page
then keeps it in a cookie that only this address gets).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from ..errors import SourceError, printable
from ..letter_formats import LETTER_FORMATS
from ..outputs import OUTPUTS
from .project import StudioProject
from .words import language_from, studio_words

STATIC = Path(__file__).parent / "static"
COOKIE = "tweeluik-studio"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
LETTER_SUFFIXES = LETTER_FORMATS  # what the import reads
#: What may be dropped beside a publication: its logo, or its slide template.
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
TEMPLATE_SUFFIXES = (".pptx", ".potx")
#: What each file is for, shown beside its download button (keys of ``studio_words``).
FILE_ORDER = ("booklet", "a4-duplex", "print-shop", "deck", "web")


class Gate:
    """ASGI middleware: refuse what does not come from the studio's own page."""

    def __init__(self, app, token: str, addresses: set[str]):
        self.app, self.token, self.addresses = app, token, addresses
        self.origins = {f"http://{address}" for address in addresses}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {key.decode("latin-1").lower(): value.decode("latin-1")
                   for key, value in scope["headers"]}
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            response = PlainTextResponse(refusal, status_code=403)
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)

    def refusal(self, scope, headers: dict[str, str]) -> str | None:
        if headers.get("host", "") not in self.addresses:
            return "this studio answers only at its own address"
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            return "requests from other sites are refused"
        if headers.get("sec-fetch-site") == "cross-site":
            return "requests from other sites are refused"
        cookies = dict(part.strip().split("=", 1) for part in headers.get("cookie", "").split(";")
                       if "=" in part)
        offered = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        for candidate in (cookies.get(COOKIE, ""), offered, headers.get("x-studio-token", "")):
            if candidate and secrets.compare_digest(candidate, self.token):
                return None
        return "open the studio with the address it printed (it holds the key)"


def clean_upload_name(name: str, suffixes: tuple[str, ...] = LETTER_SUFFIXES) -> str | None:
    """The file name a browser sent, if it is a plain name with one of ``suffixes`` (no
    folders, nothing hidden)."""
    if not name or "/" in name or "\\" in name or "\0" in name or name.startswith("."):
        return None
    if ".." in name or len(name.encode("utf-8")) > 120:
        return None
    if not name.lower().endswith(suffixes):
        return None
    return name


def new_file_beside(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as a new file in ``folder`` under a cleaned form of ``name`` (never
    over another file, never through a link)."""
    stem = re.sub(r"[^\w-]+", "-", Path(name).stem.lower()).strip("-") or "bestand"
    suffix = Path(name).suffix.lower()
    if folder.is_symlink():
        raise OSError(f"{folder.name} is a symbolic link; tweeluik writes only into a real folder")
    folder.mkdir(exist_ok=True)
    for number in range(1, 1000):
        target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        return target
    raise OSError("too many files of that name")


class StudioRoutes:
    """The studio's answers to its page, one method a route, for one project."""

    def __init__(self, project: StudioProject, token: str, language: str | None):
        self.project, self.token, self.language = project, token, language

    def routes(self) -> list[Route]:
        return [
            Route("/", self.page),
            Route("/static/{name}", self.static),
            Route("/api/publications", self.publications),
            Route("/api/p/{name}", self.publication),
            Route("/api/p/{name}/text", self.save, methods=["PUT"]),
            Route("/api/p/{name}/page/{number:int}", self.picture("page")),
            Route("/api/p/{name}/slide/{number:int}", self.picture("slide")),
            Route("/api/p/{name}/file/{kind}", self.download),
            Route("/api/import", self.bring_in, methods=["POST"]),
            Route("/api/p/{name}/beside", self.beside, methods=["POST"]),
            Route("/api/events", self.events),
        ]

    def words_for(self, request: Request) -> dict[str, str]:
        """The studio's words: in --language when given, else in the browser's language."""
        return studio_words(self.language or language_from(request.headers.get("accept-language", "")))

    async def page(self, request: Request) -> Response:
        words = self.words_for(request)
        if "token" in request.query_params:  # keep the key in a cookie, drop it from the URL
            response: Response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
            return response
        html = (STATIC / "studio.html").read_text(encoding="utf-8")
        html = html.replace("{{lang}}", words["lang"]).replace(
            "{{words}}", json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")).replace(
            "{{accept}}", ",".join(LETTER_SUFFIXES + PICTURE_SUFFIXES + TEMPLATE_SUFFIXES))
        for key, value in words.items():
            html = html.replace("{{" + key + "}}", value)
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ("studio.css", "studio.js"):
            return PlainTextResponse("not found", status_code=404)
        media = "text/css" if name.endswith(".css") else "text/javascript"
        return FileResponse(STATIC / name, media_type=media)

    async def publications(self, request: Request) -> Response:
        return JSONResponse({"publications": self.project.names()})

    def named(self, request: Request) -> str | None:
        name = request.path_params["name"]
        try:
            self.project.source(name)
        except KeyError:
            return None
        return name

    async def publication(self, request: Request) -> Response:
        name = self.named(request)
        if name is None:
            return PlainTextResponse("no such publication", status_code=404)
        shown = self.project.state(name)
        files = self.project.files(name)
        text = self.project.source(name).read_text(encoding="utf-8", errors="replace")
        return JSONResponse({
            "name": name, "text": text, "version": shown.version, "state": shown.state,
            "problems": shown.problems, "structure": shown.structure,
            "pages": len(shown.pages), "changed_pages": shown.changed_pages,
            "slides": len(shown.slides), "slides_drawn_by": shown.slides_drawn_by,
            "pages_drawn": shown.pages_drawn, "slides_drawn": shown.slides_drawn,
            "seconds": round(shown.seconds, 2),
            "files": [{"kind": kind, "name": files[kind].name,
                       "size": files[kind].stat().st_size}
                      for kind in FILE_ORDER if kind in files],
        }, headers={"Cache-Control": "no-store"})

    async def save(self, request: Request) -> Response:
        name = self.named(request)
        if name is None:
            return PlainTextResponse("no such publication", status_code=404)
        body = await request.body()
        try:
            text = json.loads(body)["text"]
            if not isinstance(text, str):
                raise TypeError
            await asyncio.to_thread(self.project.save, name, text)
        except (ValueError, KeyError, TypeError, RecursionError) as error:
            return PlainTextResponse(f"not saved: {error}", status_code=400)
        except OSError as error:
            return PlainTextResponse(f"not saved: {error.strerror}", status_code=500)
        return Response(status_code=204)

    def picture(self, kind: str):
        async def handler(request: Request) -> Response:
            name = self.named(request)
            if name is None:
                return PlainTextResponse("no such publication", status_code=404)
            shown = self.project.state(name)
            pictures = shown.pages if kind == "page" else shown.slides
            number = request.path_params["number"]
            if not 1 <= number <= len(pictures):
                return PlainTextResponse("no such picture", status_code=404)
            return Response(pictures[number - 1], media_type="image/png",
                            headers={"Cache-Control": "no-store"})
        return handler

    async def download(self, request: Request) -> Response:
        name = self.named(request)
        kind = request.path_params["kind"]
        if name is None or kind not in OUTPUTS:
            return PlainTextResponse("no such file", status_code=404)
        path = self.project.files(name).get(kind)
        if path is None:
            return PlainTextResponse("not built yet", status_code=404)
        return FileResponse(path, filename=path.name)

    async def upload(self, request: Request) -> bytes | None:
        """The request's body, or ``None`` when it passes the upload limit."""
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_UPLOAD_BYTES:
                return None
        return bytes(body)

    def too_large(self, request: Request) -> Response:
        return JSONResponse({"error": self.words_for(request)["upload_too_large"]}, status_code=413)

    async def bring_in(self, request: Request) -> Response:
        name = clean_upload_name(request.query_params.get("name", ""))
        if name is None:
            return JSONResponse({"error": self.words_for(request)["upload_refused"]},
                                status_code=400)
        body = await self.upload(request)
        if body is None:
            return self.too_large(request)
        return JSONResponse(*await asyncio.to_thread(self._import, body, name))

    def _import(self, data: bytes, name: str) -> tuple[dict, int]:
        from ..importer import default_target, import_letter
        with tempfile.TemporaryDirectory(prefix="tweeluik-upload-") as folder:
            letter = Path(folder) / name
            letter.write_bytes(data)
            target = default_target(letter, self.project.content)
            number = 2
            while target.exists():  # never overwrite: brief.md, brief-2.md, …
                target = target.with_name(f"{default_target(letter, self.project.content).stem}"
                                          f"-{number}.md")
                number += 1
            try:
                report = import_letter(letter, target, self.project.layouts)
            except SourceError as error:
                return {"error": printable(error.diagnostics[0].message)}, 400
        self.project.queue_build(target)
        return {"publication": target.stem,
                "found": [printable(line) for line in report.found],
                "checks": [{"line": line, "message": printable(message)}
                           for line, message in report.checks],
                "pictures": [path.name for path in report.pictures]}, 200

    async def beside(self, request: Request) -> Response:
        """A logo or a slide template dropped on a publication: kept next to it (the logo
        in images/), checked as the build will check it; the page then names it in the
        front matter."""
        if self.named(request) is None:
            return JSONResponse({"error": "no such publication"}, status_code=404)
        name = clean_upload_name(request.query_params.get("name", ""),
                                 PICTURE_SUFFIXES + TEMPLATE_SUFFIXES)
        if name is None:
            return JSONResponse({"error": self.words_for(request)["asset_refused"]},
                                status_code=400)
        body = await self.upload(request)
        if body is None:
            return self.too_large(request)
        return JSONResponse(*await asyncio.to_thread(self._keep_beside, body, name,
                                                     self.words_for(request)))

    def _keep_beside(self, data: bytes, name: str, words: dict[str, str]) -> tuple[dict, int]:
        is_template = name.lower().endswith(TEMPLATE_SUFFIXES)
        folder = self.project.content if is_template else self.project.content / "images"
        try:
            kept = new_file_beside(folder, name, data)
        except OSError as error:
            return {"error": printable(str(error))}, 400
        try:
            if is_template:
                from ..deck.template_package import open_template
                open_template(kept, kept, None)
            else:
                from ..images import check_picture
                check_picture(kept, 0, kept)
        except SourceError as error:
            kept.unlink()
            return {"error": printable(error.diagnostics[0].message)}, 400
        except Exception:  # a file python-pptx or Pillow cannot read at all
            kept.unlink()
            return {"error": words["asset_unreadable"]}, 400
        relative = kept.relative_to(self.project.content).as_posix()
        return {"kind": "template" if is_template else "logo", "path": relative}, 200

    async def events(self, request: Request) -> Response:
        loop = asyncio.get_running_loop()
        changes: asyncio.Queue[dict] = asyncio.Queue()

        def listener(message: dict) -> None:
            loop.call_soon_threadsafe(changes.put_nowait, message)

        self.project.listeners.append(listener)

        async def stream():
            try:
                yield "retry: 1000\n\n"
                while True:
                    try:
                        message = await asyncio.wait_for(changes.get(), timeout=15)
                        yield f"data: {json.dumps(message)}\n\n"
                    except TimeoutError:
                        yield ": still here\n\n"
                    if await request.is_disconnected():
                        break
            finally:
                self.project.listeners.remove(listener)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})



def create_app(project: StudioProject, token: str, addresses: set[str],
               language: str | None):
    """The studio's application for ``project``, answering at ``addresses``."""
    app = Starlette(routes=StudioRoutes(project, token, language).routes())
    return Gate(app, token, addresses)
