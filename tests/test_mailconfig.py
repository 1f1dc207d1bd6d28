"""Mail settings for the customer's device (mailconfig/, channels/mailconfig.py): the Apple
profile and the Mozilla autoconfig carry exactly knowledge.yml's facts and never a password;
their links cannot be read, forged or used after their lifetime; the channel serves them."""

import io
import plistlib
import time
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime

import aiohttp
import pytest
import zxingcpp
from PIL import Image
from rasa.core.channels.channel import register
from rasa.core.run import create_http_input_channels
from sanic import Sanic

from actions import knowledge
from channels.mailconfig import MailConfigInput
from mailconfig import autoconfig, links
from mailconfig.autoconfig import AUTOCONFIG_PATH, build_autoconfig, validate_domain
from mailconfig.mobileconfig import build_profile, validate_address
from mailconfig.qr import qr_png

ADDRESS = "jana.novakova@vase-domena.cz"
BASE_URL = "https://bot.example.cz"

# Apple's keys and their plist types, from the reference: the profile's top level
# https://developer.apple.com/documentation/devicemanagement/toplevel and the Mail payload
# https://developer.apple.com/documentation/devicemanagement/mail (string, integer, boolean,
# array, date, data as plistlib reads them).
TOP_LEVEL_KEYS = {
    "PayloadContent": list,
    "PayloadDescription": str,
    "PayloadDisplayName": str,
    "PayloadExpirationDate": datetime,
    "PayloadIdentifier": str,
    "PayloadOrganization": str,
    "PayloadUUID": str,
    "PayloadRemovalDisallowed": bool,
    "PayloadType": str,
    "PayloadVersion": int,
    "PayloadScope": str,
    "RemovalDate": datetime,
    "DurationUntilRemoval": float,
    "ConsentText": dict,
}
MAIL_KEYS = {
    # Common to every payload.
    "PayloadType": str,
    "PayloadVersion": int,
    "PayloadIdentifier": str,
    "PayloadUUID": str,
    "PayloadDisplayName": str,
    "PayloadDescription": str,
    "PayloadOrganization": str,
    # The Mail payload's own.
    "EmailAccountDescription": str,
    "EmailAccountName": str,
    "EmailAccountType": str,
    "EmailAddress": str,
    "IncomingMailServerAuthentication": str,
    "IncomingMailServerHostName": str,
    "IncomingMailServerPortNumber": int,
    "IncomingMailServerUseSSL": bool,
    "IncomingMailServerUsername": str,
    "IncomingPassword": str,
    "OutgoingPassword": str,
    "OutgoingPasswordSameAsIncomingPassword": bool,
    "OutgoingMailServerAuthentication": str,
    "OutgoingMailServerHostName": str,
    "OutgoingMailServerPortNumber": int,
    "OutgoingMailServerUseSSL": bool,
    "OutgoingMailServerUsername": str,
    "PreventMove": bool,
    "PreventAppSheet": bool,
    "SMIMEEnabled": bool,
    "allowMailDrop": bool,
    "disableMailRecentsSyncing": bool,
}
AUTH_VALUES = {"EmailAuthPassword", "EmailAuthCRAMMD5", "EmailAuthNTLM", "EmailAuthHTTPMD5"}
BAD_ADDRESSES = [
    "<script>@x.cz",
    "a" * 490 + "@x.cz",
    "a@b@c.cz",
    "jana novak@x.cz",
    "jana@x",
    "jana@",
    "@x.cz",
    "jana@x..cz",
    "jana@-x.cz",
    ".jana@x.cz",
    "jana@x.cz<b>",
    'jana"@x.cz',
    "jana@x.cz\nBcc: eva@y.cz",
    "",
    None,
    42,
]
BAD_DOMAINS = [
    "x",
    "x..cz",
    "-x.cz",
    "x-.cz",
    "x.c",
    "x.cz/evil",
    "x.cz<script>",
    'x.cz"',
    "x cz.cz",
    "a" * 64 + ".cz",
    ("a" * 60 + ".") * 5 + "cz",
    "a@b@c.cz",
    "",
    None,
]


@pytest.fixture(autouse=True)
def link_settings(tmp_path, monkeypatch):
    """A key of the test's own in a new key file; links point at BASE_URL."""
    monkeypatch.delenv("MAILCONFIG_SECRET", raising=False)
    monkeypatch.delenv("MAILCONFIG_LINK_HOURS", raising=False)
    monkeypatch.setenv("MAILCONFIG_KEY_FILE", str(tmp_path / "var" / "mailconfig.key"))
    monkeypatch.setenv("BOT_PUBLIC_URL", BASE_URL + "/")
    return tmp_path / "var" / "mailconfig.key"


def profile(address=ADDRESS, protocol="imap"):
    return plistlib.loads(build_profile(address, protocol))


def token_of(link: str) -> str:
    return link.split("/")[-1].removesuffix(".mobileconfig")


def made_hours_ago(hours: float, make, monkeypatch):
    """A link made `hours` ago: Fernet stamps the token with time.time()."""
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now - hours * 3600)
        return make()


# --- The profile ---------------------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["imap", "pop3"])
def test_profile_keys_and_types_are_apples_and_values_are_knowledge(protocol):
    top = profile(protocol=protocol)
    for key, value in top.items():
        assert key in TOP_LEVEL_KEYS and type(value) is TOP_LEVEL_KEYS[key], key
    assert top["PayloadType"] == "Configuration" and top["PayloadVersion"] == 1
    assert top["PayloadIdentifier"].startswith("cz.webhosting.helpdesk.mail.")
    assert str(uuid.UUID(top["PayloadUUID"])) == top["PayloadUUID"]
    assert top["PayloadRemovalDisallowed"] is False
    assert top["PayloadDisplayName"] and top["PayloadDescription"] and top["PayloadOrganization"]

    [mail] = top["PayloadContent"]
    for key, value in mail.items():
        assert key in MAIL_KEYS and type(value) is MAIL_KEYS[key], key
    assert mail["PayloadType"] == "com.apple.mail.managed" and mail["PayloadVersion"] == 1
    assert mail["PayloadUUID"] != top["PayloadUUID"]
    assert mail["PayloadIdentifier"] != top["PayloadIdentifier"]
    assert mail["EmailAccountType"] == {"imap": "EmailTypeIMAP", "pop3": "EmailTypePOP"}[protocol]
    assert mail["IncomingMailServerHostName"] == knowledge.server("incoming")
    assert mail["IncomingMailServerPortNumber"] == knowledge.port(protocol, "ssl")
    assert mail["OutgoingMailServerHostName"] == knowledge.server("outgoing")
    assert mail["OutgoingMailServerPortNumber"] == knowledge.port("smtp", "ssl")
    assert mail["IncomingMailServerUseSSL"] is True and mail["OutgoingMailServerUseSSL"] is True
    assert mail["IncomingMailServerAuthentication"] == "EmailAuthPassword"
    assert mail["OutgoingMailServerAuthentication"] == "EmailAuthPassword"
    assert mail["IncomingMailServerAuthentication"] in AUTH_VALUES
    assert mail["OutgoingPasswordSameAsIncomingPassword"] is True
    # The user name is the full address.
    assert mail["EmailAddress"] == ADDRESS
    assert mail["IncomingMailServerUsername"] == mail["OutgoingMailServerUsername"] == ADDRESS


def test_profile_never_holds_a_password():
    for address in (ADDRESS, None):
        for protocol in ("imap", "pop3"):
            top = profile(address, protocol)
            keys = set(top) | set(top["PayloadContent"][0])
            assert {key for key in keys if "password" in key.lower()} <= {
                "OutgoingPasswordSameAsIncomingPassword"
            }


def test_profile_without_address_lets_the_device_ask():
    [mail] = profile(None)["PayloadContent"]
    assert not {"EmailAddress", "IncomingMailServerUsername", "OutgoingMailServerUsername"} & set(
        mail
    )
    assert mail["IncomingMailServerPortNumber"] == knowledge.port("imap", "ssl")


def test_each_profile_is_new():
    first, second = profile(), profile()
    assert first["PayloadUUID"] != second["PayloadUUID"]


def test_profile_refuses_what_is_not_an_address_or_a_protocol():
    with pytest.raises(ValueError):
        build_profile("<script>@x.cz")
    with pytest.raises(ValueError):
        build_profile(ADDRESS, "smtp")


@pytest.mark.parametrize("text", BAD_ADDRESSES)
def test_bad_addresses_are_refused(text):
    assert validate_address(text) is None


def test_good_addresses_are_cleaned():
    assert validate_address(f"  {ADDRESS} ") == ADDRESS
    assert validate_address("Jana.Novak+posta@Vase-Domena.CZ") == "Jana.Novak+posta@vase-domena.cz"
    assert validate_address("jana@kočka.cz") == "jana@xn--koka-hua.cz"  # IDN as punycode
    assert validate_address("a" * 64 + "@x.cz")
    assert validate_address("a" * 65 + "@x.cz") is None


# --- Autoconfig -----------------------------------------------------------------------------


def test_autoconfig_elements_are_knowledge():
    root = ET.fromstring(build_autoconfig("Vase-Domena.cz"))
    assert root.tag == "clientConfig" and root.attrib == {"version": "1.1"}
    [provider] = root
    assert provider.tag == "emailProvider" and provider.attrib == {"id": "vase-domena.cz"}
    assert [child.tag for child in provider] == [
        "domain",
        "displayName",
        "displayShortName",
        "incomingServer",
        "incomingServer",
        "outgoingServer",
    ]
    assert provider.findtext("domain") == "vase-domena.cz"
    assert provider.findtext("displayName") and provider.findtext("displayShortName")
    servers = [(server.tag, server.get("type", ""), server) for server in provider[3:]]
    assert [(tag, kind) for tag, kind, _ in servers] == [
        ("incomingServer", knowledge.recommended_protocol()),
        ("incomingServer", "pop3"),
        ("outgoingServer", "smtp"),
    ]
    for _, protocol, server in servers:
        direction = "outgoing" if protocol == "smtp" else "incoming"
        assert {child.tag: child.text for child in server} == {
            "hostname": knowledge.server(direction),
            "port": str(knowledge.port(protocol, "ssl")),
            "socketType": "SSL",
            "authentication": "password-cleartext",
            "username": "%EMAILADDRESS%",
        }
    assert AUTOCONFIG_PATH == "/.well-known/autoconfig/mail/config-v1.1.xml"


def test_autoconfig_from_an_address_takes_its_domain():
    assert validate_domain(ADDRESS) == "vase-domena.cz"
    assert validate_domain("kočka.cz") == "xn--koka-hua.cz"
    root = ET.fromstring(build_autoconfig(ADDRESS))
    assert root.findtext("emailProvider/domain") == "vase-domena.cz"


@pytest.mark.parametrize("text", BAD_DOMAINS)
def test_bad_domains_are_refused(text):
    assert validate_domain(text) is None
    with pytest.raises(ValueError):
        build_autoconfig(text)


def test_autoconfig_escapes_even_if_validation_were_bypassed(monkeypatch):
    hostile = 'x.cz"><evil/>&amp;'
    monkeypatch.setattr(autoconfig, "validate_domain", lambda text: text)
    root = ET.fromstring(build_autoconfig(hostile))
    provider = root.find("emailProvider")
    assert provider is not None and provider.get("id") == hostile
    assert root.findtext("emailProvider/domain") == hostile
    assert root.find(".//evil") is None


# --- Links ----------------------------------------------------------------------------------


def test_profile_link_round_trip_hides_the_address(link_settings):
    link = links.profile_link(ADDRESS, "pop3")
    assert link.startswith(f"{BASE_URL}/webhooks/mailconfig/profile/")
    assert link.endswith(".mobileconfig")
    assert "jana" not in link.lower() and "vase-domena" not in link.lower()
    assert links.open_token(token_of(link), "profile") == {
        "kind": "profile",
        "address": ADDRESS,
        "protocol": "pop3",
    }
    assert link_settings.stat().st_mode & 0o777 == 0o600  # the key file, made on first use
    assert links.profile_link(None)  # no address: still a link


def test_autoconfig_link_round_trip():
    link = links.autoconfig_link(ADDRESS)
    assert link.startswith(f"{BASE_URL}/webhooks/mailconfig/autoconfig/")
    assert link.endswith("/config-v1.1.xml") and "vase-domena" not in link
    token = link.split("/")[-2]
    assert links.open_token(token, "autoconfig") == {
        "kind": "autoconfig",
        "domain": "vase-domena.cz",
    }


def test_qr_link_carries_the_links_token():
    link = links.profile_link(ADDRESS)
    assert links.qr_link(link) == f"{BASE_URL}/webhooks/mailconfig/qr/{token_of(link)}.png"
    auto = links.autoconfig_link(ADDRESS)
    assert links.qr_link(auto) == f"{BASE_URL}/webhooks/mailconfig/qr/{auto.split('/')[-2]}.png"
    with pytest.raises(ValueError):
        links.qr_link("https://example.cz/elsewhere")


def test_links_refuse_bad_input():
    with pytest.raises(ValueError):
        links.profile_link("a@b@c.cz")
    with pytest.raises(ValueError):
        links.profile_link(ADDRESS, "smtp")
    with pytest.raises(ValueError):
        links.autoconfig_link("x.cz<script>")


def test_tampered_token_is_refused():
    token = token_of(links.profile_link(ADDRESS))
    middle = len(token) // 2
    tampered = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    for bad in (tampered, token[:-4], "nonsense", "", "ž" * 10):
        with pytest.raises(links.LinkError) as refused:
            links.open_token(bad, "profile")
        assert not isinstance(refused.value, links.LinkExpired)


def test_token_of_another_key_is_refused(monkeypatch, tmp_path):
    token = token_of(links.profile_link(ADDRESS))
    monkeypatch.setenv("MAILCONFIG_KEY_FILE", str(tmp_path / "other.key"))
    with pytest.raises(links.LinkError):
        links.open_token(token, "profile")


def test_wrong_kind_is_refused():
    token = token_of(links.profile_link(ADDRESS))
    with pytest.raises(links.LinkError):
        links.open_token(token, "autoconfig")


def test_expired_token_is_refused(monkeypatch):
    old = made_hours_ago(25, lambda: links.profile_link(ADDRESS), monkeypatch)
    with pytest.raises(links.LinkExpired):
        links.open_token(token_of(old), "profile")
    recent = made_hours_ago(23, lambda: links.profile_link(ADDRESS), monkeypatch)
    assert links.open_token(token_of(recent), "profile")["address"] == ADDRESS
    monkeypatch.setenv("MAILCONFIG_LINK_HOURS", "1")  # the lifetime is the setting's
    with pytest.raises(links.LinkExpired):
        links.open_token(token_of(recent), "profile")


def test_secret_from_the_environment_needs_no_key_file(monkeypatch, link_settings):
    from cryptography.fernet import Fernet

    monkeypatch.setenv("MAILCONFIG_SECRET", Fernet.generate_key().decode())
    token = token_of(links.profile_link(ADDRESS))
    assert links.open_token(token, "profile")["address"] == ADDRESS
    assert not link_settings.exists()


def test_processes_share_the_first_key(link_settings):
    first = token_of(links.profile_link(ADDRESS))
    key = link_settings.read_bytes()
    links.profile_link(ADDRESS)  # a second use (another process) reads it, makes no new one
    assert link_settings.read_bytes() == key
    assert links.open_token(first, "profile")["address"] == ADDRESS
    assert [path.name for path in link_settings.parent.iterdir()] == [link_settings.name]


def test_a_key_made_meanwhile_by_another_process_wins(link_settings):
    first = token_of(links.profile_link(ADDRESS))
    links._create_key_file(link_settings)  # lost the race: the file is there already
    assert links.open_token(first, "profile")["address"] == ADDRESS
    assert [path.name for path in link_settings.parent.iterdir()] == [link_settings.name]


# --- QR -------------------------------------------------------------------------------------


def decoded(png: bytes) -> list:
    # QR codes only: with every format on, a linear-barcode reader now and then "finds" a short
    # code in the QR's modules (a flaky extra result, not a second symbol in the image)
    image = Image.open(io.BytesIO(png))
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_qr_decodes_to_the_text():
    link = links.profile_link(ADDRESS)
    assert decoded(qr_png(link)) == [link]


# --- The channel, served as Rasa mounts it --------------------------------------------------


@pytest.fixture
async def client(monkeypatch):
    """The channel mounted by Rasa's own register() under /webhooks/, on a loopback port."""
    # Sanic 21.12 rewrites its protocol class when an app starts; a second app in the same
    # process fails on the rewritten code unless test mode keeps the original.
    monkeypatch.setattr(Sanic, "test_mode", True)
    app = Sanic(f"mailconfig_test_{uuid.uuid4().hex}")
    register([MailConfigInput()], app, route="/webhooks/")
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None and server.server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    port = server.server.sockets[0].getsockname()[1]
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
            yield session
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


def test_rasa_starts_the_channel_from_credentials(tmp_path):
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("channels.mailconfig.MailConfigInput:\n", encoding="utf-8")
    [channel] = create_http_input_channels(None, str(credentials))
    assert isinstance(channel, MailConfigInput) and channel.url_prefix() == "mailconfig"


def path_of(link: str) -> str:
    return link.removeprefix(BASE_URL)


async def test_channel_serves_the_profile(client, monkeypatch):
    link = links.profile_link(ADDRESS, "pop3")
    async with client.get(path_of(link)) as reply:
        assert reply.status == 200
        assert reply.headers["Content-Type"] == "application/x-apple-aspen-config"
        assert reply.headers["Content-Disposition"] == 'attachment; filename="email.mobileconfig"'
        assert reply.headers["Cache-Control"] == "no-store"
        [mail] = plistlib.loads(await reply.read())["PayloadContent"]
    assert mail["EmailAddress"] == ADDRESS and mail["EmailAccountType"] == "EmailTypePOP"
    assert mail["IncomingMailServerPortNumber"] == knowledge.port("pop3", "ssl")


async def test_channel_refuses_tampered_and_expired_links(client, monkeypatch):
    good = links.profile_link(ADDRESS)
    token = token_of(good)
    tampered = good.replace(token, token[:-6] + ("AAAAAA" if token[-6:] != "AAAAAA" else "BBBBBB"))
    expired = made_hours_ago(25, lambda: links.profile_link(ADDRESS), monkeypatch)
    for link, word in ((tampered, "neplatný"), (expired, "vypršela")):
        async with client.get(path_of(link)) as reply:
            assert reply.status == 403
            assert reply.headers["Cache-Control"] == "no-store"
            assert word in await reply.text()
    async with client.get(path_of(good)) as reply:  # the valid one still works
        assert reply.status == 200
        assert plistlib.loads(await reply.read())["PayloadType"] == "Configuration"


async def test_channel_serves_autoconfig(client):
    link = links.autoconfig_link("vase-domena.cz")
    async with client.get(path_of(link)) as reply:
        assert reply.status == 200
        assert reply.headers["Content-Type"].startswith("application/xml")
        assert reply.headers["Cache-Control"] == "no-store"
        root = ET.fromstring(await reply.read())
    assert root.findtext("emailProvider/domain") == "vase-domena.cz"
    # A profile token is no autoconfig token.
    profile_token = token_of(links.profile_link(ADDRESS))
    async with client.get(f"/webhooks/mailconfig/autoconfig/{profile_token}/config-v1.1.xml") as r:
        assert r.status == 403


async def test_channel_qr_shows_the_link(client):
    for link in (links.profile_link(ADDRESS), links.autoconfig_link(ADDRESS)):
        async with client.get(path_of(links.qr_link(link))) as reply:
            assert reply.status == 200 and reply.headers["Content-Type"] == "image/png"
            assert reply.headers["Cache-Control"] == "no-store"
            assert decoded(await reply.read()) == [link]
    async with client.get("/webhooks/mailconfig/qr/nonsense.png") as reply:
        assert reply.status == 403


async def test_channel_unknown_paths_are_not_found(client):
    token = token_of(links.profile_link(ADDRESS))
    for path in (
        f"/webhooks/mailconfig/profile/{token}.zip",
        f"/webhooks/mailconfig/qr/{token}.gif",
        "/webhooks/mailconfig/profile/.mobileconfig",
        "/webhooks/mailconfig/elsewhere",
        f"/webhooks/mailconfig/autoconfig/{token}/other.xml",
    ):
        async with client.get(path) as reply:
            assert reply.status == 404, path
