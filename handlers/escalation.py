"""(placeholder: this capability's handlers are being written)"""
from __future__ import annotations

COMMAND_ROUTES: list = []   # adviser commands, 问专家, 解决了, attachments to an open ticket
FALLBACK_ROUTES: list = []  # whatever the bot cannot answer confidently becomes a ticket
JOBS: list = []
MEDIA_LISTENERS: list = []
