"""An Apple configuration profile (.mobileconfig) with one Mail account for the hosting mailbox.

Keys and types follow Apple's reference: the TopLevel keys
(https://developer.apple.com/documentation/devicemanagement/toplevel) and the Mail payload
(https://developer.apple.com/documentation/devicemanagement/mail). No password is written:
the device asks for it while installing the profile, so the file is safe to hand out.
"""

import plistlib
import re
import uuid
from typing import Any, Dict, Optional

from actions import knowledge

IDENTIFIER_PREFIX = "cz.webhosting.helpdesk.mail"
DISPLAY_NAME = "E-mail z webhostingu"
ORGANIZATION = "Webhosting – technická podpora"
ACCOUNT_TYPES = {"imap": "EmailTypeIMAP", "pop3": "EmailTypePOP"}
AUTHENTICATION = "EmailAuthPassword"  # user name and password, over the SSL connection
SECURITY = "ssl"  # the profile sets SSL on, so only the SSL ports go with it

MAX_ADDRESS_CHARS = 254  # RFC 5321 path limit less the angle brackets
MAX_LOCAL_CHARS = 64
MAX_DOMAIN_CHARS = 253
# RFC 5322 dot-atom local part; quoted local parts are legal but no hosting mailbox uses them.
LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
TOP_LABEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def clean_domain(text: str) -> Optional[str]:
    """The DNS name in A-labels, lower case, or None. Czech IDNs (háčky) become punycode, the
    form every mail client and DNS resolver takes."""
    name = text.strip().lower()
    if not name or len(name) > MAX_DOMAIN_CHARS:
        return None
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = name.split(".")
    if len(labels) < 2 or not all(LABEL.fullmatch(label) for label in labels):
        return None
    if not TOP_LABEL.fullmatch(labels[-1]) or len(name) > MAX_DOMAIN_CHARS:
        return None
    return name


def validate_address(text: Any) -> Optional[str]:
    """One e-mail address, cleaned (outer spaces off, domain lower case), or None for anything
    else: markup, spaces inside, two "@", no dot in the domain, too long."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if len(text) > MAX_ADDRESS_CHARS or text.count("@") != 1:
        return None
    local, domain = text.split("@")
    if len(local) > MAX_LOCAL_CHARS or not LOCAL_PART.fullmatch(local):
        return None
    cleaned_domain = clean_domain(domain) if domain == domain.strip() else None
    if cleaned_domain is None:
        return None
    address = f"{local}@{cleaned_domain}"
    return address if len(address) <= MAX_ADDRESS_CHARS else None


def _mail_payload(address: Optional[str], protocol: str) -> Dict[str, Any]:
    label = knowledge.protocol_label(protocol)
    payload: Dict[str, Any] = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{IDENTIFIER_PREFIX}.account.{uuid.uuid4()}",
        "PayloadUUID": str(uuid.uuid4()),
        "PayloadDisplayName": f"{DISPLAY_NAME} ({label})",
        "EmailAccountType": ACCOUNT_TYPES[protocol],
        "EmailAccountDescription": address or DISPLAY_NAME,
        "IncomingMailServerHostName": knowledge.server("incoming"),
        "IncomingMailServerPortNumber": knowledge.port(protocol, SECURITY),
        "IncomingMailServerUseSSL": True,
        "IncomingMailServerAuthentication": AUTHENTICATION,
        "OutgoingMailServerHostName": knowledge.server("outgoing"),
        "OutgoingMailServerPortNumber": knowledge.port("smtp", SECURITY),
        "OutgoingMailServerUseSSL": True,
        "OutgoingMailServerAuthentication": AUTHENTICATION,
        # One password, asked once while installing: the mailbox has no separate SMTP one.
        "OutgoingPasswordSameAsIncomingPassword": True,
    }
    if address:
        # The user name is the full address (knowledge.yml, credentials.username).
        payload["EmailAddress"] = address
        payload["IncomingMailServerUsername"] = address
        payload["OutgoingMailServerUsername"] = address
    return payload


def checked_request(address: Optional[str], protocol: str) -> Optional[str]:
    """The cleaned address of a profile request (None: none given, the device asks for it).
    ValueError for an address that is not one or a protocol other than IMAP/POP3."""
    if protocol not in ACCOUNT_TYPES:
        raise ValueError(f"Protocol must be one of {sorted(ACCOUNT_TYPES)}, not {protocol!r}.")
    if address is None:
        return None
    cleaned = validate_address(address)
    if cleaned is None:
        raise ValueError("Not an e-mail address.")
    return cleaned


def build_profile(address: Optional[str], protocol: str = "imap") -> bytes:
    """The profile as an XML plist. Without an address the device asks for it on install.
    ValueError for an address that is not one or a protocol other than IMAP/POP3."""
    cleaned = checked_request(address, protocol)
    label = knowledge.protocol_label(protocol)
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{IDENTIFIER_PREFIX}.{uuid.uuid4()}",
        "PayloadUUID": str(uuid.uuid4()),
        "PayloadDisplayName": DISPLAY_NAME,
        "PayloadDescription": (
            f"Nastaví poštovní účet ({label}) se šifrovaným spojením (SSL). "
            "Heslo ke schránce zadáte při instalaci profilu."
        ),
        "PayloadOrganization": ORGANIZATION,
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [_mail_payload(cleaned, protocol)],
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=True)
