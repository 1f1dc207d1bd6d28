"""Secrets only from the environment, the HTTP API behind a token, CORS for the widget only."""

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fake_slack import SIGNING_SECRET

pytestmark = pytest.mark.e2e


def get(url: str, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_http_api_needs_the_token(stack):
    base = f"http://localhost:{stack.rasa_port}"
    assert get(f"{base}/status")[0] == 401
    assert get(f"{base}/status?token=wrong")[0] == 401
    assert get(f"{base}/conversations/anyone/tracker")[0] == 401
    assert get(f"{base}/status?token={stack.api_token}")[0] == 200


def test_cors_only_for_the_widget_page(stack):
    base = f"http://localhost:{stack.rasa_port}/webhooks/rest/"
    widget = f"http://localhost:{stack.web_port}"
    _, headers = get(base, {"Origin": widget})
    assert headers.get("Access-Control-Allow-Origin") == widget
    _, headers = get(base, {"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers


def test_the_widget_socket_admits_only_the_widget_page(stack):
    handshake = f"http://localhost:{stack.rasa_port}/socket.io/?EIO=4&transport=polling"
    widget = f"http://localhost:{stack.web_port}"
    status, headers = get(handshake, {"Origin": widget})
    assert status == 200 and headers.get("Access-Control-Allow-Origin") == widget
    for stranger in ("http://evil.example", f"http://localhost:{stack.rasa_port + 1}", "null"):
        assert get(handshake, {"Origin": stranger})[0] == 400, stranger
    websocket = {
        "Origin": "http://evil.example",
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    assert get(handshake.replace("polling", "websocket"), websocket)[0] == 400


def test_the_api_token_is_on_no_command_line(stack):
    # Every process's arguments are readable by every user (`ps`); the token works all the same.
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            assert stack.api_token.encode() not in cmdline.read_bytes()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # a process that ended meanwhile
    assert get(f"http://localhost:{stack.rasa_port}/status?token={stack.api_token}")[0] == 200


def test_no_secret_in_the_files_rasa_reads(stack):
    credentials = stack.credentials.read_text(encoding="utf-8")
    assert "${SLACK_TOKEN}" in credentials and "${SLACK_SIGNING_SECRET}" in credentials
    assert SIGNING_SECRET not in credentials and stack.env["SLACK_TOKEN"] not in credentials
