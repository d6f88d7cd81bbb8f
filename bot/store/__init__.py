"""Every read and write, as small named functions; no SQL outside this package.

One module per idea; each owns its tables and declares them in its own
sqlite-utils ``Migrations`` set. ``MODULES`` is the order migrations run in
(a module's tables may refer to those of the modules before it).
"""
from bot.store import (admins, conversations, dashboard, followups, health, inbox, leases, media, outbox, plantings,
                       reminders, replay_guard, roster, tickets, tokens, users)

MODULES = [roster, users, inbox, conversations, outbox, media, tokens, leases, admins, plantings, followups, tickets,
           dashboard, reminders, replay_guard, health]
