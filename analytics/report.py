"""The helpdesk report: volume, channels, containment, fallbacks, intents, Open SMTP cases and
the walkthrough funnel for a date range, as numbers, a terminal table and a self-contained
HTML page with PNG plots."""

import base64
import html
import io
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Dict, List, Tuple

from actions import knowledge
from actions.topics import intent_title
from analytics.conversations import FIX_WORKED_RESPONSE, Conversation
from stores import handoffs

# The funnel's length: the longest device guide (a step number means the same step per device).
STEPS = max(len(guide.steps) for guide in knowledge.guides().values())
# What the report lists of each handoff record (stores/handoffs.py), with Czech headings.
HANDOFF_COLUMNS = {
    "id": "č.",
    "created_at": "čas (UTC)",
    "channel": "kanál",
    "reason": "důvod",
    "topic": "téma",
    "conversation_id": "konverzace",
}
OPEN_SMTP_INTENT = "open_smtp_ticket"


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat(timespec="seconds")


def handoff_records(start: float, end: float, url: str) -> List[Dict[str, Any]]:
    """The handoff records (stores/handoffs.py) created in [start, end)."""
    return handoffs.between(_iso(start), _iso(end), url)


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).date().isoformat()


def open_smtp_outcome(conversation: Conversation) -> str:
    """resolved / handed_off / open, for a conversation that asked about the ticket."""
    asked = [m.timestamp for m in conversation.messages if m.intent == OPEN_SMTP_INTENT]
    if not asked:
        return ""
    if any(t >= asked[0] for t in conversation.handoff_times):
        return "handed_off"
    after = [name for t, kind, name in conversation.timeline if kind == "bot" and t >= asked[0]]
    return "resolved" if FIX_WORKED_RESPONSE in after else "open"


def figures(conversations: List[Conversation]) -> Dict[str, Any]:
    messages = [m for c in conversations for m in c.messages]
    typed = [m for m in messages if not m.is_payload]
    handed_off = sum(c.handed_off for c in conversations)
    outcomes = Counter(open_smtp_outcome(c) for c in conversations)
    outcomes.pop("", None)
    walkthrough = [c.max_step for c in conversations if c.max_step]
    satisfaction: Dict[str, Counter] = {}
    for c in conversations:
        for rating in c.ratings:
            satisfaction.setdefault(rating.get("topic") or "jiné", Counter())[
                rating.get("value")
            ] += 1
    per_day: Dict[str, Counter] = {}
    for m in messages:
        per_day.setdefault(_day(m.timestamp), Counter())[m.intent] += 1
    return {
        "conversations": len(conversations),
        "messages": len(messages),
        "channels": dict(Counter(c.channel for c in conversations).most_common()),
        "handoffs": handed_off,
        "resolved": sum(c.resolved for c in conversations),
        "resolution_rate": round(sum(c.resolved for c in conversations) / len(conversations), 3)
        if conversations
        else None,
        "containment_rate": round(1 - handed_off / len(conversations), 3)
        if conversations
        else None,
        "fallback_rate": round(sum(m.fell_back for m in typed) / len(typed), 3) if typed else None,
        "top_intents": Counter(m.intent for m in messages).most_common(10),
        "satisfaction": {
            topic: {"up": n["up"], "down": n["down"]} for topic, n in sorted(satisfaction.items())
        },
        "unhappy_conversations": [
            c.sender_id for c in conversations if any(r.get("value") == "down" for r in c.ratings)
        ],
        "open_smtp": {k: outcomes.get(k, 0) for k in ("resolved", "handed_off", "open")},
        "walkthrough_reached": [
            sum(step >= n for step in walkthrough) for n in range(1, STEPS + 1)
        ],
        "walkthrough_stopped_at": [sum(step == n for step in walkthrough) for n in range(1, STEPS)],
        "intents_per_day": {day: dict(counts) for day, counts in sorted(per_day.items())},
    }


def percent(value) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def summary_rows(result: Dict[str, Any]) -> List[Tuple[str, Any]]:
    return [
        ("Konverzace", result["conversations"]),
        ("Zprávy zákazníků", result["messages"]),
        ("Kanály", ", ".join(f"{k} {v}" for k, v in result["channels"].items()) or "–"),
        (
            "Vyřešeno (potvrdil opravu / dokončil návod)",
            f"{result['resolved']} ({percent(result['resolution_rate'])})",
        ),
        ("Bez předání podpoře (containment)", percent(result["containment_rate"])),
        ("Předáno podpoře", result["handoffs"]),
        ("Nepochopené zprávy (fallback)", percent(result["fallback_rate"])),
        (
            "Open SMTP: vyřešeno / předáno / otevřeno",
            " / ".join(str(result["open_smtp"][k]) for k in ("resolved", "handed_off", "open")),
        ),
        (f"Návod: dosáhli kroku 1…{STEPS}", " ".join(map(str, result["walkthrough_reached"]))),
        (
            "Nejčastější záměry",
            ", ".join(f"{intent_title(i)} {n}" for i, n in result["top_intents"][:5]) or "–",
        ),
        (
            "Hodnocení 👍 / 👎 podle tématu",
            "; ".join(
                f"{topic} {n['up']} / {n['down']}" for topic, n in result["satisfaction"].items()
            )
            or "–",
        ),
        ("Konverzace s 👎", ", ".join(result["unhappy_conversations"]) or "–"),
    ]


def terminal_table(result: Dict[str, Any]) -> str:
    rows = summary_rows(result)
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def handoff_table(records: List[Dict[str, Any]]) -> str:
    if not records:
        return "\nPředání podpoře: žádná"
    lines = [" | ".join(HANDOFF_COLUMNS.values())]
    lines += [" | ".join(str(record[key]) for key in HANDOFF_COLUMNS) for record in records]
    return "\nPředání podpoře:\n" + "\n".join(lines)


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode()


def plots(result: Dict[str, Any]) -> Dict[str, str]:
    """Base64 PNGs: the walkthrough funnel and the top intents per day."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    funnel, axes = plt.subplots(figsize=(7, 3.2))
    steps = list(range(1, STEPS + 1))
    axes.bar(steps, result["walkthrough_reached"], color="#1656f0")
    axes.set_xticks(steps)
    axes.set_xlabel("krok návodu")
    axes.set_ylabel("konverzace")
    axes.set_title("Kolik konverzací dosáhlo kroku návodu")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if not any(result["walkthrough_reached"]):  # 0 to 1, not a range around 0
        axes.set_ylim(0, 1)
    funnel_png = _png(funnel)
    plt.close(funnel)

    days = list(result["intents_per_day"])
    top = [intent for intent, _ in result["top_intents"][:5]]
    timeline, axes = plt.subplots(figsize=(7, 3.2))
    # Bars side by side per day: readable with one day of data as with thirty.
    width = 0.8 / max(len(top), 1)
    for number, intent in enumerate(top):
        axes.bar(
            [d + number * width for d in range(len(days))],
            [result["intents_per_day"][day].get(intent, 0) for day in days],
            width=width,
            label=intent_title(intent),
        )
    axes.set_xticks([d + 0.4 - width / 2 for d in range(len(days))])
    axes.set_xticklabels(days)
    axes.set_ylabel("zprávy")
    axes.set_title("Nejčastější záměry po dnech")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if top:
        axes.legend(fontsize=7)
    axes.tick_params(axis="x", labelrotation=45, labelsize=7)
    timeline_png = _png(timeline)
    plt.close(timeline)
    return {"funnel": funnel_png, "intents": timeline_png}


def _handoff_html(records: List[Dict[str, Any]]) -> str:
    if not records:
        return "<p>Žádná.</p>"
    head = "".join(f"<th>{html.escape(title)}</th>" for title in HANDOFF_COLUMNS.values())
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(str(record[key]))}</td>" for key in HANDOFF_COLUMNS)
        + "</tr>"
        for record in records
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def html_page(result: Dict[str, Any], start_day: str, end_day: str) -> str:
    images = plots(result)
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"
        for label, value in summary_rows(result)
    )
    return f"""<!DOCTYPE html>
<html lang="cs"><head><meta charset="utf-8"><title>Helpdesk {start_day} – {end_day}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;color:#1d2733}}
th{{text-align:left;padding-right:1.5rem;font-weight:600}}td,th{{padding:.2rem 0}}img{{max-width:100%}}</style>
</head><body>
<h1>Helpdesk: e-mail v telefonu</h1>
<p>Období {start_day} – {end_day}</p>
<table>{rows}</table>
<h2>Předání podpoře</h2>
{_handoff_html(result.get("handoff_records") or [])}
<h2>Návod krok za krokem</h2>
<img alt="Kolik konverzací dosáhlo kroku návodu" src="data:image/png;base64,{images["funnel"]}">
<p>Skončili u kroku 1…{STEPS - 1}: {" ".join(map(str, result["walkthrough_stopped_at"]))}</p>
<h2>Záměry v čase</h2>
<img alt="Nejčastější záměry po dnech" src="data:image/png;base64,{images["intents"]}">
</body></html>
"""
