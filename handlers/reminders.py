"""(placeholder: this capability's handlers are being written)"""
from __future__ import annotations

ROUTES: list = []
JOBS: list = []
MEDIA_LISTENERS: list = []
