from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from actions import knowledge
from channels.guard import MAX_MESSAGE_CHARS, NOTES, Guard, guarded


class Bot:
    """Stands in for Rasa: records what it was given, answers when told to."""

    def __init__(self, answers: bool = True) -> None:
        self.seen = []
        self.answers = answers

    async def __call__(self, message: UserMessage) -> None:
        self.seen.append(message.text)
        if self.answers:
            await message.output_channel.send_response(message.sender_id, {"text": "odpověď"})


async def turn(text, bot):
    output = CollectingOutputChannel()
    await guarded(bot)(UserMessage(text, output, "zakaznik"))
    return [m["text"] for m in output.messages]


async def test_empty_message_is_answered_without_the_bot():
    bot = Bot()
    for text in ("", "  \n", "\x00", None):
        assert await turn(text, bot) == [NOTES["empty"]]
    assert bot.seen == []


async def test_password_never_reaches_the_bot():
    bot = Bot()
    assert await turn("heslo je Kocicka77 a port?", bot) == ["odpověď"]
    assert bot.seen == ["heslo je [heslo skryto] a port?"]


async def test_long_message_is_cut_with_a_note():
    bot = Bot()
    assert await turn("port " * 5000, bot) == [NOTES["truncated"], "odpověď"]
    assert len(bot.seen[0]) == MAX_MESSAGE_CHARS


async def test_control_characters_become_spaces():
    bot = Bot()
    await turn("jaky\x00port\u200bpro imap", bot)
    assert bot.seen == ["jaky port pro imap"]


async def test_silence_becomes_an_apology_with_the_support_contact():
    replies = await turn("jaky port pro imap", Bot(answers=False))
    assert len(replies) == 1 and knowledge.load()["support_contact"] in replies[0]


async def test_rasa_commands_may_stay_silent():
    assert await turn("/restart", Bot(answers=False)) == []


def parsed_as(intent: str, confidence: float):
    async def parse(message: UserMessage):
        return {
            "text": message.text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [{"entity": "x", "value": message.text}],
        }

    return parse


async def test_a_message_the_nlu_calls_a_password_is_replaced_whole():
    bot = Bot()
    guard = Guard(bot, parse=parsed_as("share_password", 0.97))
    message = UserMessage("Kocicka77, co ted?", CollectingOutputChannel(), "zakaznik")
    await guard(message)
    assert bot.seen == ["[heslo skryto]"]
    assert message.parse_data["text"] == "[heslo skryto]" and message.parse_data["entities"] == []


async def test_beside_the_word_heslo_the_rules_decide_not_the_nlu():
    # a symptom about the password prompt: the rules find no password, the model's guess
    # does not turn the message into the marker
    symptom = "na samsungu mi furt dokola vyskakuje okno, abych zadal heslo"
    bot = Bot()
    await Guard(bot, parse=parsed_as("share_password", 0.97))(
        UserMessage(symptom, CollectingOutputChannel(), "zakaznik")
    )
    assert bot.seen == [symptom]
    # a password beside the keyword is still taken out, by the rules
    bot = Bot()
    await Guard(bot, parse=parsed_as("share_password", 0.97))(
        UserMessage("zkousel jsem heslo jaro a porad nic", CollectingOutputChannel(), "zakaznik")
    )
    assert bot.seen == ["zkousel jsem heslo [heslo skryto] a porad nic"]


async def test_an_unsure_or_other_classification_keeps_the_message():
    for intent, confidence in (("share_password", 0.5), ("ask_password", 0.99)):
        bot = Bot()
        message = UserMessage("jake heslo mam zadat", CollectingOutputChannel(), "zakaznik")
        await Guard(bot, parse=parsed_as(intent, confidence))(message)
        assert bot.seen == ["jake heslo mam zadat"]
        # Rasa goes on with this parse, unchanged, instead of parsing the message again.
        assert message.parse_data["intent"] == {"name": intent, "confidence": confidence}
        assert message.parse_data["text"] == "jake heslo mam zadat"
