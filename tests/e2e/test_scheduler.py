"""The scheduler: one lease holder among processes, and tick's job list."""

from __future__ import annotations

from bot import scheduler


def test_only_one_holder_runs_the_jobs(bot):
    assert scheduler.holds_lease(bot, "host:1")
    assert not scheduler.holds_lease(bot, "host:2")
    assert scheduler.holds_lease(bot, "host:1")  # renewing


def test_an_expired_lease_is_taken_over(bot):
    from datetime import timedelta

    from bot import clock
    from bot.db import transaction
    from bot.store import leases

    with transaction(bot.db):
        past = clock.utcnow() - timedelta(minutes=5)
        leases.acquire(bot.db, scheduler.LEASE, "dead-process", clock.to_db(past), clock.to_db(past))
    assert scheduler.holds_lease(bot, "host:2")


def test_tick_runs_every_job_once(bot):
    names = [job.name for job in scheduler.jobs(bot)]
    assert names[0] == "download_media" and names[-1] == "send_outbox"
    assert len(names) == len(set(names))  # no job listed twice (run_due's dict would hide it)
    assert list(scheduler.run_due(bot, bot.clock())) == names


def test_tick_command_parses_local_time(config_file, capsys):
    from bot.cli import main

    assert main(["--config", str(config_file), "tick", "--now", "2027-03-05T09:00"]) == 0
    out = capsys.readouterr().out
    assert "send_outbox" in out and "download_media" in out


def test_waitress_trusts_a_proxy_only_when_configured(config):
    from bot.cli import waitress_options

    assert "trusted_proxy" not in waitress_options(config)
    behind = waitress_options(config.with_overrides({"server.trusted_proxy": "127.0.0.1"}))
    assert behind["trusted_proxy"] == "127.0.0.1" and "x-forwarded-for" in behind["trusted_proxy_headers"]
    assert behind["max_request_body_size"] >= config.get("dashboard.upload_max_bytes")
