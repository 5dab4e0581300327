"""Headless Chromium driven over the DevTools protocol on a pipe: no driver, no download, no port.

``--remote-debugging-pipe`` makes Chromium read commands from file descriptor 3 and write
replies and events to descriptor 4, each message a JSON object ended by a NUL byte. That is all
the test and benchmark tooling needs: load a page with networking cut off, watch every request
and console message, run a script in the page, send mouse and key events, take a screenshot.

Used by ``tests/page/test_browser.py`` and ``bench/render.py``.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class BrowserError(RuntimeError):
    pass


@dataclass
class PageLog:
    """What a page did while loading: requests, failures, console errors, uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def remote(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:", "blob:", "about:"))]


class Chromium:
    """One headless Chromium with one page. Use as a context manager."""

    def __init__(self, binary: str, width: int = 1280, height: int = 800) -> None:
        self._profile = tempfile.mkdtemp(prefix="kg-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # in the child: the pipe ends become fds 3 and 4
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)
            os.close(high_r)
            os.close(high_w)

        command = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--user-data-dir={self._profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds,
            close_fds=False,  # fds 3 and 4 must reach Chromium; every other fd is close-on-exec
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session = ""
        self.log = PageLog()
        self._attach(width, height)

    # ------------------------------------------------------------ protocol

    def _send(self, method: str, params: dict[str, Any] | None = None, session: bool = True) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_child], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                continue
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium exited (status {self.process.poll()})")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _handle_event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method", ""), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.log.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            self.log.failed.append(f"{params.get('errorText')} ({params.get('blockedReason', '')})")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.log.console_errors.append(
                " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            )
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exc = details.get("exception", {})
            self.log.exceptions.append(str(exc.get("description") or details.get("text")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.log.console_errors.append(f"{params['entry'].get('source')}: {params['entry'].get('text')}")
        elif method == "Page.javascriptDialogOpening":
            self.log.dialogs.append(params.get("message", ""))
            self._send("Page.handleJavaScriptDialog", {"accept": True})
        self._events.append(message)

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30.0) -> Any:
        session = not method.startswith("Target.")
        wanted = self._send(method, params, session=session)
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self._handle_event(message)

    def _attach(self, width: int, height: int) -> None:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        # networking off: a request to anywhere but the local file fails at once
        self.call(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    # ------------------------------------------------------------ page

    def pump(self, seconds: float) -> None:
        """Read events for a while (requests, console messages) without sending anything."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                message = self._read_message(deadline)
            except BrowserError:
                if self.process.poll() is not None:
                    raise
                return
            if "method" in message:
                self._handle_event(message)

    def open(self, url: str, timeout: float = 30.0) -> None:
        self.log = PageLog()
        self._events.clear()
        result = self.call("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            message = self._read_message(deadline)
            if "method" in message:
                self._handle_event(message)

    def evaluate(self, expression: str, timeout: float = 30.0) -> Any:
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"script failed: {text}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {expression}")
            self.pump(0.05)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                {
                    "type": kind,
                    "x": x,
                    "y": y,
                    "button": "left",
                    "buttons": 1 if kind == "mousePressed" else 0,
                    "clickCount": 1,
                },
            )

    def type_text(self, text: str) -> None:
        self.call("Input.insertText", {"text": text})

    def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent",
                {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
            )

    def screenshot(self, clip: tuple[float, float, float, float] | None = None, scale: float = 1.0) -> bytes:
        """A PNG of the viewport, or of ``clip`` (x, y, width, height) scaled by ``scale``."""
        params: dict[str, Any] = {"format": "png"}
        if clip is not None:
            x, y, w, h = clip
            params["clip"] = {"x": x, "y": y, "width": w, "height": h, "scale": scale}
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def close(self) -> None:
        try:
            self._send("Browser.close", session=False)
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            for fd in (self._to_child, self._from_child):
                with contextlib.suppress(OSError):
                    os.close(fd)
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- PNG without Pillow


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit truecolour PNG (what Chromium writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, [row if channels == 3 else _drop_alpha(row) for row in rows]


def _drop_alpha(row: bytes) -> bytes:
    return bytes(b for i, b in enumerate(row) if i % 4 != 3)


def coloured_pixels(data: bytes) -> int:
    """Pixels that are neither white nor grey: drawn nodes and edges, not the background."""
    width, _, rows = png_pixels(data)
    count = 0
    for row in rows:
        for x in range(width):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if max(r, g, b) - min(r, g, b) > 40:  # saturated: a node or an edge, not the background
                count += 1
    return count


# ---------------------------------------------------------------- the page at first sight

# Read from the vis-network instance the page exposes as ``window.kgNetwork``, once drawn: the
# view, each drawn node's box and each drawn label's box, in page pixels. A label counts as drawn
# when vis-network paints it at full opacity (on-screen font size at least the drawThreshold) and
# it lies inside the view; "legible" when it is at least LEGIBLE_PX tall on screen.
_SIGHT_JS = r"""
(() => {
  const net = window.kgNetwork, body = net.body;
  const view = body.container.getBoundingClientRect();
  const scale = net.getScale();
  const ctx = body.container.querySelector('canvas').getContext('2d');
  const degree = {};
  body.edgeIndices.forEach(id => {
    const e = body.edges[id];
    if (e.options.hidden) return;
    degree[e.fromId] = (degree[e.fromId] || 0) + 1;
    degree[e.toId] = (degree[e.toId] || 0) + 1;
  });
  const toPage = (x, y) => { const p = net.canvasToDOM({x: x, y: y}); return [p.x, p.y]; };
  const nodes = [], labels = [];
  body.nodeIndices.forEach(id => {
    const n = body.nodes[id];
    if (n.options.hidden) return;
    const r = (n.options.size || 10);
    const [x0, y0] = toPage(n.x - r, n.y - r), [x1, y1] = toPage(n.x + r, n.y + r);
    nodes.push({id: id, linked: (degree[id] || 0) > 0, box: [x0, y0, x1, y1]});
    const lm = n.labelModule;
    const threshold = lm.elementOptions.scaling.label.drawThreshold;
    let px = lm.fontOptions.size * scale;
    if (!n.options.label || px < threshold) return;
    px = Math.min(px, lm.elementOptions.scaling.label.maxVisible);
    const s = lm.size;  // set by the last draw, in canvas units; font.vadjust moves the text only
    if (!s || !s.width) return;
    const top = s.top + (lm.fontOptions.vadjust || 0);
    const [lx0, ly0] = toPage(s.left, top), [lx1, ly1] = toPage(s.left + s.width, top + s.height);
    if (lx1 < 0 || ly1 < 0 || lx0 > view.width || ly0 > view.height) return;
    labels.push({id: id, text: n.options.label, px: px, box: [lx0, ly0, lx1, ly1]});
  });
  return {width: view.width, height: view.height, scale: scale, nodes: nodes, labels: labels};
})()
"""

LEGIBLE_PX = 10.0

Box = tuple[float, float, float, float]


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _overlap(a: Box, b: Box) -> float:
    return _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


@dataclass
class Sight:
    """What the page shows before anyone touches it."""

    width: float
    height: float
    linked_box: Box | None  # the connected entities' bounding box, clipped to the view
    nodes: int
    linked_nodes: int
    labels: list[tuple[str, float, Box]]  # (text, on-screen font px, box) of the labels drawn

    @property
    def fill(self) -> float:
        """How much of the view's width or height (the larger share) the connected part spans."""
        if self.linked_box is None:
            return 0.0
        x0, y0, x1, y1 = self.linked_box
        return max((x1 - x0) / self.width, (y1 - y0) / self.height)

    @property
    def legible(self) -> list[str]:
        return [text for text, px, _ in self.labels if px >= LEGIBLE_PX]

    @property
    def label_overlap(self) -> float:
        """Area where two drawn labels cover each other, as a share of the drawn labels' area."""
        boxes = [box for _, _, box in self.labels]
        total = sum(_area(b) for b in boxes)
        if not total:
            return 0.0
        shared = sum(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
        return shared / total

    def summary(self) -> str:
        return (
            f"connected part fills {self.fill:.0%} of the view; {len(self.labels)} labels drawn "
            f"({len(self.legible)} of >= {LEGIBLE_PX:.0f} px), overlapping {self.label_overlap:.1%}"
        )


def page_sight(browser: Chromium) -> Sight:
    """Measure the drawn page: where the connected entities sit, which labels are drawn, where."""
    raw = browser.evaluate(_SIGHT_JS)
    width, height = float(raw["width"]), float(raw["height"])
    linked = [n["box"] for n in raw["nodes"] if n["linked"]]
    box: Box | None = None
    if linked:
        box = (
            max(0.0, min(b[0] for b in linked)),
            max(0.0, min(b[1] for b in linked)),
            min(width, max(b[2] for b in linked)),
            min(height, max(b[3] for b in linked)),
        )
    labels = [(str(lab["text"]), float(lab["px"]), tuple(lab["box"])) for lab in raw["labels"]]
    return Sight(width, height, box, len(raw["nodes"]), len(linked), labels)  # type: ignore[arg-type]
