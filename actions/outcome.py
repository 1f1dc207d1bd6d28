"""What one route's answer is: the messages it says and the change of conversation state it
makes. One function (`StateChange.events`) turns the state change into Rasa events, so no
answer writes slot events of its own and the dispatcher never re-reads them.
"""

from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet, UserUtteranceReverted

Events = List[Dict[str, Any]]
UNSET: Any = object()  # a slot the answer leaves as it is


@dataclass
class StateChange:
    """The slots of domain.yml an answer may set (UNSET: unchanged; None: cleared)."""

    device: Any = UNSET
    protocol: Any = UNSET
    security: Any = UNSET
    form_protocol: Any = UNSET
    form_security: Any = UNSET
    walkthrough_step: Any = UNSET
    walkthrough_active: Any = UNSET
    pending_question: Any = UNSET
    asked_protocols: Any = UNSET
    last_topic: Any = UNSET
    last_topics: Any = UNSET
    rating: Any = UNSET
    rating_comment: Any = UNSET
    # Not slots: the message was not understood and is forgotten (Rasa's revert); every
    # topic answered, in order; the slots in the order they were set (the events' order).
    forget_message: bool = False
    topics: List[str] = field(default_factory=list)
    order: List[str] = field(default_factory=list)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in SLOTS and value is not UNSET:
            order = self.__dict__.setdefault("order", [])
            if name in order:
                order.remove(name)
            order.append(name)
        super().__setattr__(name, value)

    def absorb(self, events: Events) -> None:
        """The events an answer module returned (SlotSet, the revert), read into this change.
        A slot the domain does not have is an error here, not a silent no-op in Rasa."""
        for event in events:
            if event.get("event") == "rewind":
                self.forget_message = True
                continue
            name = event.get("name")
            if event.get("event") != "slot" or name not in SLOTS:
                raise ValueError(f"not a state change: {event}")
            setattr(self, name, event.get("value"))
            if name == "last_topic" and event.get("value") and event["value"] not in self.topics:
                self.topics.append(event["value"])

    def events(self) -> Events:
        slots: Dict[str, Any] = {name: getattr(self, name) for name in self.order}
        if len(self.topics) > 1:
            # Several questions answered: a follow-up continues all of them, the server last.
            slots["last_topics"] = self.topics
            slots["last_topic"] = "server" if "server" in self.topics else self.topics[-1]
        elif self.topics and "last_topics" not in slots:
            slots["last_topics"] = self.topics
        events: Events = [UserUtteranceReverted()] if self.forget_message else []
        return events + [SlotSet(name, value) for name, value in slots.items()]

    @property
    def steers(self) -> bool:
        """The answer moved or ended the walkthrough, or left a question open."""
        return self.walkthrough_active is False or any(
            value is not UNSET and value is not None
            for value in (self.walkthrough_step, self.pending_question)
        )


SLOTS = {f.name for f in fields(StateChange)} - {"forget_message", "topics", "order"}


@dataclass
class Outcome:
    """A route's answer: what is said (the dispatcher's messages) and the state change."""

    route: str
    messages: List[Dict[str, Any]] = field(default_factory=list)
    state: StateChange = field(default_factory=StateChange)
    more: bool = False  # the route said its part; later routes answer the rest of the message

    def stamp(self) -> None:
        """Each message carries the route that said it (the bot event's metadata), for
        `make transcript` and the inbox."""
        for message in self.messages:
            message.setdefault("route", self.route)


def merged(outcomes: List[Outcome]) -> Optional[Outcome]:
    """Several routes' outcomes as one, in order; later state wins, topics accumulate."""
    if not outcomes:
        return None
    total = Outcome(route="+".join(o.route for o in outcomes))
    for outcome in outcomes:
        outcome.stamp()
        # (one response said twice in a turn – "uživatel i heslo?" both naming the mailbox
        # password – is said once)
        said = [_unrouted(m) for m in total.messages]
        for message in outcome.messages:
            if _unrouted(message) not in said:
                total.messages.append(message)
                said.append(_unrouted(message))
        for name in outcome.state.order:
            setattr(total.state, name, getattr(outcome.state, name))
        total.state.topics += [t for t in outcome.state.topics if t not in total.state.topics]
        total.state.forget_message = total.state.forget_message or outcome.state.forget_message
    return total


def _unrouted(message: Dict[str, Any]) -> Dict[str, Any]:
    return {key: value for key, value in message.items() if key != "route"}
