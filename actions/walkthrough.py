"""The step-by-step setup in the customer's device: one step per message, free-text navigation.

The steps are data (knowledge.yml, a guide per device). State lives in slots, so the SQL
tracker store keeps it across restarts: `device`, `walkthrough_step`, `walkthrough_active`,
and the protocol / SSL choice asked before the account form.
"""

import re
from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, lexicon, replies
from actions.context import (
    Turn,
    last_responses,
    previous_text,
    shown_with,
    whole_guide_shown_last,
)
from actions.pending import Pending
from actions.screens import Position, opened_step, where
from actions.understanding import canonical_protocol
from czech_nlu.folding import fold

NAV_BUTTONS = [
    {"title": "Hotovo", "payload": "/step_done"},
    {"title": "Zpět", "payload": "/step_back"},
    {"title": "Zopakovat", "payload": "/step_repeat"},
    {"title": "Nevidím to", "payload": "/step_help"},
    {"title": "Ukončit", "payload": "/stop_walkthrough"},
]
# Offered with the first step: someone who knows their way round reads the whole guide at once.
ALL_STEPS_BUTTON = {"title": "Celý postup najednou", "payload": "/step_all"}
ALL_STEPS_END_BUTTONS = [
    NAV_BUTTONS[0],
    {"title": "Odeslání nejde", "payload": "/cannot_send"},
    NAV_BUTTONS[-1],
]
ACCOUNT_TYPE_STEP_ID = "account_type"  # where IMAP or POP3 is chosen (the form's, on a Mac)
FORM_QUESTIONS_AGAIN = {
    Pending.WALKTHROUGH_PROTOCOL: "utter_ask_walkthrough_protocol_again",
    Pending.WALKTHROUGH_SECURITY: "utter_ask_walkthrough_security_again",
}
# Intents that move the walkthrough (the dispatcher sends them here).
NAVIGATION = {
    "start_walkthrough",
    "resume_walkthrough",
    "step_done",
    "step_skip",
    "step_back",
    "step_goto",
    "step_help",
    "step_repeat",
    "step_all",
    "stop_walkthrough",
}


def resume_step(turn: Turn) -> int:
    """The step to go back to after a question mid-walkthrough: the current one, or a later
    screen the customer says they are at beside the question ("ptá se to IMAP, POP3 nebo
    Exchange, co dát?" is the account type's step)."""
    position = turn.frame.position
    # (a label the customer sees – "ptá se to…", "nabízí…", "vidím…" – not a field's name asked
    # about: "jaký je server příchozí pošty?", "co je IMAP?")
    seen = lexicon.says("seeing_marker", turn.frame.folded) or lexicon.says(
        "device_asks", turn.frame.folded
    )
    # ("uložila jsem, teď jsou tam přepínače Pošta a Poznámky": a screen seen, labels or not)
    if position and seen and not position.at_notice and position.step > turn.step:
        return position.step
    return turn.step


def offer_resume(
    dispatcher: CollectingDispatcher, turn: Turn, step: Optional[int] = None
) -> List[Dict[str, Any]]:
    """After answering something else mid-walkthrough, offer the way back to the same step:
    the step the customer is at was shown, so "Hotovo" goes on from it (a later screen they
    named is shown first). The events of a step shown instead of the offer."""
    if turn.walkthrough_active:
        steps = len(knowledge.steps(turn.device))
        here = not step or step == turn.step
        if here and whole_guide_shown_last(turn.tracker):
            if lexicon.says("where_to_begin", turn.frame.folded):
                # "ještě jsem nezačal, jsem na začátku. a POP nebo IMAP?": the first step alone
                return Walkthrough(dispatcher, turn).go_to(1, together=False)
            # the whole guide was given: no step number to come back to, the list above
            dispatcher.utter_message(
                response="utter_offer_resume_whole", buttons=ALL_STEPS_END_BUTTONS
            )
            return []
        response = "utter_offer_resume_here" if here else "utter_offer_resume"
        dispatcher.utter_message(response=response, step=step or turn.step, steps=steps)
    return []


class Walkthrough:
    """One turn of the walkthrough: what to say and which slots change."""

    def __init__(self, dispatcher: CollectingDispatcher, turn: Turn) -> None:
        self.dispatcher = dispatcher
        self.folded = turn.frame.folded
        # The account form's own choice: a port question on the side does not change it. POP3
        # talked about before the form ("pomozte mi s Thunderbirdem na POP3") is the choice.
        # ("…jaké porty? používám pop3": POP3 among the protocols of the last answer, or the
        # one account type named now – "vidím IMAP a POP" names the screen's choice, not one)
        # ("…v notebooku to mám přes POP": another device's account type is no choice here)
        named_now = [p for p in turn.protocols_here() if p in knowledge.incoming_protocols()]
        earlier = [
            turn.tracker.get_slot("protocol"),
            *(turn.tracker.get_slot("asked_protocols") or []),
        ]
        talked_about = "pop3" if "pop3" in earlier or named_now == ["pop3"] else None
        self.protocol: Any = turn.tracker.get_slot("form_protocol") or talked_about
        # ("…dát POP, máme to bez šifrování": the SSL choice said with the setup)
        said = turn.frame.security if turn.frame.security in ("ssl", "plain") else None
        self.security: Any = turn.tracker.get_slot("form_security") or said
        self.events: List[Dict[str, Any]] = []
        self.guide = knowledge.guide(turn.device)
        self.form_step = knowledge.form_step(turn.device)

    def step_count(self) -> int:
        return len(self.guide.steps)

    def go_to(self, number: int, together: bool = True) -> List[Dict[str, Any]]:
        """Step `number` shown, with the steps shown in one go with it (`with_next` in the
        knowledge file: taps on the way); the walkthrough then stands at the last of them."""
        number = min(max(number, 1), self.step_count())
        last = self.guide.shown_with(number) if together else number
        for earlier in range(number, last):
            self._show(earlier, buttons=False)
        number = last
        defaulted = number == self.form_step and not self._form_choices_known()
        if defaulted:
            # No choice yet: the recommended account (IMAP, SSL) with its values at once, and
            # the way to POP3 or no SSL one tap away – no two questions before the form.
            self._default_choices()
        self._show(number, buttons=not defaulted)  # defaulted: the choice's buttons come last
        if defaulted:
            other_protocol = next(p for p in knowledge.incoming_protocols() if p != self.protocol)
            other_security = "plain" if self.security == "ssl" else "ssl"
            self.dispatcher.utter_message(
                response="utter_form_defaults",
                protocol_label=knowledge.protocol_label(self.protocol),
                security_label=knowledge.security_label(self.security),
                # (POP3 talked about before: its values, but no recommendation of it)
                recommended=" – to doporučujeme"
                if self.protocol == knowledge.recommended_protocol()
                else "",
                buttons=[
                    NAV_BUTTONS[0],
                    {
                        "title": f"{knowledge.protocol_label(other_protocol)} místo "
                        f"{knowledge.protocol_label(self.protocol)}",
                        "payload": f'/inform{{"protocol":"{other_protocol}"}}',
                    },
                    {
                        "title": _first_upper(knowledge.security_label(other_security)),
                        "payload": f'/inform{{"security":"{other_security}"}}',
                    },
                    NAV_BUTTONS[3],
                ],
            )
            return self._standing(number, Pending.FORM_VALUES, choices=True)
        if number == self.form_step:  # the values stay open to a change ("a bez SSL")
            return self._standing(number, Pending.FORM_VALUES)
        if number == self.step_count():
            return self.finish()
        return self._standing(number, None)

    def show_all(self, stand_at: Optional[int] = None) -> List[Dict[str, Any]]:
        """Every step in one go, as an agent would write it: the steps before the account form
        as a list, the form with its values, the steps after it. The walkthrough then stands at
        `stand_at` (by default its last step): "hotovo" gets the summary, "jsem u serverů" goes
        to that step, and from the first step a bare "mám otevřené" goes on step by step."""
        self._default_choices()
        steps = self.guide.steps
        self.dispatcher.utter_message(
            response="utter_all_steps", steps_list=_numbered(steps[: self.form_step - 1], 1)
        )
        self._show(self.form_step, buttons=False)
        self.dispatcher.utter_message(
            response="utter_all_steps_end",
            steps_list=_numbered(steps[self.form_step :], self.form_step + 1),
            buttons=ALL_STEPS_END_BUTTONS,
        )
        return self._standing(stand_at or self.step_count(), None, choices=True)

    def outgoing_values(self) -> List[Dict[str, Any]]:
        """The form's outgoing server part alone, at the form step."""
        self._default_choices()
        if lexicon.says("both_boxes_asked", self.folded):  # "…mám dát obě?": yes
            self.dispatcher.utter_message(**replies.both_boxes_message(self.folded))
        self.dispatcher.utter_message(response="utter_form_outgoing_values", **self._form_values())
        return self._standing(self.form_step, Pending.FORM_VALUES, choices=True)

    def _standing(
        self, number: int, pending: Optional[Pending], choices: bool = False
    ) -> List[Dict[str, Any]]:
        """The walkthrough open at step `number`, with the form's choices when made now."""
        chosen = (
            [SlotSet("form_protocol", self.protocol), SlotSet("form_security", self.security)]
            if choices
            else []
        )
        return (
            self.events
            + chosen
            + [
                SlotSet("walkthrough_step", float(number)),
                SlotSet("walkthrough_active", True),
                SlotSet("pending_question", pending.value if pending else None),
            ]
        )

    def choose(self, protocols: List[str], security: Optional[str]) -> None:
        """The account type and SSL choice the message names ("…, chci POP3"), kept."""
        incoming = [p for p in protocols if p in knowledge.incoming_protocols()]
        if len(incoming) == 1:
            self.protocol = incoming[0]
            self.events.append(SlotSet("form_protocol", self.protocol))
        if security in knowledge.SECURITY_CHOICES:
            self.security = security
            self.events.append(SlotSet("form_security", self.security))

    def choose_wished(self, turn: Turn) -> None:
        """The account type the message wishes for ("outlook na pop3", "chci POP3 a Thunderbird
        nic nenašel"), not one it had before ("na starém jsem měl POP")."""
        if not lexicon.says("former_protocol", turn.frame.folded):
            self.choose(turn.protocols_here(), None)

    def _default_choices(self) -> None:
        if self.protocol not in knowledge.incoming_protocols():
            self.protocol = knowledge.recommended_protocol()
        if self.security not in knowledge.SECURITY_CHOICES:
            self.security = "ssl"

    def help(self, number: int) -> List[Dict[str, Any]]:
        step = self.guide.steps[number - 1]
        self.dispatcher.utter_message(
            response="utter_step_help", help=step.help, buttons=NAV_BUTTONS
        )
        return [SlotSet("walkthrough_step", float(number))]  # still here: no offer to resume

    def stop(self) -> List[Dict[str, Any]]:
        self.dispatcher.utter_message(response="utter_walkthrough_stopped")
        return [SlotSet("walkthrough_active", False), SlotSet("pending_question", None)]

    def _form_choices_known(self) -> bool:
        return self.protocol in knowledge.incoming_protocols() and self.security in (
            knowledge.SECURITY_CHOICES
        )

    def _show(self, number: int, buttons: bool = True) -> None:
        step = self.guide.steps[number - 1]
        self.dispatcher.utter_message(
            response="utter_step",
            number=number,
            steps=self.step_count(),
            title=step.title,
            instruction=step.text,
            buttons=self._buttons(number) if buttons else [],
        )
        if number == self.form_step:  # replies.buttons_last moves the navigation under the values
            # (the seed's own form has its field names; other devices get the values alone)
            seed = self.guide.id == knowledge.guide().id
            response = "utter_form_values" if seed else "utter_form_values_device"
            self.dispatcher.utter_message(response=response, **self._form_values())

    def _buttons(self, number: int) -> List[Dict[str, str]]:
        if number == self.step_count():
            return []
        first = number == self.guide.shown_with(1)  # the first message's last step
        return NAV_BUTTONS + [ALL_STEPS_BUTTON] if first else NAV_BUTTONS

    def _form_values(self) -> Dict[str, Any]:
        return replies.chosen_values(self.protocol, self.security)

    def finish(self) -> List[Dict[str, Any]]:
        """The last step reached: a summary of the choices and the test e-mail."""
        values = self._form_values() if self._form_choices_known() else None
        if values:
            self.dispatcher.utter_message(response="utter_walkthrough_summary", **values)
        self.dispatcher.utter_message(response="utter_walkthrough_check")
        return self.events + [
            SlotSet("walkthrough_step", float(self.step_count())),
            SlotSet("walkthrough_active", False),
            SlotSet("pending_question", None),
        ]


# "mám tam Microsoft 365, …, POP, IMAP. dal jsem IMAP": the one picked, not the first named
PICKED = re.compile(
    r"\b(dal\w*|zvolil\w*|zvolen\w*|vybral\w*|vybran\w*|klikl\w*|kliknul\w*|klepl\w*|"
    r"klepnul\w*|tukl\w*|oznacil\w*|zaskrtl\w*|nechal\w*)( jsem| sem| bych)?( tam| na| to)* "
    r"(imap|pop3?)\b"
)


def _picked(folded: str) -> Optional[str]:
    found = PICKED.findall(folded)
    return ("imap" if found[-1][-1] == "imap" else "pop3") if found else None


# "mám ho nechat?", "může to zůstat?": whether the account type already there will do
KEEP_ASKED = re.compile(
    r"\b(nechat|ponechat|zustat|muze zustat|je to (ok|v poradku|dobre|spravne)|vadi)\b[^.!]*\?"
)


def answer_form_choice(
    dispatcher: CollectingDispatcher, turn: Turn, security: Optional[str] = None
) -> Optional[List[Dict[str, Any]]]:
    """The customer picked IMAP/POP3 or SSL before the account form (button, typed, or
    "ano"/"ne" to the SSL question, passed as `security`). An answer that picks nothing gets
    the question again: the form's values are never skipped."""
    turn_ = Walkthrough(dispatcher, turn)
    frame = turn.frame
    # (another device's account type is no pick: "…na notebooku mám POP3 v Outlooku")
    protocol = _picked(frame.folded) or next(
        (p for p in turn.protocols_here() if p in knowledge.incoming_protocols()), None
    )
    chosen = security or (frame.security if frame.security in knowledge.SECURITY_CHOICES else None)
    if turn.pending == Pending.WALKTHROUGH_PROTOCOL and not protocol:
        dispatcher.utter_message(response=FORM_QUESTIONS_AGAIN[turn.pending])
        return []
    if turn.pending == Pending.WALKTHROUGH_SECURITY and not chosen and not protocol:
        dispatcher.utter_message(response=FORM_QUESTIONS_AGAIN[turn.pending])
        return []
    if turn.pending == Pending.FORM_VALUES and not chosen and not protocol:
        return None  # "hotovo", a question: not a change of the account type
    if protocol and KEEP_ASKED.search(frame.folded):  # "typ účtu je tam POP3, mám ho nechat?"
        dispatcher.utter_message(response="utter_form_keep_ok", **replies.protocol_values(protocol))
    turn_.protocol = protocol or turn_.protocol
    turn_.security = chosen or turn_.security
    choice = [
        SlotSet("form_protocol", turn_.protocol),
        SlotSet("form_security", turn_.security),
        SlotSet("protocol", turn_.protocol),  # a follow-up ("a bez SSL?") continues from here
        SlotSet("security", turn_.security),
    ]
    return choice + turn_.go_to(turn_.form_step)


def device_button(guide: knowledge.Guide) -> Dict[str, str]:
    return {"title": guide.short, "payload": f'/inform{{"device":"{guide.id}"}}'}


def device_buttons() -> List[Dict[str, str]]:
    return [device_button(guide) for guide in knowledge.guides().values()]


def asked_device(turn: Turn) -> bool:
    """The device question was asked in this conversation already (it is asked once)."""
    return any(
        (event.get("metadata") or {}).get("utter_action")
        in ("utter_ask_device", "utter_en_ask_device")
        for event in turn.tracker.events
        if event.get("event") == "bot"
    )


def ask_device(dispatcher: CollectingDispatcher, english: bool = False) -> List[Dict[str, Any]]:
    """Which phone or program, with a button for each guide (asked in English of a customer
    who writes English)."""
    response = "utter_en_ask_device" if english else "utter_ask_device"
    dispatcher.utter_message(response=response, buttons=device_buttons())
    return [SlotSet("pending_question", Pending.DEVICE.value)]


def utter_intro(dispatcher: CollectingDispatcher, turn: Turn, midway: bool = False) -> None:
    """Whose steps these are: the device named, or the seed's Windows Phone when none was;
    the whole way in one line from the start, not to someone already on the way (`midway`)."""
    if turn.device in knowledge.guides():
        dispatcher.utter_message(
            response="utter_walkthrough_intro_midway"
            if midway
            else "utter_walkthrough_intro_device"
        )
        utter_profile_offer(dispatcher, turn)
    else:
        dispatcher.utter_message(response="utter_walkthrough_intro")


def utter_profile_offer(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    """The profile, where the device takes one (not to someone who has just said no to
    profiles: "ručně, bez profilů")."""
    if knowledge.guide(turn.device).profile and not lexicon.says("no_profile", turn.frame.folded):
        dispatcher.utter_message(response="utter_profile_offer")


def walkthrough_turn(
    intent: Optional[str], dispatcher: CollectingDispatcher, turn: Turn
) -> List[Dict[str, Any]]:
    walk = Walkthrough(dispatcher, turn)
    step = turn.step
    if intent == "start_walkthrough":
        if not turn.device and not asked_device(turn):
            return ask_device(dispatcher, english=turn.frame.language == "en")
        return start(walk, dispatcher, turn)
    if intent == "resume_walkthrough":  # the message the walkthrough stands at, whole
        if shown_with(turn.tracker, step) == {step}:
            return walk.go_to(step, together=False)  # (the customer had gone to it alone)
        return walk.go_to(walk.guide.message_start(step))
    if intent == "step_all":
        if not turn.device and not asked_device(turn):
            return ask_device(dispatcher, english=turn.frame.language == "en")
        return walk.show_all()
    if intent == "step_goto" and turn.walkthrough_started and turn.frame.step:
        return walk.go_to(turn.frame.step)  # "vrať se na pětku" after the last step
    if not turn.walkthrough_active:
        # "hotovo", "zpět"... with no walkthrough running: offer one instead of guessing.
        dispatcher.utter_message(response="utter_offer_walkthrough")
        return [SlotSet("pending_question", Pending.WALKTHROUGH_OFFER.value)]
    if intent in ("step_done", "step_skip", "affirm"):
        # after the whole guide at once: its summary, unless a step on the way is reported
        # ("mám otevřené" goes on step by step)
        whole = whole_guide_shown_last(turn.tracker) and not lexicon.says(
            "what_next", turn.frame.folded
        )
        if step >= walk.step_count() or (whole and _form_reported_done(turn)):
            return walk.finish()
        shown_with_form = (
            step == walk.form_step
            and walk.guide.message_start(step) < step
            and shown_with(turn.tracker, step) != {step}  # (shown alone already: "ok" goes on)
        )
        if shown_with_form and not _form_reported_done(turn):
            # a bare "mám", "kliknuto" after the steps shown with the form: a step on the way
            # is done, the form is where they are heading – it again, with its values
            return walk.go_to(step, together=False)
        return walk.go_to(step + 1)
    if intent == "step_back":  # (one step back, even from a step shown with others)
        return walk.go_to(step - 1, together=False)
    if intent == "step_goto":
        return walk.go_to(turn.frame.step or step)
    if intent in ("step_help", "deny"):
        return walk.help(step)
    if intent == "stop_walkthrough":
        return walk.stop()
    return walk.go_to(step)  # step_repeat


def start(
    walk: "Walkthrough", dispatcher: CollectingDispatcher, turn: Turn, stepping: bool = False
) -> List[Dict[str, Any]]:
    """The walkthrough from its start. A device's guide comes whole, as an agent would send it
    (the customer does it all and comes back only when stuck); the seed's Windows Phone guide
    goes step by step, as the seed describes it, and so does any guide asked for step by step
    or `stepping` (a device switched in a walkthrough that went step by step)."""
    named = turn.frame.step if turn.frame.step_explicit else None
    if named and named > 1 and not turn.walkthrough_started:
        # "jsem u šestého kroku", "první dva kroky mám za sebou, třetí je kde?": from there
        utter_intro(dispatcher, turn, midway=True)
        return walk.go_to(named, together=False)
    if walk.guide.id == knowledge.guide().id or stepping or _step_by_step_asked(turn):
        if not turn.walkthrough_started or turn.device_changed:  # whose steps, said once
            utter_intro(dispatcher, turn)
        return walk.go_to(1)
    walk.choose_wished(turn)  # "outlook na pop3": the form's values for it
    utter_profile_offer(dispatcher, turn)
    # (standing at the first step: "mám otevřené nastavení" goes on to the next one)
    return walk.show_all(stand_at=1)


def _step_by_step_asked(turn: Turn) -> bool:
    """ "Krok za krokem", "proveďte mě tím": in this message, or in the one the device question
    answered."""
    asked_before = "utter_ask_device" in last_responses(turn.tracker)
    return lexicon.says("step_by_step", turn.frame.folded) or (
        asked_before and lexicon.says("step_by_step", fold(previous_text(turn.tracker)))
    )


def _form_reported_done(turn: Turn) -> bool:
    """The account form is behind the customer: its button ("Hotovo" under the values), or
    words of filling, finishing or success – not a bare "mám", "ok" or "kliknuto"."""
    folded = turn.frame.folded
    # (a button's payload has no text of its own)
    return not turn.frame.text or any(
        lexicon.says(entry, folded) for entry in ("finished", "filled", "glad_it_works")
    )


# The account type tapped or chosen ("kliknul jsem na POP", "vybrala jsem IMAP")
TAPPED_TYPE = re.compile(
    r"\b(klik|klep|tuk|zvol|vybr|zmack|dal)\w*( jsem| sem)?( na)? (?P<type>imap|pop3?)\b"
)


def enter_at(
    dispatcher: CollectingDispatcher, turn: Turn, position: Position
) -> List[Dict[str, Any]]:
    """The customer said where they are ("přidat účet mám za sebou", "vyskočilo hlášení…"):
    that step, or the help for the notice they see; the walkthrough runs from there."""
    walk = Walkthrough(dispatcher, turn)
    if not turn.walkthrough_started:  # said once: whose steps these are
        utter_intro(dispatcher, turn, midway=position.step > 1)
    walk.choose_wished(turn)
    # ("jsem v přidat účet, ale jiný účet tam nevidím": the opened screen, its help)
    lost_there = turn.frame.needs_help and opened_step(turn.frame.folded, turn.device)
    if position.at_notice or lost_there:
        help_events = walk.help(position.step)
        # the notice above the form, or on the way to it: the way on and the values follow
        if position.step == walk.form_step or walk.guide.steps[position.step - 1].with_next:
            return walk.go_to(position.step)
        return walk.events + help_events + [SlotSet("walkthrough_active", True)]
    if position.at_then:  # "klikl jsem na přidat účet": the step's second action
        return utter_then(dispatcher, turn, position.step)
    if position.seen and _tap_only(walk, position.step):
        # "vidím tlačítko přidat účet": this step, and what comes after the tap at once; the
        # walkthrough stays here, so "klepl jsem na to" is this tap, never a step skipped
        events = walk.go_to(position.step)
        if position.step + 1 != walk.form_step:  # (the form's text needs its values: shown next)
            dispatcher.utter_message(
                response="utter_step_preview", preview=walk.guide.steps[position.step].text
            )
        return events
    if position.by_label:  # "mám tam POP, hotovo": the account type tapped is the form's
        chosen = [p for p in turn.frame.protocols if p in knowledge.incoming_protocols()]
        if len(chosen) > 1:  # "jsem u výběru IMAP/POP, kliknul jsem na POP": the one tapped
            tapped = TAPPED_TYPE.search(turn.frame.folded)
            chosen = [p for p in [canonical_protocol(tapped.group("type"))] if p] if tapped else []
        walk.protocol = chosen[0] if chosen else walk.protocol
        # "imap" alone at the account type's step: chosen, so the form with its values is next
        # ("nabízí to IMAP, POP3 a Exchange" is what they see, "IMAP, nebo POP?" asks)
        choosing = walk.guide.steps[position.step - 1].id == ACCOUNT_TYPE_STEP_ID
        if (
            choosing
            and len(chosen) == 1
            and "?" not in turn.frame.text
            and not lexicon.says("seeing_marker", turn.frame.folded)
        ):
            return walk.go_to(position.step + 1)
    if position.step == walk.form_step and turn.frame.protocols == ["smtp"]:
        return walk.outgoing_values()  # "jsem v nastavení serveru odchozí pošty": that part
    # (a label passed names the next step: what they filled was on an earlier one)
    filled = None if position.by_label else after_filling(dispatcher, turn, position.step)
    return filled or walk.go_to(position.step)


def _tap_only(walk: "Walkthrough", number: int) -> bool:
    """Step `number` is one tap and no more: no second action, fields, notice or choice, and
    not the last step."""
    step = walk.guide.steps[number - 1]
    return (
        number < walk.step_count()
        and number != walk.form_step
        and step.id != ACCOUNT_TYPE_STEP_ID
        and not (step.then or step.after_filling or step.notice)
    )


def after_filling(
    dispatcher: CollectingDispatcher, turn: Turn, number: int
) -> Optional[List[Dict[str, Any]]]:
    """ "Políčka mám vyplněná, co teď?": the button that finishes step `number`, still at it;
    None when the message says no such thing or the step has no fields."""
    # "vyplněné, ale co dám do jména?", "…jen nevím, jestli zaškrtnout…": that question
    # ("nevím, na co kliknout" asks for the button)
    unsure = turn.frame.unsure and not lexicon.says("which_button", turn.frame.folded)
    # ("vyplněno, kliknul jsem na Připojit a hází to chybu": the button pressed, its notice met)
    position = turn.frame.position
    at_notice = bool(position and position.at_notice and position.step == number)
    if (
        turn.frame.asks
        or unsure
        or at_notice
        or not reports_filled(turn, number)
        or _past_notice(turn, number)
    ):
        return None
    return utter_after_filling(dispatcher, number, turn.device)


def _past_notice(turn: Turn, number: int) -> bool:
    """The customer's last message met step `number`'s notice ("…hlásí, že nejde najít
    nastavení"): its button pressed, so "a tam mám dát co?" asks what comes after it."""
    before = where(fold(previous_text(turn.tracker)), turn.device)
    return bool(before and before.at_notice and before.step == number)


def reports_filled(turn: Turn, number: int) -> bool:
    """The fields of step `number` are filled, or the customer asks which button ends it."""
    folded = turn.frame.folded
    # "hotovo, vyplněno. kliknu na připojit?": the button asked about, so not finished yet
    tap = lexicon.says("tap_question", folded)
    # ("hotovo, všechno vyplněný, kam teď ťuknout?": the button asked, whatever "hotovo" says)
    button = lexicon.says("which_button", folded)
    return bool(
        knowledge.steps(turn.device)[number - 1].after_filling
        and (lexicon.says("filled", folded) or button or tap)
        and (tap or button or not lexicon.says("finished", folded))
    )


def utter_after_filling(
    dispatcher: CollectingDispatcher, number: int, device: Optional[str]
) -> List[Dict[str, Any]]:
    step = knowledge.steps(device)[number - 1]
    dispatcher.utter_message(response="utter_step_after_filling", after_filling=step.after_filling)
    return [SlotSet("walkthrough_step", float(number)), SlotSet("walkthrough_active", True)]


def utter_then(dispatcher: CollectingDispatcher, turn: Turn, number: int) -> List[Dict[str, Any]]:
    walk = Walkthrough(dispatcher, turn)
    then = walk.guide.steps[number - 1].then
    if then is None:  # (another device's position): the step itself
        return walk.go_to(number)
    if walk.guide.shown_with(number + 1) > number + 1:
        # past the provider list the rest of the way to the form comes at once: the choice,
        # then those steps
        dispatcher.utter_message(response="utter_step_then_first", then=then.text)
        return walk.go_to(number + 1)
    dispatcher.utter_message(response="utter_step_then", then=then.text)
    return [SlotSet("walkthrough_step", float(number)), SlotSet("walkthrough_active", True)]


def _numbered(steps: Sequence[knowledge.Step], first: int) -> str:
    return "\n".join(f"{n}. **{s.title}**: {s.text}" for n, s in enumerate(steps, first))


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]  # "bez SSL" -> "Bez SSL" (str.capitalize lowers "SSL")
