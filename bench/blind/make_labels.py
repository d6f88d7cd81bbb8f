"""Write the label list a blind FAQ writer sees: entry ids and titles, species fields, recommendation labels.

Run by hand:  .venv/bin/python bench/blind/make_labels.py OUT_DIR   (writes OUT_DIR/labels.md)

Only ids and titles: never an entry's questions or answer, so that a writer does not echo the matcher's patterns.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# what each species field answers, in the writer's words (the fields of messages/species.toml the FAQ answers from)
FIELDS = {
    "card": "the tree in general / is it good / tell me about it",
    "time": "when to plant",
    "light": "sun or shade",
    "soil": "soil",
    "water": "watering, wet ground",
    "fertilizer": "fertilising",
    "spacing": "how far apart",
    "growth": "how fast it grows",
    "flowering": "when/what flowers",
    "fruit": "when/how long until it fruits, fruit season",
    "pollination": "needs a partner tree to set fruit",
    "pruning": "pruning",
    "pests": "its usual pests and diseases in general, not a sick tree of mine",
    "sites": "where it suits",
    "house": "near the house: roots, distance, size",
}
SPECIAL = {
    "escalate": "only a person can answer: a problem with one particular tree (symptoms, spots, worms, leaves falling, no"
    " fruit on *my* tree), disputes with neighbours, theft, money owed, land/law matters, anything that needs someone"
    " to look, or a campaign fact the plan does not settle for this village",
    "chitchat": "greetings, thanks, small talk to the bot (你好, 谢谢, 辛苦了)",
    "bot.off_topic": "a question about something that is not trees, planting, the campaign or this account (weather"
    " forecast, lottery, a song, prices of phones …)",
    "missing:<short_english_topic>": "a general question a good FAQ should answer (not about one particular tree) but"
    " which none of the labels below covers",
}
TAGS = ("voice", "diagnosis", "safety", "hard", "judgement", "dispute", "law", "money", "land", "village_promise")


def entries() -> list[tuple[str, str]]:
    """(id, title) of every FAQ entry (messages/faq/*.toml but matching.toml)."""
    found = []
    for path in sorted((ROOT / "messages/faq").glob("*.toml")):
        if path.name != "matching.toml":
            found += [(e["id"], e.get("title", "")) for e in tomllib.loads(path.read_text("utf-8")).get("entry", [])]
    return found


def trees() -> list[str]:
    return [s["name"] for s in tomllib.loads((ROOT / "messages/species.toml").read_text("utf-8"))["species"]]


def places_and_purposes() -> tuple[list[str], list[str]]:
    from bot import nlu

    matching = tomllib.loads((ROOT / "messages/faq/matching.toml").read_text("utf-8"))
    return list(nlu.SITE_WORDS), list(matching["recommend"]["purposes"])


def labels_md() -> str:
    places, purposes = places_and_purposes()
    out = ["# FAQ labels (the `expected` column)", "", "Special labels:"]
    out += [f"- `{label}` — {what}" for label, what in SPECIAL.items()]
    out += ["", "## Entries (id — what it answers)"] + [f"- `{i}` — {title}" for i, title in entries()]
    out += [
        "",
        "## Species fields: `species.<tree>.<field>`",
        "Trees: " + "、".join(trees()) + " (use these names; 桃 = 桃子, 李 = 李子, 柿 = 柿子).",
        "Fields: " + ", ".join(f"`{f}` ({what})" for f, what in FIELDS.items()) + ".",
        "",
        "## Recommendations: `recommend.<place>`, `recommend.<purpose>`, `recommend.<place>+<purpose>`,"
        " `recommend.small`, `recommend.<place>+small`",
        "For 'what tree should I plant (here / for this)'. Places: "
        + "、".join(places)
        + ". Purposes: "
        + "、".join(purposes)
        + ". `small` = a small space/yard.",
        "",
        "Tags (third column, comma-separated, may be empty): " + ", ".join(TAGS) + ".",
    ]
    return "\n".join(out) + "\n"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    (out / "labels.md").write_text(labels_md(), "utf-8")
    print(out / "labels.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
