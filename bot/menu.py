"""The custom menu, as data in messages/menu.toml: what WeChat shows, and what each click means."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from bot.messages import MESSAGES_DIR


@lru_cache(maxsize=1)
def load() -> dict:
    with open(MESSAGES_DIR / "menu.toml", "rb") as fh:
        return tomllib.load(fh)


def click_texts() -> dict[str, str]:
    """CLICK key -> the text command it stands for."""
    return {
        sub["key"]: sub["text"] for button in load()["button"] for sub in button.get("sub", [button]) if "key" in sub
    }


def wechat_menu() -> dict:
    """The JSON body of menu/create."""

    def item(entry: dict) -> dict:
        if "sub" in entry:
            return {"name": entry["name"], "sub_button": [item(s) for s in entry["sub"]]}
        return {"type": "click", "name": entry["name"], "key": entry["key"]}

    return {"button": [item(b) for b in load()["button"]]}
