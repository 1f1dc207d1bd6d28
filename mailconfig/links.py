"""Signed, expiring links to a customer's mail settings (served by channels/mailconfig.py).

The token is Fernet (AES with an HMAC and a timestamp): the address it carries cannot be read
from the link, changed, or used after MAILCONFIG_LINK_HOURS. The key is MAILCONFIG_SECRET or a
key file that the first process to need it creates: the action server makes the links and
Rasa serves them, two processes that must share one key.
"""

import json
import os
import secrets
from pathlib import Path
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

from cryptography.fernet import Fernet, InvalidToken

from mailconfig.autoconfig import validate_domain
from mailconfig.mobileconfig import ACCOUNT_TYPES, checked_request, validate_address

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_KEY_FILE = ROOT / "var" / "mailconfig.key"
DEFAULT_HOURS = 24.0
DEFAULT_BASE_URL = "http://localhost:5005"
CHANNEL_PATH = "/webhooks/mailconfig"  # where Rasa mounts channels.mailconfig.MailConfigInput
KINDS = ("profile", "autoconfig")


class LinkError(ValueError):
    """The token opens nothing: tampered, made with another key, or for another kind."""


class LinkExpired(LinkError):
    """A genuine token whose lifetime is over."""


def _key_file() -> Path:
    return Path(os.environ.get("MAILCONFIG_KEY_FILE") or DEFAULT_KEY_FILE)


def _create_key_file(path: Path) -> None:
    """Writes a new key next to `path` and links it in: the link fails if another process was
    first, and nobody ever reads a half-written key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(Fernet.generate_key())
            f.flush()
            os.fsync(f.fileno())
        os.link(draft, path)
    except FileExistsError:
        pass  # another process made it first: theirs is the key
    finally:
        draft.unlink(missing_ok=True)


def _fernet() -> Fernet:
    secret = os.environ.get("MAILCONFIG_SECRET")
    if secret:
        return Fernet(secret.strip().encode("ascii"))
    path = _key_file()
    if not path.exists():
        _create_key_file(path)
    return Fernet(path.read_bytes().strip())


def lifetime_seconds() -> int:
    hours = os.environ.get("MAILCONFIG_LINK_HOURS") or DEFAULT_HOURS
    try:
        seconds = int(float(hours) * 3600)
    except ValueError:
        raise ValueError(f"MAILCONFIG_LINK_HOURS must be a number, not {hours!r}.") from None
    if seconds <= 0:
        raise ValueError("MAILCONFIG_LINK_HOURS must be more than zero.")
    return seconds


def base_url() -> str:
    return (os.environ.get("BOT_PUBLIC_URL") or DEFAULT_BASE_URL).rstrip("/")


def _url(kind: str, token: str) -> str:
    if kind == "profile":
        return f"{base_url()}{CHANNEL_PATH}/profile/{token}.mobileconfig"
    return f"{base_url()}{CHANNEL_PATH}/autoconfig/{token}/config-v1.1.xml"


def _seal(payload: Dict[str, Any]) -> str:
    return _fernet().encrypt(json.dumps(payload, sort_keys=True).encode("utf-8")).decode("ascii")


def profile_link(address: Optional[str], protocol: str = "imap") -> str:
    """The link to a .mobileconfig for `address` (None: the device asks for it)."""
    cleaned = checked_request(address, protocol)
    token = _seal({"kind": "profile", "address": cleaned, "protocol": protocol})
    return _url("profile", token)


def autoconfig_link(domain: str) -> str:
    """The link to the config-v1.1.xml for `domain` (an address gives its domain)."""
    name = validate_domain(domain)
    if name is None:
        raise ValueError("Not a domain name.")
    return _url("autoconfig", _seal({"kind": "autoconfig", "domain": name}))


def _token_of(link: str) -> str:
    path = urlsplit(link).path
    for prefix, suffix in (("/profile/", ".mobileconfig"), ("/autoconfig/", "/config-v1.1.xml")):
        start = path.find(CHANNEL_PATH + prefix)
        if start >= 0 and path.endswith(suffix):
            token = path[start + len(CHANNEL_PATH + prefix) : -len(suffix)]
            if token and "/" not in token:
                return token
    raise ValueError("Not a link made by profile_link or autoconfig_link.")


def qr_link(link: str) -> str:
    """The URL of the QR image that encodes `link` (same token: the QR shows that very link)."""
    return f"{base_url()}{CHANNEL_PATH}/qr/{_token_of(link)}.png"


def _valid_payload(payload: Any) -> bool:
    if not isinstance(payload, dict):
        return False
    if payload.get("kind") == "profile":
        address = payload.get("address")
        return payload.get("protocol") in ACCOUNT_TYPES and (
            address is None or validate_address(address) == address
        )
    if payload.get("kind") == "autoconfig":
        return validate_domain(payload.get("domain")) == payload.get("domain")
    return False


def _open(token: str) -> Dict[str, Any]:
    fernet = _fernet()
    data = token.encode("ascii", "replace")
    try:
        fernet.extract_timestamp(data)  # checks the signature, not the age
    except InvalidToken:
        raise LinkError("Odkaz je neplatný.") from None
    try:
        plain = fernet.decrypt(data, ttl=lifetime_seconds())
    except InvalidToken:
        raise LinkExpired("Platnost odkazu vypršela.") from None
    try:
        payload = json.loads(plain)
    except ValueError:
        raise LinkError("Odkaz je neplatný.") from None
    if not _valid_payload(payload):  # signed by our key, yet not ours: refuse all the same
        raise LinkError("Odkaz je neplatný.")
    return payload


def open_token(token: str, kind: str) -> Dict[str, Any]:
    """The payload of a token of this kind; LinkExpired when too old, LinkError otherwise."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}.")
    payload = _open(token)
    if payload["kind"] != kind:
        raise LinkError(f"Odkaz nevede na {kind}.")
    return payload


def link_for_token(token: str) -> str:
    """The link a genuine, unexpired token of any kind stands for (what its QR shows)."""
    return _url(_open(token)["kind"], token)
