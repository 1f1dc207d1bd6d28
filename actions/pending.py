"""The questions the bot can leave open (slot `pending_question`), so that the next message
("ano", "ne", "IMAP", "se SSL") is read as their answer. Values are stored in trackers: keep
them stable."""

from enum import Enum
from typing import Optional


class Pending(str, Enum):
    WALKTHROUGH_PROTOCOL = "walkthrough_protocol"  # IMAP or POP3, before the account form
    WALKTHROUGH_SECURITY = "walkthrough_security"  # with SSL or without, before the form
    RECEIVING_WORKS = "receiving_works"  # "pošta nejde": does at least receiving work?
    SMTP_FIX = "smtp_fix"  # did enabling SMTP authentication help?
    SMTP_CHECKS = "smtp_checks"  # did the further sending checks help?
    RECEIVE_CHECKS = "receive_checks"  # did the receiving checks help?
    SYMPTOM_FIX = "symptom_fix"  # did the fix for a described symptom help?
    HANDOFF_OFFER = "handoff"  # may the bot hand the customer to a person?
    CALLBACK_EMAIL = "callback_email"  # nobody could take over: an e-mail address for a reply?
    RATING_COMMENT = "rating_comment"  # after a 👎: what was missing (optional)?
    WALKTHROUGH_OFFER = "walkthrough_offer"  # shall we go through the setup step by step?
    FORM_VALUES = "form_values"  # the form's values shown for IMAP + SSL: POP3 or no SSL instead?
    DEVICE = "device"  # which phone or program (before the walkthrough)?
    PROFILE_ADDRESS = "profile_address"  # the address for an Apple configuration profile?
    AUTOCONFIG_DOMAIN = "autoconfig_domain"  # the domain for its autoconfig file?

    @classmethod
    def of(cls, value: Optional[str]) -> Optional["Pending"]:
        """The pending question a slot value names (None for none or a retired value)."""
        try:
            return cls(value) if value else None
        except ValueError:
            return None

    @property
    def is_form_choice(self) -> bool:
        return self in (
            Pending.WALKTHROUGH_PROTOCOL,
            Pending.WALKTHROUGH_SECURITY,
            Pending.FORM_VALUES,
        )
