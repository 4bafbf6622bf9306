"""Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4), with the standard
library only, and the `browser` and `shots` fixtures the browser tests share. In CI (CI=true) a
missing Chromium fails the run; elsewhere the tests that need it are skipped. Screenshots go to
$ACTIONPLAN_SCREENSHOTS when set, else to pytest's temporary folder."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

A4_CONTENT_WIDTH_PX = round((210 - 2 * 14) / 25.4 * 96)  # plan.css: @page margin 14mm each side
WAIT_SECONDS = 30  # a safety net against a hung browser, not a performance bound


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class DevTools:
    """A Chromium process and a DevTools-protocol session over --remote-debugging-pipe."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="chromium-profile-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        # The browser expects the pipe on fds 3 and 4; lift ours clear of them first so the
        # dup2 below never targets its own source.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (commands_read, replies_write)]
        devnull = os.open(os.devnull, os.O_RDWR)
        self.pid = os.posix_spawn(
            executable,
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, devnull, 1),
                (os.POSIX_SPAWN_DUP2, devnull, 2),
                (os.POSIX_SPAWN_DUP2, high[0], 3),
                (os.POSIX_SPAWN_DUP2, high[1], 4),
            ],
        )
        for fd in (commands_read, replies_write, devnull, *high):
            os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, TimeoutError):
            os.kill(self.pid, 15)
        os.waitpid(self.pid, 0)
        os.close(self._commands)
        os.close(self._replies)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        reply = self.read_until(lambda m: m.get("id") == self._next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def wait_for(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event["method"] == method:
                return event
        return self.read_until(lambda m: m.get("method") == method)

    def read_until(self, wanted: Any) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            if b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if wanted(message):
                    return dict(message)
                continue
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise OSError("Chromium closed the DevTools pipe")
            self._buffer += chunk


@pytest.fixture(scope="module")
def browser() -> Iterator[DevTools]:
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    devtools = DevTools(executable)
    yield devtools
    devtools.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ACTIONPLAN_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Page:
    """One page opened in its own tab, with what it logged and requested while loading."""

    def __init__(self, devtools: DevTools, path: Path) -> None:
        self.devtools = devtools
        self.url = path.as_uri()
        target = devtools.send("Target.createTarget", url="about:blank")["targetId"]
        self.target = target
        self.session = devtools.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1000, height=900,
                  deviceScaleFactor=1, mobile=False)  # fmt: skip
        first_event = len(devtools.events)
        self.call("Page.navigate", url=self.url)
        self._wait_loaded()
        self.log = [e for e in devtools.events[first_event:] if e.get("sessionId") == self.session]

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self.devtools.send(method, self.session, **params)

    def _wait_loaded(self) -> None:
        session = self.session
        self.devtools.read_until(
            lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session
        )

    def close(self) -> None:
        self.devtools.send("Target.closeTarget", targetId=self.target)

    def errors(self) -> list[str]:
        found = []
        for event in self.log:
            params = event.get("params", {})
            method = event["method"]
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(json.dumps(params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self.log
            if e["method"] == "Network.requestWillBeSent"
            and e["params"]["request"]["url"] != self.url
        ]

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> None:
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))


# The lowest WCAG contrast ratio between any text and the background behind it.
LOWEST_CONTRAST = """
(() => {
  const channels = c => c.match(/[\\d.]+/g).map(Number);
  const luminance = c => {
    const [r, g, b] = channels(c).slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor, parts = channels(c);
      if (parts.length < 4 || parts[3] > 0) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  let lowest = 21, where = '';
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const a = luminance(getComputedStyle(el).color), b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < lowest) { lowest = ratio; where = `${el.tagName} ${el.className}`; }
  }
  return {ratio: Math.round(lowest * 100) / 100, where};
})()
"""
