#!/usr/bin/env python3
"""Send one customer message to the bot and append the turn to a per-customer transcript.
Usage: say.py <sender> <message>   (message may be a button payload like /start_walkthrough)
"""
import json, sys, os, urllib.request, datetime
URL = "http://localhost:5005/webhooks/rest/webhook"
DIR = os.path.dirname(os.path.abspath(__file__))
sender, msg = sys.argv[1], " ".join(sys.argv[2:])
req = urllib.request.Request(URL, data=json.dumps({"sender": sender, "message": msg}).encode("utf-8"),
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=60) as r:
    replies = json.loads(r.read().decode("utf-8"))
path = os.path.join(DIR, f"{sender}.md")
new = not os.path.exists(path)
n = 1
if not new:
    n = sum(1 for l in open(path, encoding="utf-8") if l.startswith("**Zákazník")) + 1
out = []
if new:
    out.append(f"# Transcript {sender}\n")
out.append(f"**Zákazník ({n}):** {msg}\n")
for m in replies:
    if m.get("text"):
        out.append("> **Bot:** " + m["text"].replace("\n", "\n> ") + "\n")
    if m.get("image"):
        out.append(f"> [obrázek: {m['image']}]\n")
    if m.get("buttons"):
        out.append("> Tlačítka: " + " | ".join(f"[{b['title']}]({b['payload']})" for b in m["buttons"]) + "\n")
    if m.get("custom"):
        out.append("> custom: " + json.dumps(m["custom"], ensure_ascii=False) + "\n")
with open(path, "a", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(f"--- {sender} turn {n}: {msg}")
print("\n".join(out[1:] if new else out[1:]))
