"""The customer's own address in the answers that name the user name."""

from conftest import make_tracker, run_action, user_event

from actions.address import mailbox_address
from actions.dispatcher import ActionRespond


def test_the_last_hosted_address_is_the_mailbox():
    texts = ["nastavuju info@pekarna-zlin.cz", "pardon, je to objednavky@pekarna-zlin.cz"]
    assert mailbox_address(texts) == "objednavky@pekarna-zlin.cz"


def test_a_public_mail_service_address_is_a_contact_not_the_mailbox():
    assert mailbox_address(["ozvete se na jan.novak@gmail.com"]) is None
    assert mailbox_address(["heslo nepisu", "bez adresy"]) is None


def test_an_address_too_long_to_be_typed_is_ignored():
    assert mailbox_address([("a" * 70) + "@firma.cz"]) is None


def test_the_settings_name_the_customers_own_address_as_user_name(domain):
    earlier = [user_event("chci nastavit petr@autoservis-novak.cz na iphonu", "start_walkthrough")]
    tracker = make_tracker("jake udaje tam mam dat pro imap?", "ask_settings", events=earlier)
    replies, _ = run_action(ActionRespond(), tracker, domain)
    text = "\n".join(replies)
    assert "u Vás petr@autoservis-novak.cz" in text and "jana@vase-domena.cz" not in text


def test_without_an_address_the_example_stays(domain):
    tracker = make_tracker("jake udaje tam mam dat pro imap?", "ask_settings")
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert "například jana@vase-domena.cz" in "\n".join(replies)
