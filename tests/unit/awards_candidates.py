"""The award candidates the awards' unit tests (test_awards.py, test_awards_boundaries.py) rank: one of each kind
(bot/awards.py ``PersonCandidate``, ``VillageCandidate``, ``AdviserCandidate``) by name, with only the figures a
test sets; everything else the same for every candidate, so that only what a test sets can decide."""

from __future__ import annotations

from bot import awards


def person(name, *, person_id=1, trees=0, checked=0, alive=0, tending=0, adopted=0) -> awards.PersonCandidate:
    return awards.PersonCandidate(
        person_id=person_id,
        name=name,
        village_id=1,
        village="埔心村",
        role="群众",
        trees=trees,
        records=1 if trees else 0,
        survival_checked=checked,
        survival_alive=alive,
        tending=tending,
        adopted=adopted,
    )


def village(
    name, *, village_id=1, on_time=0, completion=0.0, survival=None, coverage=None, participation=None
) -> awards.VillageCandidate:
    return awards.VillageCandidate(
        village_id=village_id,
        name=name,
        kind="村",
        town="",
        status="on_track",
        completion=completion,
        on_time=on_time,
        due=5,
        survival_rate=survival,
        household_coverage=coverage,
        party_participation=participation,
    )


def adviser(name, *, person_id=1, visits=0, answered=0, median=None) -> awards.AdviserCandidate:
    return awards.AdviserCandidate(
        person_id=person_id,
        name=name,
        villages="埔心村",
        village_count=1,
        visits=visits,
        villages_visited=1,
        answered=answered,
        median_hours=median,
    )
