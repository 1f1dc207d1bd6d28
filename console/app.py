"""The staff console: a small Sanic app on its own port (:8090), in Czech. Every page but the
login needs a session (a signed, HttpOnly, SameSite=Strict cookie); every form carries the
session's CSRF token; pages are Jinja2 templates with autoescaping and a Content-Security-Policy
that allows no inline script, so a customer's message is only ever shown as text. The bot's API
token never reaches this process's pages."""

import asyncio
import functools
import hashlib
import hmac
import json
import os
import secrets
import subprocess
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request

from actions.topics import intent_title
from analytics.inbox import STAFF_CHAT
from console import accounts, audit, models, overview, questions
from console import inbox as console_inbox
from console.training import Trainer
from scripts.add_intent import Refused

HERE = Path(__file__).resolve().parent
COOKIE = "konzole"
LOGIN_COOKIE = "konzole_prihlaseni"  # the login form's CSRF nonce, before any session
PUBLIC = {"/prihlaseni", "/static/console.css", "/model", "/favicon.ico"}
MAX_BODY = 256 * 1024
# What /modely?zprava=… says: codes, so that no link can put words on the page.
MESSAGES = {
    "bezi": "Trénink už běží; nový začne, až tento skončí.",
    "neprosel": "Zveřejnit jde jen model, který prošel kontrolou kvality.",
    "zadny": "Předchozí zveřejněný model není.",
}
UNKNOWN_CONVERSATION = "Takovou konverzaci neznám (nebo už byla smazána)."
DATE_ERROR = "Datum zadejte ve tvaru RRRR-MM-DD."
ERRORS = {
    400: "Požadavek je poškozený (například neplatný JSON).",
    404: "Taková stránka v konzoli není.",
    405: "Tuto stránku nejde otevřít tímto způsobem.",
    413: "Odeslaná data jsou příliš velká.",
}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass
class Settings:
    root: Path  # the project whose files the console edits
    database_url: str  # the tracker store's database
    secret: bytes  # signs the cookies
    model_token: str  # what Rasa servers send to pull the published model (not the bot's token)
    bot_url: str = "http://localhost:5005"  # the chat pane talks to this bot's REST channel
    secure_cookies: bool = False  # behind HTTPS


def secret_from(root: Path, variable: str = "CONSOLE_SECRET", name: str = "console_secret") -> str:
    """`variable` from the environment, else a random value kept in var/<name> (this user only)."""
    if os.environ.get(variable):
        return os.environ[variable]
    path = root / "var" / name
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        old = os.umask(0o077)
        try:
            path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
        finally:
            os.umask(old)
    return path.read_text(encoding="utf-8").strip()


def _same(a: str, b: str) -> bool:
    """compare_digest on bytes: on str it raises for anything but ASCII (a 500, not a 403)."""
    return hmac.compare_digest(a.encode(), b.encode())


def _sign(secret: bytes, value: str) -> str:
    mac = hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def _unsigned(secret: bytes, signed: Optional[str]) -> Optional[str]:
    if not signed or "." not in signed:
        return None
    value = signed.rsplit(".", 1)[0]
    return value if _same(_sign(secret, value), signed) else None


def _json(body: Any, status: int = 200):
    return response.json(
        body, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False)
    )


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def create_app(settings: Settings, name: str = "konzole") -> Sanic:
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_BODY
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    templates.filters["when"] = _when
    templates.filters["title"] = lambda intent: intent_title(intent) if intent else "–"
    files_lock = asyncio.Lock()  # one change of the project's files at a time
    db = settings.database_url

    def page(request: Request, template: str, status: int = 200, **values: Any):
        session = getattr(request.ctx, "session", None)
        html = templates.get_template(template).render(
            session=session, csrf=session.csrf if session else "", path=request.path, **values
        )
        return response.html(html, status=status)

    def set_cookie(resp, name_: str, value: str, max_age: int) -> None:
        resp.cookies[name_] = value
        cookie = resp.cookies[name_]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = "/"
        cookie["max-age"] = max_age
        if settings.secure_cookies:
            cookie["secure"] = True

    @app.on_request
    async def require_session(request: Request):
        request.ctx.session = None
        token = _unsigned(settings.secret, request.cookies.get(COOKIE))
        if token:
            request.ctx.session = accounts.session(token, db)
        if request.path in PUBLIC:
            return None
        if request.ctx.session is None:
            if request.path.startswith("/api/"):
                return _json({"error": "přihlaste se"}, status=401)
            return response.redirect("/prihlaseni", status=303)
        sent = request.headers.get("X-CSRF-Token") or (request.form or {}).get("csrf", "")
        if request.method == "POST" and not _same(sent, request.ctx.session.csrf):
            return response.text("Neplatný formulář (chybí token CSRF).", status=403)
        return None

    @app.exception(SanicException)
    async def czech_error(request: Request, error: SanicException):
        """Sanic's own refusals (no such page, wrong method, too large, bad JSON) in Czech."""
        status = getattr(error, "status_code", 500) or 500
        text = ERRORS.get(status, "Požadavek se nepodařilo zpracovat.")
        if request.path.startswith("/api/"):
            return _json({"error": text}, status=status)
        return response.text(text, status=status)

    @app.on_response
    async def security_headers(request: Request, resp):
        resp.headers.update(HEADERS)

    @app.get("/static/console.css")
    async def stylesheet(request: Request):
        return await response.file(HERE / "static" / "console.css", mime_type="text/css")

    @app.get("/favicon.ico")
    async def favicon(request: Request):
        return response.empty(status=204)

    @app.get("/static/console.js")
    async def script(request: Request):
        return await response.file(HERE / "static" / "console.js", mime_type="text/javascript")

    # -- login ------------------------------------------------------------------------------

    def login_page(request: Request, error: str = "", email: str = "", status: int = 200):
        # one nonce per browser until it logs in: another tab or a background request for
        # the login page does not spoil the form already shown
        nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(16)
        resp = page(
            request,
            "login.html",
            status=status,
            login_csrf=_sign(settings.secret, nonce),
            error=error,
            email=email,
            no_accounts=not accounts.has_accounts(db),
        )
        set_cookie(resp, LOGIN_COOKIE, nonce, 3600)
        return resp

    @app.get("/prihlaseni")
    async def login_form(request: Request):
        return login_page(request)

    @app.post("/prihlaseni")
    async def login(request: Request):
        form = request.form or {}
        nonce = _unsigned(settings.secret, form.get("csrf"))
        if not nonce or not _same(nonce, request.cookies.get(LOGIN_COOKIE, "")):
            return response.text("Neplatný formulář (chybí token CSRF).", status=403)
        email = (form.get("email") or "")[:320]
        try:
            token = await asyncio.get_running_loop().run_in_executor(
                None, accounts.log_in, email, form.get("heslo") or "", request.ip, db
            )
        except accounts.Refused as refused:
            status = 429 if isinstance(refused, accounts.Throttled) else 401
            return login_page(request, str(refused), email, status)
        resp = response.redirect("/", status=303)
        set_cookie(resp, COOKIE, _sign(settings.secret, token), accounts.SESSION_SECONDS)
        del resp.cookies[LOGIN_COOKIE]
        return resp

    @app.post("/odhlaseni")
    async def logout(request: Request):
        token = _unsigned(settings.secret, request.cookies.get(COOKIE))
        if token:
            accounts.log_out(token, db)
        resp = response.redirect("/prihlaseni", status=303)
        del resp.cookies[COOKIE]
        return resp

    # -- pages ------------------------------------------------------------------------------

    @app.get("/")
    async def home(request: Request):
        return response.redirect("/nezodpovezene", status=303)

    @app.get("/api/stav")
    async def status(request: Request):
        return _json({"email": request.ctx.session.email})

    @app.get("/nezodpovezene")
    async def inbox_page(request: Request, message: str = "", status: int = 200):
        since, until = request.args.get("od") or None, request.args.get("do") or None
        try:
            found, noise, count = await asyncio.get_running_loop().run_in_executor(
                None, console_inbox.groups, since, until, db
            )
        except (ValueError, OverflowError):  # "vcera", "9999-12-31"
            return page(
                request,
                "inbox.html",
                status=400,
                error=DATE_ERROR,
                groups=[],
                since=since,
                until=until,
            )
        return page(
            request,
            "inbox.html",
            status=status,
            groups=found,
            noise=noise,
            conversations=count,
            since=since or "",
            until=until or "",
            message=message,
            names=[questions.suggested_name(settings.root, g.texts()) for g in found],
            questions=questions.questions(settings.root),
        )

    @app.post("/nezodpovezene/ignorovat")
    async def ignore(request: Request):
        texts = request.form.getlist("text") or []
        count = console_inbox.ignore(texts, request.ctx.session.email, db)
        audit.record(request.ctx.session.email, "ignorováno", f"{count} zpráv", None, db)
        return response.redirect("/nezodpovezene", status=303)

    @app.get("/konverzace")
    async def conversations_page(request: Request):
        since, until = request.args.get("od") or None, request.args.get("do") or None
        channel = (request.args.get("kanal") or "")[:64]
        values: Dict[str, Any] = dict(since=since or "", until=until or "", channel=channel)
        try:
            found = await asyncio.get_running_loop().run_in_executor(
                None, overview.overview, since, until, channel, db
            )
        except (ValueError, OverflowError):  # "vcera", "9999-12-31"
            return page(request, "conversations.html", status=400, error=DATE_ERROR, **values)
        return page(request, "conversations.html", found=found, **values)

    @app.get("/konverzace/prepis")
    async def conversation_page(request: Request):
        """One conversation as a transcript, passwords redacted (the id is a query argument:
        a channel's sender id may hold any character)."""
        sender = (request.args.get("id") or "")[:255]
        found = await asyncio.get_running_loop().run_in_executor(
            None, overview.conversation, sender, db
        )
        if found is None:
            return page(request, "not_found.html", status=404, what=UNKNOWN_CONVERSATION)
        lines, record = found
        return page(request, "conversation.html", sender=sender, lines=lines, handoff=record)

    @app.get("/otazky")
    async def question_list(request: Request):
        return page(request, "questions.html", questions=questions.questions(settings.root))

    @app.get("/otazky/nova")
    async def new_question_form(request: Request):
        return page(request, "new_question.html", name="", examples="", answer="", error="")

    async def change(
        request: Request,
        action: str,
        detail: str,
        do: Callable[[], List[str]],
        on_refused: Callable[[str], Any],
        then: str,
    ):
        """Runs a change of the project's files, records and commits it; a refusal shows the
        form again with the reason and everything typed kept."""
        email = request.ctx.session.email
        async with files_lock:
            try:
                changed = do()
            except Refused as refused:
                return on_refused(str(refused))
            try:
                revision = audit.commit(
                    settings.root, email, f"{action}: {detail}\n\n" + "\n".join(changed)
                )
            except (subprocess.SubprocessError, OSError):  # written, not committed: said so
                revision = "bez commitu (git selhal)"
        audit.record(email, action, detail, revision, db)
        return response.redirect(then, status=303)

    @app.post("/otazky/nova")
    async def new_question(request: Request):
        form = request.form
        name = (form.get("nazev") or "").strip()
        lines = (form.get("priklady") or "").splitlines()
        answer = form.get("odpoved") or ""
        return await change(
            request,
            "nová otázka",
            name,
            lambda: questions.add_question(settings.root, name, lines, answer),
            lambda error: page(
                request,
                "new_question.html",
                status=422,
                name=name,
                examples="\n".join(lines),
                answer=answer,
                error=error,
            ),
            f"/otazky/{name}",
        )

    def show_question(request: Request, name: str, error: str = "", status: int = 200):
        found = questions.question(settings.root, name)
        if found is None:
            return page(request, "not_found.html", status=404)
        return page(
            request,
            "question.html",
            status=status,
            question=found,
            examples=questions.examples(settings.root, name),
            error=error,
            typed=request.form.get("priklady", "") if request.form else "",
            answer=(request.form.get("odpoved") if request.form else None) or found.answer or "",
        )

    @app.get("/otazky/<name>")
    async def question_page(request: Request, name: str):
        return show_question(request, name)

    async def edit(request: Request, name: str, action: str, detail: str, do):
        """A change of one question; a refusal shows its page with the reason."""
        return await change(
            request,
            action,
            detail,
            do,
            lambda error: show_question(request, name, error, 422),
            f"/otazky/{name}",
        )

    @app.post("/otazky/priklady")
    async def more_examples(request: Request):
        name = request.form.get("otazka") or ""
        lines = (request.form.get("priklady") or "").splitlines()
        do = lambda: questions.add_examples(settings.root, name, lines)  # noqa: E731
        return await edit(request, name, "příklady přidány", name, do)

    @app.post("/otazky/<name>/odebrat")
    async def remove_example(request: Request, name: str):
        text = request.form.get("priklad") or ""
        do = lambda: questions.remove_example(settings.root, name, text)  # noqa: E731
        return await edit(request, name, "příklad odebrán", f"{name}: {text}", do)

    @app.post("/otazky/<name>/odpoved")
    async def edit_answer(request: Request, name: str):
        answer = request.form.get("odpoved") or ""
        do = lambda: questions.set_answer(settings.root, name, answer)  # noqa: E731
        return await edit(request, name, "odpověď upravena", name, do)

    # -- training and publishing ------------------------------------------------------------

    trainer = Trainer(settings.root, db)

    @app.get("/modely")
    async def models_page(request: Request):
        current = models.published(db)
        return page(
            request,
            "models.html",
            job=trainer.job.as_json() if trainer.job else None,
            models=models.all_models(db),
            current=current,
            previous=models.previous(db),
            message=MESSAGES.get(request.args.get("zprava", ""), ""),
        )

    @app.post("/modely/trenovat")
    async def train(request: Request):
        if not trainer.start(request.ctx.session.email):
            return response.redirect("/modely?zprava=bezi", status=303)
        return response.redirect("/modely", status=303)

    @app.get("/api/trenink")
    async def training_status(request: Request):
        return _json(trainer.job.as_json() if trainer.job else {"state": None})

    async def publish(request: Request, number: int, action: str):
        try:
            model = models.publish(number, db)
        except ValueError:
            return response.redirect("/modely?zprava=neprosel", status=303)
        audit.record(request.ctx.session.email, action, f"model #{model.id}", model.model_id, db)
        return response.redirect("/modely", status=303)

    @app.post("/modely/<number:int>/zverejnit")
    async def publish_model(request: Request, number: int):
        return await publish(request, number, "zveřejněno")

    @app.post("/modely/vratit")
    async def roll_back(request: Request):
        earlier = models.previous(db)
        if earlier is None:
            return response.redirect("/modely?zprava=zadny", status=303)
        return await publish(request, earlier.id, "vráceno")

    @app.get("/model")
    async def model_server(request: Request):
        """Rasa's model-server pull: the served model with its id as ETag, 304 when the
        server has it; only for the model token (Rasa sends it as ?token=)."""
        if not _same(request.args.get("token", ""), settings.model_token):
            return response.text("", status=401)
        path = models.served(settings.root, db)
        if path is None or not path.exists():
            return response.text("", status=404)
        tag = await asyncio.get_running_loop().run_in_executor(None, models.etag, path)
        if request.headers.get("If-None-Match") == tag:
            return response.empty(status=304)
        return await response.file_stream(
            path, headers={"ETag": tag, "filename": path.name}, mime_type="application/gzip"
        )

    @app.post("/api/chat")
    async def chat(request: Request):
        """The chat pane: the published bot through its REST channel, as a customer."""
        body_in = request.json if isinstance(request.json, dict) else {}
        text = str(body_in.get("message", ""))[:2000]
        sender = STAFF_CHAT + hashlib.sha256(request.ctx.session.email.encode()).hexdigest()[:12]
        sender += "-" + str(body_in.get("conversation", ""))[:16]
        body = json.dumps({"sender": sender, "message": text}).encode()
        call = urllib.request.Request(
            f"{settings.bot_url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )

        def send():
            with urllib.request.urlopen(call, timeout=30) as answer:
                found = json.loads(answer.read() or b"[]")
            return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []

        try:
            replies = await asyncio.get_running_loop().run_in_executor(None, send)
        except (OSError, ValueError):  # down, or not the bot's JSON
            return _json({"error": "Bot teď neodpovídá."}, status=502)
        return _json(
            [{"text": r.get("text", ""), "buttons": r.get("buttons", [])} for r in replies]
        )

    @app.get("/historie")
    async def history(request: Request):
        return page(request, "history.html", rows=audit.history(url=db))

    return app


def settings_from_environment(root: Path) -> Settings:
    from stores.database import endpoints_file, ensure_database, tracker_store_url

    ensure_database(endpoints_file())
    return Settings(
        root=root,
        database_url=tracker_store_url(endpoints_file()),
        secret=secret_from(root).encode(),
        model_token=secret_from(root, "CONSOLE_MODEL_TOKEN", "model_token"),
        bot_url=os.environ.get("CONSOLE_BOT_URL", "http://localhost:5005"),
        secure_cookies=os.environ.get("CONSOLE_SECURE_COOKIES") == "1",
    )
