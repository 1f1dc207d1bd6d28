"""A local stand-in for Slack's Web API: records every call, answers like Slack does."""

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List
from urllib.parse import parse_qs

# The Slack app the end-to-end stack is configured with.
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SUPPORT_CHANNEL = "C0SUPPORT"


class FakeSlack:
    def __init__(self, port: int = 0) -> None:
        self.calls: List[Dict[str, Any]] = []
        self.users: Dict[str, str] = {}  # user id -> display name, for users.info
        self._posted = 0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                self.reply(path, {k: v[0] for k, v in parse_qs(query).items()})

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    payload = json.loads(body or b"{}")
                else:
                    payload = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                self.reply(self.path, payload)

            def reply(self, path: str, payload: Dict[str, Any]) -> None:
                call = {
                    "method": path.rsplit("/", 1)[-1],
                    "authorization": self.headers.get("Authorization"),
                    "payload": payload,
                }
                with fake.lock:
                    answer = json.dumps(fake.answer(call))
                    fake.calls.append(call)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer.encode())

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, call: Dict[str, Any]) -> Dict[str, Any]:
        """What Slack would answer: every post gets a ts of its own (threads hang on it)."""
        method, payload = call["method"], call["payload"]
        if method == "users.info":
            name = self.users.get(payload.get("user"))
            return {
                "ok": bool(name),
                "user": {
                    "id": payload.get("user"),
                    "profile": {"display_name": name or "", "real_name": name or ""},
                },
            }
        self._posted += 1
        ts = f"{int(time.time())}.{self._posted:06d}"
        call["ts"] = ts
        return {"ok": True, "channel": payload.get("channel"), "ts": ts}

    def posted_ts(self, channel: str) -> List[str]:
        return [
            call["ts"]
            for call in self.calls
            if call["method"] == "chat.postMessage" and call["payload"].get("channel") == channel
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/api/"

    def posts(self, channel: str) -> List[Dict[str, Any]]:
        return [
            call["payload"]
            for call in self.calls
            if call["method"] == "chat.postMessage" and call["payload"].get("channel") == channel
        ]

    def wait_for_posts(
        self, channel: str, count: int, seconds: float = 20.0
    ) -> List[Dict[str, Any]]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and len(self.posts(channel)) < count:
            time.sleep(0.1)
        return self.posts(channel)

    def stop(self) -> None:
        self.server.shutdown()


# Requests to the bot's Slack webhook, signed exactly as Slack signs them.
def signed(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> dict:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": f"v0={digest.hexdigest()}",
    }


def post(stack, body: bytes, content_type: str, headers: dict) -> int:
    request = urllib.request.Request(
        f"http://localhost:{stack.rasa_port}/webhooks/slack/webhook",
        data=body,
        headers={"Content-Type": content_type, **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def event(user: str, channel: str, text: str, event_id: str) -> bytes:
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": "T0HOSTING",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"user_id": "U0BOT"}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": channel,
                "user": user,
                "text": text,
                "ts": f"{time.time():.6f}",
            },
        }
    ).encode()


def send_event(stack, user, channel, text, event_id=None, headers=None) -> int:
    body = event(user, channel, text, event_id or f"Ev{uuid.uuid4().hex[:10]}")
    return post(
        stack, body, "application/json", {**signed(body, int(time.time())), **(headers or {})}
    )
