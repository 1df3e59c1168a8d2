#!/usr/bin/env python3
"""Drives the /docs page of a running Phoney server in headless Chromium, the way a person would.

It opens /docs, waits for the operations to be built from /openapi.json, then, through the page's own controls:
  1. POST /template with the page's example body: expects 200 and records in the output box;
  2. POST /token with the given password: the page must copy the token into its credentials field;
  3. POST /api/v1/template/generate (a locked operation) with that token: expects 200;
  4. GET /fake/{generator} with a generator name typed into the path field: expects 200.
Then it saves a screenshot. Exit 0 when every step saw what it expected, 1 otherwise.

Needs `chromium` (Debian) and `websocket-client` (pip); scripts/docs-browser-check.sh installs both, starts a
server and runs this against it.

    docs-browser-check.py --url http://127.0.0.1:8080 --password PASSWORD [--screenshot docs.png]
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client


class Page:
    """One Chromium tab over the DevTools protocol."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for: {expression}")


# Opens the operation `METHOD path`, optionally sets its body and inputs, presses Send and returns the output text.
SEND = """
(async (method, path, body, inputs) => {
  const op = [...document.querySelectorAll("details")].find(d => {
    const s = d.querySelector("summary");
    return s && s.querySelector(".m").textContent === method && s.textContent.includes(path + "  ");
  });
  if (!op) return "no operation " + method + " " + path;
  op.open = true;
  if (body !== null) op.querySelector("textarea").value = body;
  for (const [name, value] of Object.entries(inputs)) {
    const row = [...op.querySelectorAll("tr")].find(tr => tr.firstChild && tr.firstChild.textContent === name);
    const input = row && row.querySelector("input");
    if (!input) return "no input " + name;
    input.value = value;
  }
  op.querySelector("button").click();
  const pre = [...op.querySelectorAll("pre")].pop();
  for (let i = 0; i < 100 && (pre.textContent === "…" || pre.hidden); i++) await new Promise(r => setTimeout(r, 100));
  return pre.textContent;
})
"""


def send(page, method, path, body=None, inputs=None):
    call = f"{SEND}({json.dumps(method)}, {json.dumps(path)}, {json.dumps(body)}, {json.dumps(inputs or {})})"
    return page.js(call)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--username", default="api_user")
    parser.add_argument("--screenshot", default="docs.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()

    profile = tempfile.mkdtemp(prefix="phoney-docs-")
    port = 9300 + os.getpid() % 500
    browser = subprocess.Popen(
        [args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={profile}", "--window-size=1280,1600", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    try:
        for _ in range(100):
            try:
                tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("chromium did not open its DevTools port")
        page = Page(next(t for t in tabs if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Page.navigate", url=args.url.rstrip("/") + "/docs")
        count = page.wait_for("document.querySelectorAll('details').length")
        print(f"docs: {count} operations on the page")
        if count < 15:
            failures.append(f"only {count} operations rendered")

        def check(step, output, want_status, needle):
            first = (output or "").split("\n", 1)[0]
            ok = first.startswith(str(want_status)) and needle in (output or "")
            print(f"{'ok  ' if ok else 'FAIL'} {step}: {first}")
            if not ok:
                failures.append(f"{step}: {(output or '')[:300]}")

        template = json.dumps({"template": {"name": "{{name}}", "email": "{{email}}"}, "count": 3, "seed": 7})
        check("POST /template", send(page, "POST", "/template", template), 200, '"generated_count": 3')
        form = f"username={args.username}&password={args.password}"
        check("POST /token", send(page, "POST", "/token", form), 200, "access_token")
        token = page.js("document.getElementById('token').value")
        if not token or token.count(".") != 2:
            failures.append("the page did not keep the token from /token")
        check("POST /api/v1/template/generate (bearer token from the page)",
              send(page, "POST", "/api/v1/template/generate", template), 200, '"data"')
        check("GET /fake/{generator}", send(page, "GET", "/fake/{generator}", None, {"generator": "email"}), 200,
              "@")
        shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(args.screenshot, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {args.screenshot}")
    finally:
        browser.terminate()
        browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print("\n".join(["FAILED:"] + failures), file=sys.stderr)
        return 1
    print("docs: every step worked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
