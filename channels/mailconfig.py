"""Serves the mail settings behind the links of mailconfig/links.py, under
/webhooks/mailconfig/ (credentials.yml: `channels.mailconfig.MailConfigInput:`).

A channel and not a separate server: Rasa is the one process the customer's browser already
reaches (BOT_PUBLIC_URL). It takes no messages; every answer is a file, or a short Czech
explanation when the link is broken or too old. Nothing is cached: the profile names the
customer's address.
"""

from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from mailconfig import links
from mailconfig.autoconfig import build_autoconfig
from mailconfig.mobileconfig import build_profile
from mailconfig.qr import qr_png

PROFILE_TYPE = "application/x-apple-aspen-config"
PROFILE_FILENAME = "email.mobileconfig"
TEXT_TYPE = "text/plain; charset=utf-8"
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
REFUSED = {
    "invalid": "Tento odkaz je neplatný. Požádejte prosím asistenta v chatu o nový.",
    "expired": "Platnost tohoto odkazu vypršela. Požádejte prosím asistenta v chatu o nový.",
}
NOT_FOUND = "Tady nic není. Zkontrolujte prosím, že jste odkaz zkopírovali celý."


def _file(body: bytes, content_type: str, headers: Optional[Dict[str, str]] = None) -> HTTPResponse:
    return response.raw(body, content_type=content_type, headers={**HEADERS, **(headers or {})})


def _text(text: str, status: int) -> HTTPResponse:
    return response.text(text, status=status, content_type=TEXT_TYPE, headers=HEADERS)


def _refused(error: links.LinkError) -> HTTPResponse:
    reason = "expired" if isinstance(error, links.LinkExpired) else "invalid"
    return _text(REFUSED[reason], 403)


def _strip(name: str, suffix: str) -> str:
    """The token of `<token><suffix>`; "" when the name does not end so (a 404)."""
    return name[: -len(suffix)] if name.endswith(suffix) and len(name) > len(suffix) else ""


class MailConfigInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "mailconfig"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        mailconfig = Blueprint("mailconfig_webhook", __name__)

        @mailconfig.get("/profile/<name>")
        async def profile(request: Request, name: str) -> HTTPResponse:
            token = _strip(name, ".mobileconfig")
            if not token:
                return _text(NOT_FOUND, 404)
            try:
                payload: Dict[str, Any] = links.open_token(token, "profile")
            except links.LinkError as error:
                return _refused(error)
            body = build_profile(payload["address"], payload["protocol"])
            disposition = f'attachment; filename="{PROFILE_FILENAME}"'
            return _file(body, PROFILE_TYPE, {"Content-Disposition": disposition})

        @mailconfig.get("/autoconfig/<token>/config-v1.1.xml")
        async def autoconfig(request: Request, token: str) -> HTTPResponse:
            try:
                payload = links.open_token(token, "autoconfig")
            except links.LinkError as error:
                return _refused(error)
            return _file(build_autoconfig(payload["domain"]), "application/xml")

        @mailconfig.get("/qr/<name>")
        async def qr(request: Request, name: str) -> HTTPResponse:
            token = _strip(name, ".png")
            if not token:
                return _text(NOT_FOUND, 404)
            try:
                link = links.link_for_token(token)
            except links.LinkError as error:
                return _refused(error)
            return _file(qr_png(link), "image/png")

        return mailconfig
