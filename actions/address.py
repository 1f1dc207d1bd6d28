"""The customer's own mailbox address, when they wrote it: the answers that name the user name
say it ("celá e-mailová adresa – u Vás petr@autoservis.cz") instead of an example."""

import re
from typing import Iterable, Optional

from actions import knowledge

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)
LONGEST = 64  # longer is no address a customer would type for their mailbox


def mailbox_address(texts: Iterable[str]) -> Optional[str]:
    """The last address the customer wrote that can be a hosted mailbox: one at a public mail
    service (a call-back contact "pište na můj gmail") is not the mailbox being set up."""
    found = None
    for text in texts:
        for match in EMAIL.finditer(text or ""):
            address = match.group(0).lower()
            domain = address.rsplit("@", 1)[1]
            if len(address) <= LONGEST and domain not in knowledge.public_mail_domains():
                found = address
    return found
