"""yaml-language-server driven as VS Code drives it: JSON-RPC over stdio, diagnostics per file.

The server is the npm package that VS Code's YAML extension (Red Hat) runs; `make editor-server`
installs it into tools/yaml-language-server/ (gitignored). `server_command()` is None where node
or the server is missing, so a test can skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from queue import Empty, Queue
from typing import Any

PROJECT = Path(__file__).parent.parent
SERVER = PROJECT / "tools" / "yaml-language-server" / "node_modules" / "yaml-language-server" / "bin"


def server_command() -> list[str] | None:
    """How to start the server, or None where node or the server is not installed."""
    node = shutil.which("node")
    script = SERVER / "yaml-language-server"
    if node is None or not script.is_file():
        return None
    return [node, str(script), "--stdio"]


@dataclass(frozen=True)
class Diagnostic:
    line: int  # 1-based, as naravard reports
    column: int
    message: str


class YamlLanguageServer:
    """One server process for a workspace; `diagnostics()` opens files and waits for their results."""

    def __init__(self, workspace: Path, schemas: dict[str, list[str]]) -> None:
        command = server_command()
        assert command is not None, "yaml-language-server is not installed (make editor-server)"
        self.settings = {
            "yaml": {
                "validate": True,
                "hover": True,
                "completion": True,
                "format": {"enable": False},
                "yamlVersion": "1.2",
                "schemaStore": {"enable": False},
                "schemas": schemas,
            }
        }
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=workspace)
        self.messages: Queue[dict[str, Any]] = Queue()
        self.published: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        root = workspace.resolve().as_uri()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "repo"}],
                "capabilities": {
                    "workspace": {
                        "configuration": True,
                        "didChangeConfiguration": {"dynamicRegistration": True},
                    },
                    "textDocument": {"publishDiagnostics": {}, "completion": {}, "hover": {}},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def _read(self) -> None:
        try:
            self._read_messages()
        except (ValueError, OSError):  # the pipe closed under the reader: the server is gone
            return

    def _read_messages(self) -> None:
        assert self.proc.stdout is not None
        stream = self.proc.stdout
        while True:
            length = 0
            while (header := stream.readline()) not in (b"\r\n", b""):
                if header.lower().startswith(b"content-length:"):
                    length = int(header.split(b":")[1])
            if not header:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        number = self.next_id
        self._send({"id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._next(0.1)
            if message is not None and message.get("id") == number and "method" not in message:
                return message.get("result")
        raise TimeoutError(f"yaml-language-server did not answer {method}")

    def _next(self, wait: float) -> dict[str, Any] | None:
        """Handle one message from the server (answering its requests); None when none came."""
        try:
            message = self.messages.get(timeout=wait)
        except Empty:
            return None
        method = message.get("method")
        if method == "textDocument/publishDiagnostics":
            self.published[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif method is not None and "id" in message:  # a request to the client
            result: Any = None
            if method == "workspace/configuration":
                result = [
                    self.settings.get(item.get("section", ""), {}) for item in message["params"]["items"]
                ]
            self._send({"id": message["id"], "result": result})
        return message

    def diagnostics(
        self, paths: Iterable[Path], quiet: float = 1.0, timeout: float = 120
    ) -> dict[Path, list[Diagnostic]]:
        """Open each file as VS Code does and return what the server underlines in it."""
        uris = {path.resolve().as_uri(): path for path in paths}
        for uri, path in uris.items():
            self.published.pop(uri, None)
            text = path.read_text(encoding="utf-8")
            self.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
            )
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while not (uris.keys() <= self.published.keys() and time.monotonic() - last > quiet):
            if self._next(0.1) is not None:
                last = time.monotonic()
            elif time.monotonic() > deadline:
                raise TimeoutError(f"no diagnostics for {set(uris) - set(self.published)}")
        for uri in uris:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return {
            path: [
                Diagnostic(
                    d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["message"]
                )
                for d in self.published[uri]
            ]
            for uri, path in uris.items()
        }

    def _opened(self, path: Path) -> str:
        uri = path.resolve().as_uri()
        text = path.read_text(encoding="utf-8")
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        return uri

    def completion(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        """What the editor offers at a place (0-based line and character, as LSP counts)."""
        uri = self._opened(path)
        position = {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        result = self.request("textDocument/completion", position)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result or []
        return items

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover text at a place (0-based), as Markdown."""
        uri = self._opened(path)
        position = {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        result = self.request("textDocument/hover", position)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except (TimeoutError, subprocess.TimeoutExpired, BrokenPipeError):
            self.proc.kill()
            self.proc.wait()
        finally:
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()

    def __enter__(self) -> YamlLanguageServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
