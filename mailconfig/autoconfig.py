"""Mozilla autoconfig (config-v1.1.xml): Thunderbird and other clients read it to set up an
account from the address alone. Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
"""

import xml.etree.ElementTree as ET
from typing import Any, Optional

from actions import knowledge
from mailconfig.mobileconfig import clean_domain, validate_address

# Where a client looks for it on the mail domain's own web server (autoconfig.DOMAIN).
AUTOCONFIG_PATH = "/.well-known/autoconfig/mail/config-v1.1.xml"
DISPLAY_NAME = "E-mail z webhostingu"
DISPLAY_SHORT_NAME = "Webhosting"
SECURITY = "ssl"
# The client fills in the address the customer typed: the user name is the full address.
USERNAME = "%EMAILADDRESS%"


def validate_domain(text: Any) -> Optional[str]:
    """A DNS name (lower case, IDNs as punycode), or None. An address gives its domain part."""
    if not isinstance(text, str):
        return None
    if "@" in text:
        address = validate_address(text)
        return address.split("@")[1] if address else None
    return clean_domain(text)


def _server(parent: ET.Element, tag: str, protocol: str, direction: str) -> None:
    server = ET.SubElement(parent, tag, type=protocol)
    for name, value in (
        ("hostname", knowledge.server(direction)),
        ("port", str(knowledge.port(protocol, SECURITY))),
        ("socketType", "SSL"),
        ("authentication", "password-cleartext"),  # sent inside the SSL connection
        ("username", USERNAME),
    ):
        ET.SubElement(server, name).text = value


def build_autoconfig(domain: str) -> bytes:
    """The file for `domain`; ValueError when it is not a domain (validate_domain)."""
    name = validate_domain(domain)
    if name is None:
        raise ValueError("Not a domain name.")
    root = ET.Element("clientConfig", version="1.1")
    provider = ET.SubElement(root, "emailProvider", id=name)
    ET.SubElement(provider, "domain").text = name
    ET.SubElement(provider, "displayName").text = DISPLAY_NAME
    ET.SubElement(provider, "displayShortName").text = DISPLAY_SHORT_NAME
    # Clients offer the first incoming server first: the recommended protocol leads.
    recommended = knowledge.recommended_protocol()
    incoming = sorted(knowledge.incoming_protocols(), key=lambda p: p != recommended)
    for protocol in incoming:
        _server(provider, "incomingServer", protocol, "incoming")
    _server(provider, "outgoingServer", "smtp", "outgoing")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
