from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from czech_nlu.entities import CzechEntityExtractor, read_entities


def found(text):
    return [(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in read_entities(text)]


def test_protocols_in_any_form_with_their_spans():
    assert found("jaký port pro IMAPu?") == [("protocol", "imap", "IMAPu")]
    assert found("přes POPko") == [("protocol", "pop3", "POPko")]
    assert found("a pro odchozí?") == [("protocol", "smtp", "odchozí")]
    assert found("server pro příchozí poštu") == [("protocol", "incoming", "příchozí")]
    # the sending named as the thing asked about, not the verb of a symptom
    assert found("jaký port pro odesílání?") == [("protocol", "smtp", "odesílání")]
    assert found("telefon nechce odesílat zprávy") == []


def test_the_ssl_choice_as_the_training_data_marks_it():
    assert found("IMAP bez SSL") == [
        ("security", "plain", "bez SSL"),
        ("protocol", "imap", "IMAP"),
    ]
    assert found("nešifrovaně") == [("security", "plain", "nešifrovaně")]
    assert found("port se šifrováním") == [("security", "ssl", "se šifrováním")]
    assert found("chci TLS") == [("security", "ssl", "TLS")]
    # our server's name is no SSL choice
    assert found("server ssl0.ovh.net") == []


def test_names_that_ask_for_no_protocol():
    assert found("Mám zvolit IMAP, nebo POP?") == []
    assert found("jaký je rozdíl mezi pop a imap") == []
    assert found("přišel mi ticket Open SMTP") == []
    assert found("co je POP before SMTP?") == []
    assert found("odchozí pošta nefunguje, příchozí ano") == []


def test_step_numbers():
    assert found("jdi na krok 7") == [("step", "7", "7")]
    assert found("skoč na 6. krok") == [("step", "6", "6")]
    assert found("mám 143 nepřečtených zpráv") == []


def test_the_component_adds_its_entities_and_keeps_a_buttons_own():
    button = {"entity": "device", "value": "iphone_mail", "start": 0, "end": 0}
    message = Message(data={TEXT: "a bez SSL?", ENTITIES: [button]})
    [processed] = CzechEntityExtractor({}).process([message])
    entities = processed.get(ENTITIES)
    assert entities[0] == button
    assert entities[1]["entity"] == "security" and entities[1]["value"] == "plain"
    assert entities[1]["extractor"] == "CzechEntityExtractor"
