"""Issue 17 §5, "the conversation goes where the villager means": held-out phrasings
(tests/data/conversation_probes_*.tsv) driven through the real /wechat route as signed XML, each from its own
follower, and judged by what the bot did (the inbox row's handler, the records it left), not by its words.

The files' header says what each context and expected kind means. One app serves a whole file (a follower per
probe), so the file runs in seconds."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from bot import hanzi, nlu
from bot.app import create_app
from bot.clock import to_db
from bot.db import transaction
from bot.nlu import parse_count
from bot.standin import WeChatStandIn
from bot.store import roster as roster_store
from bot.store import zones as zones_store
from tests.conftest import PUXIN, Clock, make_config, rows_of, transport_for

DATA = Path(__file__).resolve().parent.parent / "data"
TICKET_OPENER = "问专家 我家桂花叶子发黄还掉叶是怎么回事"

# What each expected kind accepts: the handlers (the inbox row's) that do what the villager means.
KINDS = {
    # round 84 (22a: '登记 陈秀英' then '埔心村'): the village the registration asked for, its answer (registration_reply)
    "register": {"register", "registration_reply"},
    # tidy76: how to change one's name (fix_name), as the sender may: the register route had been accepted too (round 16's
    # harness, before fix_name), whose reply to a registered sender is '您已经登记过了…' or a claim on another's name;
    # what the reply must say is checked below (``explains_the_rename``)
    "rename": {"fix_name"},
    # round 38: a cadre asking who has not planted (left_to_plant); a relative's own trees asked whether recorded:
    # where they are recorded and the household's count (relative_progress)
    # round 40: the village's line of a 通报 asked after (report_line: '上个月通报有冇滞后'), as the 通报 put its progress
    # round 54: why one's records wait for the check (review_why: '为什么我报的树还没核实', each with its reasons)
    # round 67 (20w): whether the record just finished was recorded ('登记咗未', '入咗数未': recorded_asked, sim62's route):
    # which record and the progress line, with none just finished the sender's progress (checked below: its 进度)
    "progress": {
        "my_progress",
        "village_progress",
        "left_to_plant",
        "relative_progress",
        "report_line",
        "review_why",
        "recorded_asked",
        "done_said",  # the lead (thirty-eighth session): '种好咯' just after a record, as recorded_asked (checked below)
        # round 75 (21m): a household asked by a person's name ('陈木棉嗰户种咗未'): a cadre's one of their village, anyone
        # else's own progress (checked in tests/e2e/test_conversation_round75.py: never another household's)
        "household_progress",
        # sim71: the village's count told ('今天全村种了120棵'): how it is counted (its verified records, 本村进度), which
        # had been a question for the adviser (round 37's and round 61's probes labelled it so)
        "village_count_told",
    },
    "unsubscribe": {"reminders_off"},
    "resubscribe": {"reminders_on"},
    # round 92: a ping whether received with nothing waiting: yes, received, then the one help text (pinged)
    "help": {"help", "pinged"},
    # round 21: asking after an open question is answered with the waiting (ticket_wait: no ticket, the FAQ's answer)
    "question": {
        "faq_answer",
        "ticket_from_question",
        "ask_expert",
        "ticket_follow_up",
        "photo_question",
        "ticket_wait",
        "event_asked",  # round 23: the planting day asked about, its own details (or none set yet)
        # round 92: whether an adviser's answers still come after 退订 ('退订之后仲收唔收到专家回复'): answered by the line
        # that they are no reminder (answers_unwanted's reply; tests/e2e/test_conversation_round92.py checks it)
        "answers_unwanted",
        # round 94: whether reminders still come after 退订 ('退订咗仲会唔会有提醒'): what 退订 stops, nothing switched off
        "reminders_after_off_asked",
    },
    # round 68 (20y): trees reported, then a question in the clauses after ('木眠树一棵 顺便问几时淋水'): the record (checked
    # below: a record left) with the question answered or sent on (planting_text_then_asked)
    "planting": {"planting_text", "planting_text_then_asked"},
    # round 44: a spell of weather told within the ticket's window (ticket_supplement_weather) is its 补充 too; the
    # ticket's question asked again in other words (ticket_repeat since the reading of a repeat was made one, mech61:
    # the words join the ticket with the 补充's reply, as ticket_supplement_text had done) too
    "supplement": {"ticket_supplement_text", "ask_expert_supplement", "ticket_supplement_weather", "ticket_repeat"},
    # round 19: an explicit 问专家 about another tree is its own ticket too (ask_expert; two tickets, checked below)
    "new": {"faq_answer", "ticket_from_question", "ask_expert", "event_asked"},  # round 23: the day asked about
    # round 19: the second message joining the first's ticket as 补充 leaves one ticket too; round 57: the question
    # after a bare 问专家 opens the one ticket (ask_expert_question)
    "one-ticket": {
        "faq_answer",
        "ticket_from_question",
        "ticket_repeat",
        "ask_expert",
        "ask_expert_question",
        "ticket_supplement_text",
        "ask_expert_supplement",
        "ticket_supplement_weather",
        "ticket_wait",
        # round 70 (21c): the question withdrawn before its answer ('唔使啦 自己问到咗'): the one ticket closed (checked below)
        "ticket_resolved",
    },
    # 登记 said of trees planted (round 17): the planting help or a record. Round 25: or, from a registered villager,
    # the FAQ's own answer on logging trees (bot.log_planting: the same steps as the planting help, photo then '3棵桂花';
    # DESIGN.md, other text: the FAQ answer); checked below to be that answer. From a follower not registered yet it
    # stays the planting help, which asks 登记 first and keeps the message
    "log": {"planting_menu", "planting_text", "faq_answer", "done_said"},  # done_said: '种好咯' with no record, how to
    # round 18: the campaign's duties in everyday words
    # 认养 / 认种: the village's adoptable trees; round 39 (19n): 认养 <编号> picks from the list shown, or with none shown
    # shows it again (adoption_pick_unlisted), as the zones' number does
    # round 53 (20c): 更多 after the list is its next page (adoption_more), the list's own
    # withdraw83: an adoption withdrawn in words (取消认养, 唔想再认养嗰棵樟树啦), ended, or none held said (adoption_withdrawn)
    # conv101 (22x: '我的树'): the contract's adoption row names 我的树 (DESIGN.md: 认养, 认种, 认养 <编号>, 更多, 我的树): the
    # trees the sender planted and adopted (my_trees)
    "adopt": {
        "adoption_list",
        "adoption_pick",
        "adoption_pick_unlisted",
        "adoption_more",
        "adoption_withdrawn",
        "my_trees",
    },
    # 认领: a pledge (with a count: a pledge row for a member), never a planting; round 67 (20x): 取消认领, the contract's
    # withdrawal of the household's pledges (pledge_cancel), when the probe withdraws one (checked below: it says so)
    # round 92: a cadre asking which households have pledged, loosely (22i, 22l): the village's pledge list (pledge_list)
    # withdraw83: a pledge changed ('认领改成一棵桃树，原来的两棵荔枝不要了': the old withdrawn, the new made)
    "pledge": {"pledge", "pledge_mine", "pledge_cancel", "pledge_list", "pledge_changed"},
    # 参加: the planting day; withdraw83: a sign-up withdrawn (none is kept before the day: said so, whom to tell)
    "join": {"event_join", "event_join_code", "event_signup_withdrawn"},
    # 认领责任区: the care zones; round 79 (21q: '我要认领长塘片嗰个责任区'): a zone claimed by its name (zone_claim_named),
    # checked below to be claimed and asked by no question ('长塘片责任区有人认领了没有' had claimed it for the cadre)
    # round 94: one's own zone asked ('责任区分咗俾我未'): one's own (tending_mine: the zone held, or none held and how)
    # conv96: a zone taken on by its name by a villager who may hold none ('石岗片我嚟管'): whose it is (zone_members_only)
    # withdraw83: one's zone left (退出责任区, 责任区想退掉: zone_left)
    "zone": {
        "zone_list",
        "zone_claim",
        "zone_claim_unlisted",
        "zone_claim_named",
        "tending_mine",
        "zone_members_only",
        "zone_left",
    },
    "certificate": {"my_certificates"},  # 我的证书
    "sign_in": {"visit_sign_in", "visit_sign_in_located"},  # an adviser's 签到
    "queue": {
        "ticket_queue",
        "ticket_described",
    },  # an adviser's 待办; conv96: one ticket of it pointed at by its words
    # 取消: the record in progress is cancelled; round 36: with a record just finished (context finished), its
    # withdrawal asked to confirm (作废; checked below: the record still counts until the yes); round 38: with no
    # record ever reported, told there is none to withdraw; round 57: a bare 取消 with no record ever, told there is
    # nothing to cancel (checked below); right after a finished record, its withdrawal asked at once (as 作废)
    "cancel": {"cancel", "withdraw"},
    # the planting help (after a photo: for the record in progress, still pending), no ticket; round 19: with nothing in
    # progress, how to record trees asked as a question may be the FAQ's answer (the same steps: DESIGN.md, other text)
    "how": {"planting_menu", "faq_answer", "done_said"},  # done_said: '种好了' while a record waits, its next step
    # round 51: whether one's attendance of a planting day was recorded (event_attended); one's awards (awards_asked).
    # Kept here, not added by round 51's file at import: the kinds sheet (bench/blind/kinds.md) is checked against
    # this table, and a table another file widens at import differs with the order the tests are collected in
    "attended": {"event_attended"},
    "awards": {"awards_asked"},
}
# The FAQ's answer on logging trees planted (bot.log_planting): its steps, a line of it in the reply
LOG_STEPS = next(
    entry["answer"].strip().splitlines()[2]
    for entry in tomllib.loads((Path(__file__).resolve().parents[2] / "messages/faq/campaign.toml").read_text("utf-8"))[
        "entry"
    ]
    if entry["id"] == "bot.log_planting"
)
# round 49: the FAQ's answer on logging a plot (bot.plot), a cadre's record: its steps, a line of it in the reply; a
# cadre asking how to report a plot's area ('党建林种完点样上报面积') is answered the steps of the record he means
PLOT_STEPS = next(
    entry["answer"].strip().splitlines()[2]
    for entry in tomllib.loads((Path(__file__).resolve().parents[2] / "messages/faq/campaign.toml").read_text("utf-8"))[
        "entry"
    ]
    if entry["id"] == "bot.plot"
)
# The village's care zones (round 68): names no probe says, so none is claimed by a part of its name, listed after those
# a test adds (tests/e2e/test_simulator_sim61.py: the list is in name order)
ZONES = ("石岗片", "长塘片")
# The roles of the contexts that are registered people (the others are members: 群众).
ROLES = {"party": "党员", "cadre": "村干部", "adviser": "技术顾问"}
CONTEXTS = ("new", "member", "party", "cadre", "adviser", "ticket", "after_photo", "pending", "finished", "twice")


def load(name: str) -> list[tuple[str, str, str]]:
    probes = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, message, expected, *_ = line.split("\t")
            assert expected in KINDS, line
            probes.append((context, message, expected))
    return probes


class Probe:
    """One app over one database; ``run(context, message, expected)`` sends the probe from a fresh follower and
    returns what went wrong ('' when it went where the villager means)."""

    def __init__(self, tmp_path: Path, standin: WeChatStandIn):
        from bot.simulator import Signer, WeChatUser

        self.flask_app = create_app(make_config(tmp_path, standin))
        self.bot = self.flask_app.extensions["bot"]
        self.bot.clock = Clock()
        self.bot.clock.set("2027-03-16T09:00")
        wechat = self.bot.config.section("wechat")
        self.signer = Signer(wechat["token"], wechat.get("encoding_aes_key", ""), wechat["app_id"])
        self.user_class = WeChatUser
        with transaction(self.bot.db):
            self.village = roster_store.insert_village(self.bot.db, PUXIN, to_db(self.bot.clock()))
            # round 68 (the lead): the village has its 党员责任区 drawn, as seed 002 asks of every village, so where they are
            # or how to claim one, asked by a party member or cadre, is answered with the list (zones.zones_to_list)
            for name in ZONES:
                zones_store.insert_zone(
                    self.bot.db,
                    village_id=self.village,
                    name=name,
                    lat=PUXIN["lat"],
                    lng=PUXIN["lng"],
                    radius_m=300,
                    source="import",
                    now=to_db(self.bot.clock()),
                )
        self.count = 0

    def user(self, openid: str):
        return self.user_class(
            transport_for(self.flask_app), self.signer, openid=openid, now=lambda: self.bot.clock().timestamp()
        )

    def member(self, openid: str, role: str = "群众"):
        with transaction(self.bot.db):
            person_id = roster_store.insert_person(
                self.bot.db,
                {"name": f"村民{self.count}", "village_id": self.village, "role": role},
                to_db(self.bot.clock()),
            )
            roster_store.bind_openid(self.bot.db, person_id, openid, to_db(self.bot.clock()), via="roster")
            if role == ROLES["adviser"]:
                roster_store.set_adviser_villages(self.bot.db, person_id, [self.village])
        user = self.user(openid)
        user.follows()
        return user

    def rows(self, sql: str, params=()) -> list[dict]:
        return rows_of(self.bot, sql, params)

    @property
    def asked_back(self) -> str:
        """How a reply asking which of two answers was meant begins (round 43, bot/ask_back.py)."""
        return self.bot.t("faq.ask_back", first="", second="").splitlines()[0]

    @property
    def openid(self) -> str:
        """The openid of the probe run last (each run is a new sender)."""
        return f"o-probe-{self.count}"

    def last_reply(self, openid: str) -> str:
        """The reply to the sender's last message."""
        return self.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]

    def last_handler(self, openid: str) -> str:
        found = self.rows(
            "SELECT handler FROM inbox WHERE openid = ? AND msg_type = 'text' ORDER BY id DESC LIMIT 1", [openid]
        )
        return found[0]["handler"] if found else ""

    def handler_for(self, context: str, message: str) -> str:
        """The route that took ``message`` sent in ``context`` (a control: what it must not reach)."""
        self.run(context, message, "question")
        return self.last_handler(f"o-probe-{self.count}")

    def run(self, context: str, message: str, expected: str) -> str:
        # round 60: a probe with a kind or context the sheet does not have is refused, never judged (a control written
        # 'two-tickets' had passed)
        assert expected in KINDS, f"unknown expected kind {expected!r}"
        assert context in CONTEXTS, f"unknown context {context!r}"
        self.count += 1
        self.bot.clock.advance(hours=2)
        openid = f"o-probe-{self.count}"
        whole = message  # round 84 (22a): in context twice a name said in the first message ('登记 陈秀英 || 埔心村')
        # reg77: in context twice a registration said in two messages ('你好 || 登记 何秀珍 埔心村', '登记 黄美玲 || 埔心村')
        # is a follower's not registered yet, as its writers meant: the fixture's 村民N registering another name is a
        # rename (fix_name's), no registration
        if context == "new" or (context == "twice" and expected == "register"):
            # the lead (thirty-ninth session): a fresh follower meets the fixture's roster only: a name an earlier probe
            # registered itself under (20i's 叶香樟) is renamed apart, so '登记 叶香樟 埔心村 583104' is read alike in any
            # order (it had failed only after 20i, a roster name then holding the wrong code)
            with transaction(self.bot.db):
                self.bot.db.execute("UPDATE people SET name = name || '·' || id WHERE source = 'self'")
            user = self.user(openid)
            user.follows()
        else:
            user = self.member(openid, ROLES.get(context, "群众"))
        if context == "after_photo":
            user.sends_photo(f"m-probe-{self.count}")
            self.bot.clock.advance(minutes=1)
        if context == "pending":
            user.says("两棵荔枝")
            self.bot.clock.advance(minutes=1)
        if context == "finished":  # round 36: a record just finished, nothing in progress
            user.says("两棵荔枝")
            user.sends_photo(f"m-probe-{self.count}")
            self.bot.clock.advance(minutes=3)
        started = self.rows("SELECT id FROM plantings WHERE openid = ?", [openid])
        if context in ("after_photo", "pending", "finished") and len(started) != 1:
            return "the context started no planting record"
        if context == "finished" and self.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) != [
            {"status": "complete"}
        ]:
            return "the context finished no planting record"
        if context == "ticket":
            user.says(TICKET_OPENER)
            if len(self.rows("SELECT id FROM tickets WHERE openid = ?", [openid])) != 1:
                return "the opener made no ticket"
            self.bot.clock.advance(minutes=2)
        if context == "twice":
            first, second = (part.strip() for part in message.split("||"))
            user.says(first)
            self.bot.clock.advance(minutes=3)
            message = second
            # round 48: a record the first message started is the context's, as context pending's is (the second is
            # judged on what it did: 'how' forbids a record of its own, not the one it asks about)
            started = self.rows("SELECT id FROM plantings WHERE openid = ?", [openid])
        # round 71 (21e): the tickets the context opened (ticket, twice), so that a check of 'no ticket' reads the message's
        held = len(self.rows("SELECT id FROM tickets WHERE openid = ?", [openid]))
        reply = user.says(message) or ""
        handler = self.last_handler(openid)
        tickets = self.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
        plantings = self.rows("SELECT id, status FROM plantings WHERE openid = ?", [openid])
        new_plantings = [p for p in plantings if {"id": p["id"]} not in started and p["status"] != "cancelled"]
        wrong = f"went to {handler}: {reply[:60]!r}"
        if expected == "help" and reply.strip() == self.bot.t("core.help").strip():
            return ""  # the one help text, whichever route gave it (the FAQ answers 您能做什么 with it)
        if handler not in KINDS[expected]:
            return wrong
        if expected == "register" and PUXIN["name"][:2] in whole:
            bound = self.rows("SELECT name FROM people WHERE openid = ?", [openid])
            claimed = self.rows("SELECT claimed_name AS name FROM binding_conflicts WHERE openid = ?", [openid])
            bound = bound or claimed  # the name an earlier probe took: claimed, for the office to decide
            # round 39: a registered sender (村民N) claiming a name an earlier probe of another set took (19d's and 19n's
            # 陈亚娣, when one worker runs both): the claim, for the office to decide
            if claimed and bound[0]["name"] not in hanzi.simplified(whole):
                bound = claimed
            # round 52: how to register asked with the village and no name ('点样注册呀 我系埔心村村民'): nothing to bind
            # yet, the registration waits for the name with the village kept (the reply asks only the name)
            if not bound and self.asks_the_name_only(openid):
                return ""
            # the name as the roster writes it: a traditional 張德福 is registered 张德福 (bot/hanzi.py)
            if not bound or bound[0]["name"] not in hanzi.simplified(whole):
                return f"bound {bound[0]['name'] if bound else 'nobody'!r}: {reply[:60]!r}"
        if expected == "log" and handler == "faq_answer" and reply.startswith(self.asked_back):
            reply = user.says("1") or ""  # round 43: asked which of two was meant; the steps offered first are picked
        plot_steps = context == "cadre" and PLOT_STEPS in reply  # round 49: a cadre's plot, its own steps
        if (
            expected == "log"
            and handler == "faq_answer"
            and (context == "new" or LOG_STEPS not in reply)
            and not plot_steps
        ):
            return wrong + " (not the steps of a record)"
        if expected == "rename" and not self.explains_the_rename(openid, reply):
            return wrong + " (not how to change the name)"
        if expected == "log":
            waiting = self.rows("SELECT data FROM conversations WHERE openid = ? AND flow = 'registration'", [openid])
            people = self.rows("SELECT name FROM people WHERE openid = ?", [openid])
            if waiting or [p["name"] for p in people] != ([] if context == "new" else [f"村民{self.count}"]):
                return wrong + f" (登记 took a name: {waiting or people})"
            if context == "new" and reply != self.bot.t("registration.register_first"):
                return wrong + " (no register prompt)"
        if expected == "progress" and handler in ("recorded_asked", "done_said"):
            # round 67: the record just finished named ('记上了 ✅ 第N号') with the progress line, or else the progress
            named = context == "finished" and reply.startswith(
                self.bot.t("planting.recorded_yes", id=plantings[0]["id"], what="").split("：")[0]
            )
            if "进度" not in reply or (context == "finished" and not named):
                return wrong + " (not the record's state with the progress)"
        if expected == "zone" and handler == "zone_claim_named":
            held = self.rows(
                "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
                " JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
                [openid],
            )
            if not held or held[0]["name"] not in message:
                return wrong + f" (no zone of the message claimed: {held})"
            if re.search(r"吗|没有|未|冇|谁|边个|哪|有人|没人|[?？]", message):
                return wrong + " (a question claimed a zone)"
        # round 80 (21u: '我啱啱喺屋企门口种咗两棵龙眼' from a follower not registered yet): a record is a household's, so
        # none starts before 登记; the report is kept (the registration prompt, its inbox row waiting in
        # pending_registration) and becomes the record once registered, as round 17's kind log takes the kept help
        if expected == "planting" and context == "new" and handler == "planting_text" and not plantings:
            if reply != self.bot.t("registration.register_first") or not self.kept(openid):
                return wrong + " (not kept for after 登记)"
            return ""
        if expected == "planting" and not [p for p in plantings if p["status"] != "cancelled"]:
            return wrong + " (no record)"
        if expected in ("question", "new", "supplement", "one-ticket", "pledge", "how") and new_plantings:
            return wrong + " (a planting record)"
        if (
            expected == "pledge"
            and handler == "pledge_cancel"
            # round 89: '都系唔认领住' after a pledge; conv105: given back (想退咗佢)
            and not re.search(r"取消|撤|不要|不认领|退", nlu.normalize(message))
        ):
            return wrong + " (a pledge withdrawn that was not asked)"
        # conv98 (22s: '上次报嘅认领两棵龙眼 而家种唔到了 想撤回'): a pledge withdrawn leaves none, whatever its count says
        # conv103 (22z: '我认领了几棵来着'): how many asked (几棵, a vague count) with one's pledges shown pledges nothing
        counted = parse_count(message)
        asked_mine = counted is not None and counted.vague and counted.count is None and handler == "pledge_mine"
        if expected == "pledge" and context == "member" and counted and handler != "pledge_cancel" and not asked_mine:
            if not self.rows(
                "SELECT id FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)", [openid]
            ):
                return wrong + " (no pledge)"
        # round 57: a bare 取消 with no record ever is told there is nothing to cancel (handler cancel, nothing asked)
        nothing_ever = not plantings and context not in ("pending", "after_photo", "finished")
        if nothing_ever and expected == "cancel" and handler == "cancel":
            # round 71 (21e: '取消' with only a question open): the context's ticket is no record, and stays; none opened
            if len(tickets) > held or reply.strip() != self.bot.t("core.nothing_to_cancel").strip():
                return wrong + " (not told there is nothing to cancel)"
        elif expected == "cancel" and handler == "cancel" and [p["status"] for p in plantings] != ["cancelled"]:
            return wrong + f" (the record is {[p['status'] for p in plantings]})"
        # round 38: a withdrawal asked with no record ever reported is told there is none (no ticket, nothing asked)
        if expected == "cancel" and handler == "withdraw" and context != "finished" and not plantings:
            if len(tickets) > held or reply.strip() != self.bot.t("planting.withdraw_nothing").strip():
                return wrong + " (not told there is no record to withdraw)"
        elif expected == "cancel" and handler == "withdraw":
            asked = self.rows("SELECT state FROM conversations WHERE openid = ? AND flow = 'withdraw'", [openid])
            if context != "finished" or [p["status"] for p in plantings] != ["complete"] or not asked:
                return wrong + f" (no withdrawal asked: the record is {[p['status'] for p in plantings]})"
        if expected == "how" and context == "after_photo":
            if [p["status"] for p in plantings] != ["pending"] or tickets:
                return wrong + " (the record in progress was left)"
        if (
            expected == "how"
            and context in ("after_photo", "pending")
            and handler not in ("planting_menu", "done_said")
        ):
            return wrong + " (not the record's next step)"
        if expected == "new" and handler == "ask_expert" and len(tickets) != 2:
            return wrong + f" ({len(tickets)} tickets)"
        if expected == "how" and tickets:
            return wrong + " (a ticket)"
        if expected == "supplement" and len(tickets) != 1:
            return wrong + f" ({len(tickets)} tickets)"
        if expected == "one-ticket" and len(tickets) > 1:
            return wrong + f" ({len(tickets)} tickets)"
        if expected == "one-ticket" and handler == "ticket_resolved":
            closed = self.rows("SELECT status FROM tickets WHERE openid = ?", [openid])
            if closed != [{"status": "closed"}]:
                return wrong + f" (the ticket is {closed})"
        return ""

    def explains_the_rename(self, openid: str, reply: str) -> bool:
        """What on_fix_name says to this sender (tidy76): a roster person, that the office corrects the roster
        (registration.fix_roster); one registered by themselves, that 登记 again corrects it (fix_self), or, the right name
        said, the registration under it; nobody registered, how to register."""
        person = self.rows("SELECT name, source FROM people WHERE openid = ?", [openid])
        if not person:
            return "登记" in reply  # registration.not_registered (with the village when its QR code said it)
        if person[0]["source"] != "self":
            return self.bot.t("registration.fix_roster").strip() in reply
        return self.bot.t("registration.fix_self").strip() in reply or person[0]["name"] in reply

    def kept(self, openid: str) -> bool:
        """The sender's last text kept for after 登记 (bot/identity.py ``keep_message``; round 80)."""
        waiting = self.rows(
            "SELECT data FROM conversations WHERE openid = ? AND flow = 'pending_registration'", [openid]
        )
        last = self.rows(
            "SELECT id FROM inbox WHERE openid = ? AND msg_type = 'text' ORDER BY id DESC LIMIT 1", [openid]
        )
        return bool(waiting and last) and last[0]["id"] in json.loads(waiting[0]["data"] or "{}").get("inbox_ids", [])

    def asks_the_name_only(self, openid: str) -> bool:
        """The registration waits for the name with the village known (round 52)."""
        waiting = self.rows(
            "SELECT state, data FROM conversations WHERE openid = ? AND flow = 'registration'", [openid]
        )
        return (
            bool(waiting)
            and waiting[0]["state"] == "ask_name"
            and json.loads(waiting[0]["data"] or "{}").get("village_id") == self.village
        )

    def close(self) -> None:
        self.bot.databases.close_all()


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    with WeChatStandIn(appid="wx2c2769f8efd9abc2") as standin:
        runner = Probe(tmp_path_factory.mktemp("probes"), standin)
        yield runner
        runner.close()


# round 81 (issue 17 §5, trust: nobody acts as someone else): the label 'register' of a relative or villager registered by
# name from a WeChat that is not theirs is disputed. One WeChat is one person: a registered sender is never bound again to
# another's name, and a relative said to have no phone (or to use the sender's) is not bound to the sender's WeChat. The
# right reply is how each registers (registration.for_another: the household's trees on one account, the relative's own
# phone, a cadre's 代种 for one without a phone), and, from one not registered yet, the name of whoever uses this WeChat
# asked (tests/e2e/test_conversation_round81.py checks both). Strict: a reader that binds them again fails here.
_DISPUTED_ANOTHER = (
    "disputed label (round 81): another person registered by name from a WeChat not theirs; one WeChat is one person,"
    " so the right reply is how each registers (for_someone: registration.for_another), nobody bound to that name"
)


# reg77 (trust: nobody acts as someone else): a roster person's 登记 of a name not theirs is fix_name's (the office
# corrects the roster), never a registration under it, which had unbound the roster row and its role. Set 19n's
# 'registered user gives name again' is sent by the fixture's 村民N, whose name it is not: the label 'register' is
# disputed (its right reply is how the office corrects the roster, the binding kept; tests/e2e/test_registration_reg77.py).
_DISPUTED_ROSTER_NAME = (
    "disputed label (reg77): a roster person's (村民N's) 登记 of a name not theirs is fix_name's, the roster binding"
    " kept (registration.fix_roster), never a registration under that name"
)


# Probes the bot still gets wrong, each with why it is left (strict: one that starts to pass must leave this list).
# Round 18 fixed the last one ('这个怎么弄': the help, or after a photo the record's next step: bot/nlu.py go_on_asked).
KNOWN_MISSES: dict[str, str] = {}


def cases(name: str, misses: dict[str, str] = KNOWN_MISSES) -> list:
    return cases_of(load(name), misses)


def cases_of(probes, misses: dict[str, str]) -> list:
    """(context, message, expected) probes as test cases, a strict xfail with its why for each message in ``misses``
    (the probe files' and the round tests' own examples). A key 'context:message' marks the message in that context
    only (round 57: a bare 取消 is probed in four contexts)."""
    params = []
    for probe in probes:
        why = misses.get(f"{probe[0]}:{probe[1]}", misses.get(probe[1]))
        marks = [pytest.mark.xfail(reason=why, strict=True)] if why is not None else []
        params.append(pytest.param(*probe, id=f"{probe[0]}:{probe[1]}", marks=marks))
    return params


def blind_set_test(name: str, left: list[tuple[str, list[str]]]):
    """The test of a blind set's probes (tests/data/conversation_probes_<name>.tsv), each message in ``left`` a strict
    xfail with its why: the sets from 22s on are wired this way (the review of the fifty-third session: three blocks
    of the same shape)."""
    misses = {message: why for why, messages in left for message in messages}

    @pytest.mark.parametrize(("context", "message", "expected"), cases(f"conversation_probes_{name}.tsv", misses))
    def test(probe, context, message, expected):
        assert probe.run(context, message, expected) == ""

    return test


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_16.tsv"))
def test_round_16_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# The fresh set's misses as first run (22/25): 我名字叫陈福生，埔心村 (我名字 without 的 was no introduction),
# 我们村完成得怎么样 (neither a count nor 进度), 停止发送 (发送 without 提醒/消息). Round 17 fixed them by their parts (bot/identity.py
# _MY_NAME; bot/nlu.py _HOW_FAR_RE, _DONE_ASKED_RE, _SWITCH_OFF_RE): the set has been seen since, so it measures no more
# (25/25 is no blind figure; round 17's blind figure is conversation_probes_17.tsv's).
FRESH_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_16_fresh.tsv", FRESH_MISSES))
def test_round_16_fresh_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 17's held-out set (登记 + planting words, the village's progress and stopping the reminders in other words,
# controls), written before round 17's changes and run once before them (10/28) and once after (28/28); the misses
# left would be listed here.
ROUND_17_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_17.tsv", ROUND_17_MISSES))
def test_round_17_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 18's held-out set (the campaign's duties in everyday words: 认养, 认领, 参加, 责任区, 证书, 签到, 待办, 取消;
# the misses earlier rounds left: 这个怎么弄 after a photo, a bare 种树, 李苗苗 and 种国强, 新种的… questions), written
# before round 18's changes and run once before them (21/86) and once after (86/86); misses left would be here.
ROUND_18_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_18.tsv", ROUND_18_MISSES))
def test_round_18_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 18's fresh set, written after the changes and never tuned on: its one run (28/30) missed two, '今日下村打咭'
# (咭, 卡 as Cantonese writes it) and '我接着要做什么' after a photo (接着, and 我 before it); round 19 fixed both by their
# class (bot/nlu.py _CHECK_IN_RE 打[卡咭], _GO_ON_RE), so the set has been seen and measures no more.
FRESH_18_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_18_fresh.tsv", FRESH_18_MISSES))
def test_round_18_fresh_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 19's blind set (tests/data/conversation_probes_19.tsv, 145 probes), written by a writer who saw only DESIGN.md
# and the seeds, never the code or earlier probe sets; run once on the unchanged code (main) and once after round 19's
# changes. The misses left are listed here, strict, each with why.
# Round 21 fixed the one left ('我喺深圳打工 都想帮屋企乡下认种一棵树 点搞': a wish to adopt, then how: the list, which
# says how; bot/nlu.py adoption_wished).
ROUND_19_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_19.tsv", ROUND_19_MISSES))
def test_round_19_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 19's second blind set (tests/data/conversation_probes_19b.tsv, 136 probes), written by a writer who saw only
# DESIGN.md and the seeds. Its blind figures, run by the lead before anyone looked: main before round 19 (9f689b8)
# 72/136, main with round 19 merged (8667f35) 83/136. Round 20 was developed on it (its misses fixed by their class):
# 130/136 after, a development figure, not a blind one (round 21: 132/136, the leaf's underside told in a
# ticket's window and an adviser asking a linked village's count by its name). The misses left are listed here, strict,
# each with why.
_ROUND_19B_LEFT: list[tuple[str, list[str]]] = [
    (
        "a self-introduction inside a long story (five clauses): the introduction readers read a short text or its"
        " last clause; a long text is a story or a question",
        [
            "您好，我是埔心村出去的，在东莞做了十几年，过年回来看到村口贴了种树的告示，觉得很有意义，也想出一份力。我姓邱，叫邱志明，麻烦帮我登记一下，谢谢！"
        ],
    ),
    (
        "stopping the reminders asked at length (over 20 characters, a story first): the reminders reader reads"
        " short texts only",
        [
            "您好，感谢你们一直发种树的知识给我，内容很好。不过我目前人在外地，家里的树由我爸妈管，这些推送我暂时看不过来，请先帮我停掉，以后回村再开，谢谢理解。"
        ],
    ),
    (
        "a pledge inside a long story: the pledge reader reads short texts only",
        [
            "您好，我常年在外，家里只有母亲一人。村里要求每户至少种一棵，我们家想认领一棵桂花，等我五一回来亲手种，麻烦帮我们记上。"
        ],
    ),
]
test_round_19b_probe = blind_set_test("19b", _ROUND_19B_LEFT)


# Round 19's third blind set (tests/data/conversation_probes_19c.tsv, 140 probes: a 潮汕 and a 粤北 village), written by a
# writer who saw only DESIGN.md and the seeds, never looked at by anyone. Its blind figures, run by the lead: 80/140
# before round 19, 93/140 after round 19, 97/140 on main after round 20. Round 21 was developed on it (its misses
# fixed by their class): 140/140 after, a development figure, not a blind one (no probe relabelled). Misses left would
# be listed here, strict, each with why.
ROUND_19C_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_19c.tsv", ROUND_19C_MISSES))
def test_round_19c_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 19's fourth blind set (tests/data/conversation_probes_19d.tsv, 140 probes: Cantonese, Hakka and voice-style
# villagers, staff fragments), written by a writer who saw only DESIGN.md and the seeds, never looked at by anyone. Its
# blind figures, run by the lead: 90/140 on main before round 21, 92/140 on main after round 21 (93/140 on main after FAQ
# round 25, c6d8df9, as first run here). Round 22 was developed on it (its misses fixed by their class): 137/140 after,
# a development figure, not a blind one (one probe relabelled: its line in the file says why). The misses left are listed
# here, strict, each with why. Round 25: '老板娘叫我登记种树 点登记啊' passes since the kind log takes the FAQ's own
# steps of a record (bot.log_planting) from a registered villager: 138/140.
_ROUND_19D_LEFT: list[tuple[str, list[str]]] = [
    (
        "a long voice story with no pause (53 characters): its last words ask the sender's progress (我完成咗未), but no"
        " clause can be read alone and a story this long is read as a whole (a count and 种咗 in it: a record whose"
        " tree it asks); readers read short texts or a story's last clauses only",
        ["我老公走咗之后屋企啲嘢都系我搞今年村干部上门话每户要种一棵我同个孙喺门口种咗唔知算咗未帮我睇下我完成咗未"],
    ),
    (
        "stopping the messages at the end of a long voice story with no pause (38 characters): the reminders reader"
        " reads short texts or a story's last clauses only",
        ["哎呀我个孙帮我装咗呢个嘢成日响啊我老人家睇唔明唔好再发嘢俾我啦"],
    ),
]
test_round_19d_probe = blind_set_test("19d", _ROUND_19D_LEFT)


# Round 19's fifth blind set (tests/data/conversation_probes_19e.tsv, 140: a grandfather dictating, an impatient
# ledger-keeper, a shopkeeper party member, a returned migrant worker, a bride from Guangxi, a town adviser), written
# at the start of round 22 by a writer who saw only DESIGN.md and the seeds, never looked at by anyone. Its blind
# figures, run by the lead: 94/140 on main before round 22, 101/140 after it. Round 23 was developed on it (its misses
# fixed by their class; the lead fixed three classes at the end of session 16, 106/140): 106 -> 139/140, a development
# figure, not a blind one (three probes relabelled: a retraction with nothing in progress, the file's lines say why).
# The miss left is listed here, strict, with why.
_ROUND_19E_LEFT = [
    (
        "the symptom told again with a count of leaves ('几块黑叶': a few black leaves) is read by the FAQ as money (几块, a"
        " few yuan), and money never joins a tree's ticket (bot/escalation.py OFF_TREE_REASONS); '又多咗几片黑叶' joins."
        " The FAQ's reading of 块 is bot/faq.py's, not this round's",
        ["香樟苗叶子发黑点 || 又多咗几块黑叶 快啲答我"],
    ),
]
test_round_19e_probe = blind_set_test("19e", _ROUND_19E_LEFT)


# Round 19's sixth blind set (tests/data/conversation_probes_19f.tsv, 140: a widow dictating, the women's director, a
# county work-team member's formal requests, a truck-driving party member, a teenager's slang, a Hakka grandmother
# typed for by her daughter-in-law, a forestry-graduate adviser), written at the start of round 23 by a writer who saw
# only DESIGN.md and the seeds, never looked at by anyone. Its blind figures, run by the lead: 103/140 on main before
# round 23, 103/140 after it (the same 37 misses: round 23's classes carried nothing to it). The next round's
# development set: its misses as first run after round 23, strict, to be read and fixed by their class (round 24, by the
# lead: any command word typed by its sound, messages/typos.toml [sound]: 108/140, a development figure).
# Round 25 (19f as the development set): its misses read and fixed by their class, 108 -> 140/140, a development
# figure (no probe relabelled; the kind log takes the FAQ's own steps of a record from a registered villager, KINDS
# says why). Misses left would be listed here, strict, each with why.
ROUND_19F_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_19f.tsv", ROUND_19F_MISSES))
def test_round_19f_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Round 19's seventh blind set (tests/data/conversation_probes_19g.tsv, 140: a 潮汕 shopkeeper aunt, a son in Malaysia
# writing in traditional characters for his parents, a delivery rider's fragments, a returned student's app words, a
# teacher logging for her class, a clerk after exact figures, an old man's broken voice transcripts after a stroke, a
# retired forestry-station adviser), written at the start of round 25 by a writer who saw only DESIGN.md and the seeds,
# never looked at by anyone. Its blind figures, run by the lead: 94/140 on main before round 25 (cc987a3), 104/140
# after it (10 fixed, none broken: round 25's classes carried). The next round's development set: its misses as first
# run after round 25, strict, to be read and fixed by their class. Read at once by the lead (round 26): a text in
# traditional characters is read as in simplified ones (bot/hanzi.py, where bot/incoming.py reads a text; the probe
# checks a registered name as the roster writes it): 104 -> 107/140, a development figure. Round 27 (19g as the
# development set): its misses read and fixed by their class (潮汕 爱/按怎/厝, TD, 人养, 该名 as typed; a word begun again;
# the record's steps around its photo and the location; a relative's pledge and a may-I after one; a relative's log and
# the parents' progress; 唔啱 before a retraction; an adviser's check-in in a report and the queue asked formally; zones
# told then which asked; trees told then a wish to log): 107 -> 132/140, a development figure; round 40: 133 (a cadre's
# plot with the 通报's lag, '上个月通报有冇滞后', answered by the kept line: report_line). The misses left, each with why:
_ROUND_19G_LEFT = [
    (
        "a long, polite text (a teacher's): a class's trees logged asked at length; 老师想帮班里孩子们登记 is read as the"
        " help's '老师' greeting (the teacher's self-introduction in the same set registers since round 34: a name and"
        " the village told in clauses)",
        ["老师想帮班里孩子们登记今天种的树，请问应该怎么操作呢？谢谢您"],
    ),
    # round 84 mended '阿伯冇智能手机 佢种嘅树我点样帮佢记录' (a cadre's: the 代种 steps, the trees they planted read by
    # nlu._PROXY_LOG_HOW_RE)
    # round 52 mended the sender's own care of the tree asked in a ticket's window ('我每日朝早都淋一桶水 系唔系淋多咗'):
    # a cause guessed with the verb right after the guess is its 补充 (bot/nlu.py _GIVEN_TOO_MUCH_RE); round 61 mended
    # '我嘅桂花 叶尖焦 焦晒 || 叶 叶又卷 卷晒 系咪 系咪缺水' (something lacking guessed: _CAUSE_GUESSED_RE)
    (
        "a symptom told again in other words with a question ('系咪病', '爱打乜药', '系咪缺水'): the second message is read as a"
        " new question (a cause asked, a spray asked), not as the first's 补充; bot/escalation.py's and the FAQ's reading",
        # round 70 mended '伊讲是虫咬的 爱打乜药' (another's guess at the cause told: nlu.others_guess_told)
        ["屋后棵木棉 叶全部黑晒 || 相片影唔清 总之树枝都黑埋 系咪病"],
    ),
]
test_round_19g_probe = blind_set_test("19g", _ROUND_19G_LEFT)


# Controls for the readers of requests in other words (bot/nlu.py, bot/identity.py read_name_and_village): texts that
# look like a request and are not one. (context, message, handlers it must not reach)
NOT_REQUESTS = [
    ("member", "埔心村 李秀英", {"register"}),  # a registered villager's name and village: no 登记
    ("new", "埔心村 桂花", {"register"}),  # a tree is no name
    ("new", "埔心村种什么树好", {"register"}),
    ("new", "埔心村活动", {"register"}),  # a word of the dictionary, a command's word: no name
    ("new", "埔心村认养", {"register"}),
    ("new", "我在埔心村", {"register"}),
    ("new", "埔心村村委", {"register"}),
    ("member", "怎么取消提醒", {"reminders_off"}),  # how to: the FAQ's
    ("member", "叶子不要发黄怎么办", {"reminders_off"}),
    ("member", "我不想收提醒", {"reminders_on"}),
    ("member", "怎么又收到提醒了", {"reminders_on"}),  # a complaint, not a wish
    ("member", "又收到通知", {"reminders_on"}),
    ("member", "我种了几棵桂花", {"my_progress"}),  # a record whose count the bot asks
    ("member", "我种了3棵", {"my_progress"}),
    ("member", "帮我查一下我老公登记了没有", {"my_progress"}),  # someone else's
    ("member", "我家院子种几棵好", {"my_progress"}),
    ("member", "我种的树死了几棵", {"my_progress"}),
    ("member", "复合肥怎么用", {"help"}),
    ("member", "桂花名字写错了", {"fix_name"}),
    ("member", "我想登记我种的树", {"register"}),
    # round 18: a retraction is 取消 only while something is in progress; the adviser's words are the adviser's
    ("member", "发错了", {"cancel"}),
    ("member", "刚才那个不要了", {"cancel"}),
    ("member", "打卡", {"visit_sign_in"}),  # a villager's: no visit
    ("member", "还有哪些问题没回答", {"ticket_queue"}),  # a villager's own question, not the adviser's queue
    ("cadre", "植树活动签到", {"event_open"}),  # joining the day, never a day named 签到
    ("member", "我想种两棵荔枝", {"planting_text"}),  # a plan (认领), not trees planted
    ("member", "怎么认养", {"adoption_list"}),  # how to: the FAQ's
    ("member", "我家认养了两棵龙眼", {"adoption_list"}),  # done, not a wish
    ("member", "证书什么时候发", {"my_certificates"}),
    ("party", "责任区怎么管护", {"zone_list"}),
    ("adviser", "签到要带什么", {"visit_sign_in"}),
    # round 19: the readers widened (reminders named first, the village by its name, how far from the target, a plan
    # for today, joining on a weekday, zones asked with a question, a name written wrong, an introduction at the end)
    ("member", "提醒怎么关", {"reminders_off"}),  # how to: the FAQ's
    ("member", "活动通知取消了", {"reminders_off"}),  # news, not a wish
    ("member", "我们埔心村有多少户", {"village_progress"}),
    ("member", "我家还差多少肥料", {"my_progress"}),
    ("member", "今天要种树吗", {"pledge"}),
    ("member", "星期六种树要带什么", {"event_join"}),
    ("party", "我的责任区怎么管护", {"zone_list"}),
    ("member", "照片怎么发", {"planting_menu"}),  # nothing in progress: the FAQ's
    ("member", "树名写成了桂花 应该是龙眼", {"fix_name"}),  # a tree's name, not the sender's
    ("new", "我阿爸系埔心村嘅 佢叫钟亚森", {"register"}),  # someone else introduced
    ("ticket", "补充一下 龙眼什么时候施肥", {"ticket_supplement_text"}),  # another tree: answered, no 补充
    # round 20's readers: a word of its own that only sounds like a command (等级: a seedling's grade), the reminders
    # wanted again and then not, an adviser's 到 that is no arrival, a villager's arrival, a pledge still planned,
    # the record in progress praised (no retraction), what a thing is for and a product's guide (no help). (A new
    # symptom with no tree named in a ticket's window was its own ticket here until round 58: blind writers read it as
    # the same tree's, its 补充; tests/e2e/test_escalation.py pins it)
    ("member", "苗木等级怎么分", {"planting_menu", "register"}),
    ("member", "之前想再收提醒 现在不想收了", {"reminders_on"}),
    ("adviser", "到时候再说", {"visit_sign_in", "visit_sign_in_located"}),
    ("adviser", "到村里看了一下荔枝", {"visit_sign_in", "visit_sign_in_located"}),
    ("member", "到埔心了", {"visit_sign_in", "visit_sign_in_located"}),
    ("party", "认领了两棵荔枝 下个月种", {"planting_text"}),
    ("pending", "刚才那两棵荔枝长得很好", {"cancel"}),
    ("member", "这个药有什么用", {"help"}),
    ("member", "化肥的使用说明", {"help"}),
    ("party", "责任区怎么管护", {"zone_list"}),
    # round 21's readers: someone else introduced, not relayed; the household's advice; the worry alone; the party
    # members' other questions; a reason with no request; the reminders declined; what a thing is for; a tree's name
    # written wrong; adoption done, asked about, or a place to plant; a villager's terse queue, an adviser's how; a photo
    # named with no retraction, a retraction with nothing in progress; photos asked about; a plan's words on trees
    # planted or asked about; the day's questions; a zone's chores; what earns a certificate, someone else's, the awards;
    # another tree's leaf or cause in a ticket's window; someone else's progress relayed
    ("new", "我阿妈叫陈梅花 埔心村的", {"register"}),
    ("member", "我们家种什么树好", {"my_progress"}),
    ("cadre", "会不会被通报滞后", {"village_progress"}),
    ("party", "党员种树要交钱吗", {"village_progress"}),
    ("member", "我出去打工了 家里的树谁管", {"reminders_off"}),
    ("member", "之前关掉的提醒不用再打开", {"reminders_on"}),
    ("member", "消息还是不要发给我了", {"reminders_on"}),
    ("member", "这个药是干什么用的", {"help"}),
    ("member", "村里提供哪些服务", {"help"}),
    ("member", "树名登错了", {"fix_name"}),
    ("member", "认养的树死了怎么办", {"adoption_list"}),
    ("member", "我家认养了两棵龙眼 怎么弄", {"adoption_list"}),
    ("member", "有什么树可以种在河边的", {"adoption_list"}),
    ("member", "有啥没答", {"ticket_queue"}),
    ("adviser", "你等我一下", {"ticket_queue"}),  # waiting, said to the bot: no queue (等紧我答 is)
    ("adviser", "问题单上写错了个名", {"ticket_queue"}),
    ("adviser", "村民问的问题怎么回答", {"ticket_queue"}),
    ("after_photo", "这张是桂花", {"cancel"}),
    ("member", "不对 那个不算 删掉", {"cancel"}),
    ("after_photo", "拍了好多照片要怎么选", {"planting_menu"}),
    ("member", "清明前种了五棵杨梅", {"pledge"}),
    ("member", "三月中旬种两棵龙眼好不好", {"pledge"}),
    ("member", "种树那天要带什么", {"event_join"}),
    ("member", "种树几点集合", {"event_join"}),
    ("party", "我负责哪一片的浇水", {"zone_list"}),
    ("party", "责任区划好了怎么管护", {"zone_list"}),
    ("member", "怎么才有证书", {"my_certificates"}),
    ("member", "我老公的证书怎么领", {"my_certificates"}),
    ("member", "奖状什么时候评", {"my_certificates"}),
    ("ticket", "我家龙眼叶子背面有白点", {"ticket_supplement_text"}),
    ("ticket", "荔枝是不是肥太多了", {"ticket_supplement_text"}),
    ("member", "阿嬷问她的树种够了没有", {"my_progress"}),
    # round 22's readers: a story whose last clause is news or a question, not a request; 登记 asked with no name beside
    # the village; a question on planted trees that is not how to log them; a photo's edit, a command given by the
    # village, trees in the zones, how to sign up with no wish, advice on a count, a correction with its count, another
    # tree's question or cause after 还有, a pledge's trouble, adoption's why, a list renamed, a villager's queue words
    # after a story, the photo's time with nothing in progress, a photo named with none sent, that tree's history
    ("member", "村里搞种树活动 大家都参加了", {"event_join"}),
    ("member", "我家荔枝叶子黄了 不想打药 怎么办", {"reminders_off"}),
    ("pending", "两棵荔枝长得好 不算高", {"cancel"}),
    ("new", "埔心村 种咗三棵龙眼 帮我登记", {"register"}),
    ("new", "我阿妈叫我登记 佢唔识字 埔心村", {"register"}),
    ("member", "种了树要怎么浇水", {"planting_menu"}),
    ("member", "我家种了树 要不要交钱", {"planting_menu"}),
    ("member", "拍照之后怎么修图", {"planting_menu"}),
    ("member", "村里发了什么命令", {"help"}),
    ("party", "责任区有哪些树", {"zone_list"}),
    ("member", "怎么报名参加植树", {"event_join"}),
    ("member", "麻烦问下种多少棵好", {"my_progress", "village_progress"}),
    ("pending", "讲错了 是三棵", {"cancel"}),
    ("ticket", "还有 龙眼什么时候施肥", {"ticket_supplement_text"}),
    ("ticket", "荔枝会不会是这样弄的", {"ticket_supplement_text"}),
    ("member", "我屋企认领的树死了怎么办", {"pledge"}),
    ("member", "认养有什么好处", {"adoption_list"}),
    ("member", "名单改成自己的", {"fix_name"}),
    ("member", "刚下车 看看有没有人问东西还没答", {"ticket_queue"}),
    ("member", "照片什么时候发都行吗", {"planting_menu"}),
    ("member", "这张是荔枝", {"planting_text"}),
    ("member", "那棵龙眼是上个月种的", {"planting_text"}),
    ("member", "我想认领几棵树 要怎么弄", {"pledge"}),
    ("pending", "叶子黄了 怎么弄", {"planting_menu", "cancel"}),  # a story's last clause is no 'how to go on'
    # round 23's readers (19e as the development set): a topic dropped, the reminders wanted back then not, something
    # else wanted back; a request the retraction's politeness wraps that drops nothing; the day's questions after the
    # day or a wish; adoption's why; a road's trees asked about; the zones' chores after a list; a place's land; a list
    # of trees; a dead tree's log, the trees' care, another order asked; 'may I?' about nothing in progress
    ("member", "不要再提这件事了", {"reminders_off"}),
    ("member", "提醒关了 现在又不想要回", {"reminders_on"}),
    ("member", "我想要回我的照片", {"reminders_on"}),
    ("pending", "帮我取消提醒", {"cancel"}),
    ("pending", "麻烦帮我记住两棵荔枝", {"cancel"}),
    ("member", "礼拜六村里植树几点开始", {"event_join"}),
    ("member", "植树日我想去帮手 要带什么", {"event_join"}),
    ("member", "认养一棵树有什么好处", {"adoption_list"}),
    ("member", "路边的树有哪些病", {"adoption_list"}),
    ("party", "责任区列出来 怎么管护", {"zone_list"}),
    ("party", "鱼塘边那块地还有没有", {"zone_list"}),
    ("member", "把所有树种列出来", {"help"}),
    ("member", "我种的树死了 怎么登记", {"planting_menu"}),
    ("member", "种好了树 要怎么浇水", {"planting_menu"}),
    ("member", "是不是先浇水再施肥", {"planting_menu"}),
    ("member", "明天再来行不行", {"planting_menu"}),
    # the planting day asked about: not the best time of day to plant, the campaign's season, what it is for
    ("member", "一天中什么时候种树最好", {"event_asked"}),
    ("member", "种树活动什么时候结束", {"event_asked"}),
    ("member", "这个活动是搞什么的", {"event_asked"}),
    ("member", "种树那天要不要带驱蚊水", {"event_asked"}),  # a thing to bring named: the FAQ's (mosquitoes)
    # in a ticket's window: another tree's harm guessed, a thing the ticket never told of asked (round 58: one told,
    # '白蚁很多', is what the villager sees on the ticket's tree, its 补充)
    ("ticket", "龙眼会不会冻坏", {"ticket_supplement_text"}),
    ("ticket", "洞怎么补", {"ticket_supplement_text"}),
    ("ticket", "虫子会不会咬人", {"ticket_supplement_text"}),
    # the task still to do, a relative's certificate mistyped, what earns one
    ("member", "我是不是要完成任务", {"my_progress"}),
    ("member", "我妈的证书名字写错了", {"my_certificates"}),
    ("member", "是不是完成了就有证书", {"my_progress", "my_certificates"}),
    # a relative's question with her name but no 登记 asked, a relative's trees with 登记; a tree's or a count's
    # correction is no name's
    ("new", "我帮我妈妈问一下 她叫刘桂芳 种的树死了", {"register"}),
    ("new", "我帮我妈妈登记 她种了两棵龙眼 埔心村的", {"register"}),
    ("member", "树名应该是龙眼不是荔枝", {"fix_name"}),
    ("member", "应该是三棵不是两棵", {"fix_name"}),
    # round 25's readers (19f as the development set): a request said first taken back after it; a retraction before a
    # correction, 算了 before something else; an aside before a record; the planter's lot beside the trees' trouble;
    # a relative's question on pledging; a sound-alike of 登记 before no place; a relative's certificate; the sending
    # stopped to others; a list named in a story; 工单 from a villager; a thing's function; what a zone has; books;
    # a plan signed up; another tree planted this year in a ticket's window; 登记 with no trees planted; the tree's
    # photo alone with nothing in progress; someone else signed up; thanks before a dead tree
    ("member", "提醒关了 又想要返", {"reminders_off"}),
    ("pending", "删掉 是三棵", {"cancel"}),
    ("member", "算了 改天再问你", {"cancel"}),
    ("member", "哈哈 我种了几棵桂花", {"my_progress"}),
    ("member", "刚种的桂花 晒死了一棵", {"planting_text"}),
    ("member", "种咗两棵龙眼 叶子都黄晒 好攰", {"planting_text"}),
    ("member", "阿妈问认领要几多钱", {"pledge"}),
    ("new", "等级 一级苗 二级苗", {"register"}),
    ("new", "苗木等级 埔心村 有冇标准", {"register"}),
    ("member", "我老公的证书点拿", {"my_certificates"}),
    ("cadre", "请暂停向村民推送种树通知", {"reminders_off"}),
    ("member", "认养的树木清单上没有龙眼", {"adoption_list"}),
    ("member", "我名下未处理的工单有几条", {"ticket_queue"}),
    ("member", "这个药有什么功能", {"help"}),
    ("party", "责任区有什么", {"zone_list"}),
    ("member", "孙子买了两本书", {"planting_text", "adoption_list"}),
    ("member", "我报名种两棵荔枝", {"event_join"}),
    ("ticket", "今年先种的龙眼要施肥吗", {"ticket_supplement_text"}),
    ("member", "还没登记 现在登记得唔得", {"planting_menu"}),
    ("member", "只拍树就行吗", {"planting_menu"}),
    ("member", "帮我老公报个名", {"event_join"}),
    ("member", "谢谢 我的树死了一棵", {"my_progress"}),
    # round 25's second batch: something else paused, a photo not to be sent, a tree count in a zone, a plot kept for
    # vegetables, a list asked for with nothing named, the leaves below after a photo
    ("member", "水泵先停一下", {"reminders_off"}),
    ("member", "不要发种树的照片给别人", {"reminders_off"}),
    ("party", "责任区还剩多少棵树", {"zone_list"}),
    ("party", "帮我留一块地种菜", {"zone_list"}),
    ("member", "发个清单嚟", {"adoption_list"}),
    ("after_photo", "下面的叶子黄了", {"planting_menu"}),
    # a bare request, then a question about it: the question (handlers/core.py reads no head then: nlu.asks_after)
    ("member", "退订 之后仲收唔收到专家回复", {"reminders_off"}),
    ("member", "种树 要交钱吗", {"planting_menu"}),
    ("member", "参加 要带什么", {"event_join"}),
    ("member", "认养 要几多钱", {"adoption_list"}),
    ("member", "进度 点解冇更新", {"my_progress"}),
    ("member", "证书 几时发", {"my_certificates"}),
]


# left, strict, with why
NOT_REQUESTS_LEFT = {
    "member:我家还差多少肥料": "round 95, AT-BS in the precedents (changed): escalate (not_sure) -> bot.progress (model)"
}


@pytest.mark.parametrize(
    ("context", "message", "forbidden"),
    [
        pytest.param(
            c,
            m,
            f,
            id=f"{c}:{m}",
            marks=[pytest.mark.xfail(strict=True, reason=NOT_REQUESTS_LEFT[f"{c}:{m}"])]
            if f"{c}:{m}" in NOT_REQUESTS_LEFT
            else [],
        )
        for c, m, f in NOT_REQUESTS
    ],
)
def test_a_text_that_only_looks_like_a_request_is_not_taken_for_one(probe, context, message, forbidden):
    assert probe.handler_for(context, message) not in forbidden


def test_a_question_the_faq_answers_that_points_at_the_tickets_tree_is_both_answered_and_a_supplement(probe):
    assert probe.run("ticket", "这棵桂花浇水多久一次", "supplement") == ""
    openid = f"o-probe-{probe.count}"
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    assert "补充到第" in reply and "浇" in reply.split("补充到第", 1)[1]  # the FAQ's answer after the 补充 line
    texts = probe.rows(
        "SELECT a.text FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.openid = ?", [openid]
    )
    assert [t["text"] for t in texts] == ["这棵桂花浇水多久一次"]


# Round 19's eighth blind set (tests/data/conversation_probes_19h.tsv, 140 probes), written by a writer who saw only
# DESIGN.md and the seeds. Its blind figures, run by the lead before anyone looked: main before round 27 (7e2d9cf)
# 110/140, main with round 27 merged (5070247) 110/140 (round 27's classes carried nothing to it). Round 28 (the lead)
# was developed on it: 137/140 after, a development figure (tests/e2e/test_conversation_round28.py has the classes'
# own examples). The misses left are listed here, strict, each with why.
# Round 46: '帮阿公问下，佢今年种树任务完成咗未' (a relative's task) is progress since sets AI-AK joined the FAQ's
# precedents, as round 28's '帮阿嫲问下 佢今年种树任务完成咗未' (the household's count, round 41): no longer a miss.
_ROUND_19H_LEFT: list[tuple[str, list[str]]] = [
    (
        "how to switch the reminders back on, asked (点样再开): the FAQ's answer says 发“订阅” (NOT_REQUESTS keeps a how-to"
        " the FAQ's: '怎么取消提醒', '提醒怎么关'); the writer wants it done",
        ["我前排关咗通知，点样再开？"],
    ),
]
test_round_19h_probe = blind_set_test("19h", _ROUND_19H_LEFT)


# Round 19's ninth blind set (tests/data/conversation_probes_19i.tsv, 140 probes), written by a writer who saw only
# DESIGN.md and the seeds. Its blind figure, run by the lead before anyone looked: main before round 30 (07b5cf0)
# 111/140. Round 30 (the lead) was developed on it: 130/140 after, a development figure
# (tests/e2e/test_conversation_round30.py has the classes' own examples); round 31's frames (bot/nlu.py FRAMES): 133/140,
# 134/140 with round 32 (bot/asked_for.py).
# The misses left are listed here, strict.
_ROUND_19I_LEFT: list[tuple[str, list[str]]] = [
    (
        "the name shown corrected in a story (点解显示我叫张亚妹 我系张雅梅啊 改返啦): the rename readers want the wrong"
        " and the right name in one clause; a ticket is filed",
        ["点解显示我叫张亚妹 我系张雅梅啊 改返啦"],
    ),
    (
        "the village collective's certificate (村集体的植树证书): not the sender's own; the FAQ's answer on certificates",
        ["村集体的植树证书点样下载打印"],
    ),
    (
        "registering a grandmother with no request word (帮阿嫲开的号 她叫梁桂英 埔心村人): the story reader wants 登记 or"
        " 注册 said",
        ["帮阿嫲开的号 她叫梁桂英 埔心村人"],
    ),
    (
        "an adviser asking how to answer (格式是什么): the FAQ's answer on asking experts is given; the help text (答"
        " <编号> <回答>) would be right",
        ["顾问怎么回复村民的问题 格式是什么"],
    ),
]
test_round_19i_probe = blind_set_test("19i", _ROUND_19I_LEFT)


# Round 19's tenth and eleventh blind sets (tests/data/conversation_probes_19j.tsv and 19k.tsv, 140 probes each), written
# in the twenty-first session by writers who saw only DESIGN.md, the seeds and a sheet of contexts and kinds. Blind
# figures: 19j on main before rounds 31 and 32 (2c557cd) 107/140; 19k, sealed to the end of that session, main 431bbbb
# 102/140, 4b955c2 108/140. Rounds 33 and 33b (the twenty-second session) were developed on their misses: development
# figures after: 19j 138/140, 19k 140/140. The misses left are listed here, strict.
# Round 36 (作废: a finished record withdrawn by its sender, asked to confirm) fixed the two left, once their context
# was made the one their notes describe (finished: a record just reported; member had logged none to void).
_ROUND_19J_LEFT: list[tuple[str, list[str]]] = []
test_round_19j_probe = blind_set_test("19j", _ROUND_19J_LEFT)


_ROUND_19K_LEFT: list[tuple[str, list[str]]] = []
test_round_19k_probe = blind_set_test("19k", _ROUND_19K_LEFT)


# Round 19's twelfth blind set (tests/data/conversation_probes_19l.tsv, 140 probes), written in the twenty-second session
# by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figures: main before rounds 33 and 33b
# (077340c) 122/140; after them and round 35 (9e1b770) 126/140. Round 34 (registration told in clauses) was made from
# its misses after; round 36 fixed the ten left (tests/e2e/test_conversation_round36.py). Misses would be listed here,
# strict.
_ROUND_19L_LEFT: list[tuple[str, list[str]]] = []
test_round_19l_probe = blind_set_test("19l", _ROUND_19L_LEFT)


# Round 19's thirteenth blind set (tests/data/conversation_probes_19m.tsv, 140 probes), written in the twenty-third session
# by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figures: main before (6221caf) 112/140; round
# 36 (conv36, 7b83785, made without it) 113/140. Round 37 (tests/e2e/test_conversation_round37.py) was made from its
# misses after: 131/140. Round 38 (tests/e2e/test_conversation_round38.py) fixed four: the household's tree asked for a
# grandfather, adoption's procedure, adopting from afar (welcome, then 登记: seed 002's 外出乡贤 认种认养), a void with
# nothing reported (told there is none): 135/140. The misses left are listed here, strict, with why (by design).
_ROUND_19M_LEFT: list[tuple[str, list[str]]] = [
    (
        "how to sign up for the planting day, no wish said: the day's details (event_asked; 参加 records attendance, round"
        " 33's how rule); the writer labelled it join",
        ["听说村里搞义务植树 点样报名"],
    ),
    (
        "a symptom with no tree named and no follow-up word inside the ticket's window: its own ticket by design (issue 17"
        " §5: a supplement only when clearly about the same tree)",
        ["叶子背面有啲白色小点点 唔知系咪虫"],
    ),
    (
        "a cadre logging for elderly households: the FAQ's 代种 answer (how a cadre logs for others); the probe wants the"
        " planting steps",
        ["我要给几户老人家报种的树 他们不会用手机"],
    ),
]
test_round_19m_probe = blind_set_test("19m", _ROUND_19M_LEFT)


# Round 19's fourteenth blind set (tests/data/conversation_probes_19n.tsv, 140 probes), written in the twenty-fourth
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (d60aa3c)
# 119/140 (120/140 with round 38's left_to_plant). Round 39 (tests/e2e/test_conversation_round39.py) was made from its
# misses after: 139/140, a development figure. The misses left are listed here, strict, with why.
# The one left after round 39 (a retraction with nothing ever reported: '刚才登记的那条不要了 弄错了') was fixed by round
# 38's merge: with nothing to drop or withdraw the sender is told so (planting.withdraw_nothing), as for 19m's.
_ROUND_19N_LEFT: list[tuple[str, list[str]]] = [
    # FAQ round 51's '全村几多户种咗树' (the model asked back the quota or how to check) passes since the lead's
    # group_done_asked (thirty-ninth session): how many of a group have done it is the village's progress
]
_ROUND_19N_LEFT.append((_DISPUTED_ROSTER_NAME, ["member:我叫陈亚娣 埔心村五队嘅"]))
test_round_19n_probe = blind_set_test("19n", _ROUND_19N_LEFT)


# Round 19's fifteenth blind set (tests/data/conversation_probes_19o.tsv, 140 probes), written in the twenty-fifth
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (f8c8043)
# 124/140. Round 41 (tests/e2e/test_conversation_round41.py) was made from its misses after: 139/140, a development
# figure. The one left is listed here, strict, with why (by design).
_ROUND_19O_LEFT: list[tuple[str, list[str]]] = [
    (
        "how to sign up for the planting day, no wish said: the day's details (event_asked; 参加 records attendance, round"
        " 33's how rule, as 19m's '听说村里搞义务植树 点样报名'); the writer labelled it join",
        ["义务植树活动点报名"],
    ),
]
test_round_19o_probe = blind_set_test("19o", _ROUND_19O_LEFT)


# Round 19's sixteenth blind set (tests/data/conversation_probes_19p.tsv, 140 probes), written in the twenty-fifth
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (76b56c4)
# 113/140. Round 42 (tests/e2e/test_conversation_round42.py) was made from its misses after: 139/140, a development
# figure. The one left is listed here, strict, with why (by design).
_ROUND_19P_LEFT: list[tuple[str, list[str]]] = [
    (
        "round 95, AT-BS in the precedents (changed): bot.care_zones (precedents) -> escalate (low_confidence)",
        ["cadre:我负责河边那块 帮我认领"],
    ),
    (
        "by design: a villager's planting for another household (a neighbour without a phone) is not recorded as the"
        " sender's; the reply points to the cadres' 代种 (round 40); the writer labelled it planting",
        ["帮隔篱屋陈伯种咗一棵荔枝 佢冇手机"],
    ),
]
test_round_19p_probe = blind_set_test("19p", _ROUND_19P_LEFT)


# Round 19's seventeenth blind set (tests/data/conversation_probes_19q.tsv, 140 probes), written in the twenty-sixth
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (e31766e)
# 119/140. Round 43 (tests/e2e/test_conversation_round43.py) was made from its misses after: 139/140, a development
# figure. The one left is listed here, strict, with why (by design).
# round 68 (the lead's decision): how to claim a zone asked alone ('责任区点样认领'), by a party member or cadre of a
# village with zones, is the zones' list, which ends with how to claim by number (it had been the FAQ's steps by design)
_ROUND_19Q_LEFT: list[tuple[str, list[str]]] = []
test_round_19q_probe = blind_set_test("19q", _ROUND_19Q_LEFT)


# Round 19's eighteenth blind set (tests/data/conversation_probes_19r.tsv, 140 probes), written in the twenty-sixth
# session by a writer who saw only DESIGN.md and the seeds. Blind figure: main before (4d81beb) 124/140. Round 44
# (tests/e2e/test_conversation_round44.py) was made from its misses after: 137/140, a development figure. The three left
# are listed here, strict, with why (two labels, one by design; round 48 mended the 代种 one: a cadre asking how to log
# for another household gets the 代种 steps as the record's help, planting_menu). Round 52 mended how to register asked
# with the village and no name ('点样注册 我系埔心村村民'): a bare 登记 with the village kept, the name asked next. Round 58
# mended the last, by design till then: white insects under the leaves told in a ticket's window ('叶底有啲白色细虫') are
# what the villager sees on the ticket's tree, its 补充 (bot/escalation.py ``symptom_told``), as every blind writer reads it.
_ROUND_19R_LEFT: list[tuple[str, list[str]]] = []
test_round_19r_probe = blind_set_test("19r", _ROUND_19R_LEFT)


# Round 19's nineteenth blind set (tests/data/conversation_probes_19s.tsv, 140 probes), written in the twenty-seventh
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (d2e60aa)
# 121/140. Round 46 (tests/e2e/test_conversation_round46.py) was made from its misses after: 136/140, a development
# figure. The four left are listed here, strict, with why (two by design, one label, one the FAQ's).
# Round 58 mended the first left (by design till then: '叶底有啲白色嘅虫' in a ticket's window, now its 补充).
_ROUND_19S_LEFT: list[tuple[str, list[str]]] = [
    # round 52 mended how to register asked with the village and no name ('点样绑定啊 我系埔心村民'): from a follower not registered yet
    # it is a bare 登记 with the village kept, the name asked next (the harness counts the name asked with the village)
    (
        "by design: how to take part in the planting day asked, no wish said: the day's details (event_asked; 参加 records"
        " attendance, round 33's how rule), as 19o's '义务植树活动点报名'; the writer labelled it join",
        ["义务植树活动点样参加"],
    ),
    (
        "the FAQ's choice: logging trees for an elder of the household asked how is answered by the FAQ's 代种 entry (a"
        " cadre logs for a villager without a phone, the trees in the elder's name), as every '帮阿妈登记种树' is; the"
        " writer wants the villager's own steps (the trees in the sender's name, the household counting them): an FAQ"
        " question, left to the FAQ's rounds",
        ["帮屋企老人登记种树点搞"],
    ),
]
test_round_19s_probe = blind_set_test("19s", _ROUND_19S_LEFT)


# Round 19's twentieth blind set (tests/data/conversation_probes_19t.tsv, 140 probes), written in the twenty-seventh
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main before (866af20)
# 121/140. Round 47 (tests/e2e/test_conversation_round47.py) was made from its misses after: 131/140, a development
# figure. The nine left were listed here, strict, with why; round 48 mended the harness's (in context twice the first
# message's record is the context's), the elliptic follow-up (全村呢: the kind last asked remembered) and the 代种
# label (a cadre asking how to log for an elder gets the 代种 steps as the record's help).
# round 92 mended 呢个系做乜嘢嘅 (what this account is for: the help, nlu.account_purpose_asked)
_ROUND_19T_LEFT: list[tuple[str, list[str]]] = [
    # round 68 (the lead): '党员责任区点样认领' is the zones' list for a party member of a village with zones
    # round 52 mended how to register asked with the village and no name ('点样绑定呀 我系埔心村村民'): from a follower not registered yet
    # it is a bare 登记 with the village kept, the name asked next (the harness counts the name asked with the village)
    (
        "the FAQ's: what adopting a tree costs is a ticket with the money note (no FAQ entry on the price); an entry on"
        " adoption's cost, pointing to 认养 for the list, would answer it. Left to the FAQ's rounds",
        ["认养树要几多钱"],
    ),
    (
        "the FAQ's: 认领 (claim) with 养 (to raise) means adopting here, but 认领 is a pledge or a zone everywhere else,"
        " and the FAQ's match reads the zones' entry; a question of its adoption entry would take it. Left to the FAQ's"
        " rounds",
        ["点样认领树来养"],
    ),
    (
        "not mended this round: the party's quota asked, then a pledge said with 报 ('我报两棵杨梅'); 报 also reports"
        " trees planted, and the question said first is answered by the FAQ (the quota)",
        ["党员要种几棵 我报两棵杨梅"],
    ),
    (
        "by design, though not reached: how to take part in the planting day asked with no wish ('要做咩': what it"
        " takes) is the day's details (event_asked, round 37's how rule), as 19s's '义务植树活动点样参加'; here it became"
        " a ticket, as the how rule does not read 要做什么. The writer labelled it join",
        ["参加植树活动要做咩"],
    ),
]
test_round_19t_probe = blind_set_test("19t", _ROUND_19T_LEFT)


# Round 19's twenty-first blind set (tests/data/conversation_probes_19u.tsv, 140 probes), written with 19t in the
# twenty-seventh session by a writer who saw only DESIGN.md and the seeds. Blind figure: main after rounds 46 and 47
# (d67ec84) 115/140; the rename fix after it (tests/e2e/test_rename_19u.py) 118/140. Round 48
# (tests/e2e/test_conversation_round48.py) was made from its misses after: 137/140, a development figure. The three
# left, strict, with why (by design, each an earlier round's decision kept):
_ROUND_19U_LEFT: list[tuple[str, list[str]]] = [
    (
        "by design (round 21, round 33): how to adopt asked with the how first and no wish ('怎么认养', a control in five"
        " rounds) is the FAQ's camp.adopt answer, which says to send 认养 for the list; 认领…嚟认养 (claim to adopt) is read"
        " as adopting, but the how still comes first. Said the other way round ('认养树点搞', '想认领棵树嚟认养 点做') it is"
        " the list",
        ["点样认领啲树嚟认养"],
    ),
    # round 68 (the lead): where the zones are ('党员责任区喺边度'), asked by a party member of a village with zones, is the
    # zones' list (it had been the FAQ's bot.care_zones steps by round 28's design)
    (
        "by design (round 37's how rule, as 19s's '义务植树活动点样参加'): how to go to the planting day asked with no wish"
        " (点去: how to get there) is the day's details (event_asked: where and when, how to check in), since round 48;"
        " it had been the FAQ's campaign overview. The writer labelled it join",
        ["听讲可以参加种树活动 点去"],
    ),
]
test_round_19u_probe = blind_set_test("19u", _ROUND_19U_LEFT)


# Round 19's twenty-second blind set (tests/data/conversation_probes_19v.tsv, 140 probes), written in the twenty-eighth
# session by a writer who saw only DESIGN.md, the seeds and the kinds sheet. Blind figure: main (7cb80bf) 122/140.
# Round 48 (tests/e2e/test_conversation_round48.py) was made from its misses after: 139/140, a development figure. The
# one left then ('叶底仲有啲白色嘅虫仔', by round 20's design) passes since round 53: insects told with 仲有 (also) during a
# ticket join it; told bare (19i's, 19r's, 19s's '叶底有啲白色嘅虫') they join it since round 58 (a symptom told in the
# window, naming no other tree, is the ticket's tree's: bot/escalation.py ``symptom_told``).
_ROUND_19V_LEFT: list[tuple[str, list[str]]] = []
test_round_19v_probe = blind_set_test("19v", _ROUND_19V_LEFT)


# Set 19w (written blind with 19v in the twenty-eighth session, measured once on the session's final main: 116/140).
# Its misses, strict by class, for the next round:
_ROUND_19W_LEFT: list[tuple[str, list[str]]] = [
    # a ticket's tree told of since planting ('种落去差唔多两个月，之前好地地'): its 补充 since AP joined the FAQ's
    # precedents (FAQ round 49: the model no longer reads a question of its own in it)
    # round 50 fixed the campaign's duties said otherwise: which trees to adopt (揀), paying for one, joining the day
    # (仲可以报名吗，我想去), one's zone (管护区域, 领一块地…淋水护树), an adviser's visit (记低今日下乡)
    # round 51 fixed the bamboo counted with 条 after 种好咗 ('种好咗三条竹')
]
test_round_19w_probe = blind_set_test("19w", _ROUND_19W_LEFT)


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_19x.tsv", {}))
def test_round_19x_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), cases("conversation_probes_19y.tsv", {}))
def test_round_19y_probe(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Sets 19z and 20a (140 probes each, blind, written in the thirtieth session by a writer who saw only DESIGN.md, the
# seeds and the kinds sheet). Blind figures: main (a39f4d0) 19z 133/140, 20a 125/140. Round 52
# (tests/e2e/test_conversation_round52.py) was made from their misses after: 19z 139/140, 20a 140/140, development
# figures. The miss left, strict, with why:
_ROUND_19Z_LEFT: list[tuple[str, list[str]]] = [
    (
        "by design, looked at again in round 52 (as 19o's identical probe and 19s's '义务植树活动点样参加'): how to sign up"
        " for the planting day asked, no wish said, gets the day's details (event_asked: its name, time and place, and"
        " 参加 there). 参加 (event_join) checks in only at a day under way or later today and otherwise says none is open,"
        " so it would hide a day set for later in the week from one asking how to sign up for it; with no day set (the"
        " harness's case) both replies say the same. The writer labelled it join",
        ["义务植树活动点报名"],
    ),
]
test_round_19z_probe = blind_set_test("19z", _ROUND_19Z_LEFT)


_ROUND_20A_LEFT: list[tuple[str, list[str]]] = []
test_round_20a_probe = blind_set_test("20a", _ROUND_20A_LEFT)


# Sets 20b and 20c (140 probes each, blind, written in the thirty-first session by a writer who saw only DESIGN.md, the
# seeds and the kinds sheet). Blind figures: main (4e6482d) 20b 133/140, 20c 122/140. Round 53
# (tests/e2e/test_conversation_round53.py) was made from their misses after: 20b 139/140, 20c 140/140, development
# figures. The miss left, strict, with why:
_ROUND_20B_LEFT: list[tuple[str, list[str]]] = [
    (
        "by design, decided again in round 53 (as 19o's, 19s's and 19z's): how to sign up for the planting day asked, no"
        " wish said, gets the day's details (event_asked: its name, time and place, and 参加 there, or that none is set"
        " yet and 参加 on the day). 参加 (event_join) checks in only at a day under way or later today, so it would tell"
        " one asking how to sign up for a day later in the week that none is open. The writer labelled it join",
        ["义务植树活动点报名"],
    ),
]
test_round_20b_probe = blind_set_test("20b", _ROUND_20B_LEFT)


_ROUND_20C_LEFT: list[tuple[str, list[str]]] = []
test_round_20c_probe = blind_set_test("20c", _ROUND_20C_LEFT)


# Sets 20d and 20e (140 probes each, blind, written in the thirty-second session by a writer who saw only DESIGN.md,
# the seeds and the kinds sheet). Blind figures: main (9c74dd5) 20d 136/140, 20e 130/140. Round 54
# (tests/e2e/test_conversation_round54.py) was made from their misses after: 20d 140/140, 20e 139/140, development
# figures. The miss left, strict, with why:
_ROUND_20D_LEFT: list[tuple[str, list[str]]] = []
test_round_20d_probe = blind_set_test("20d", _ROUND_20D_LEFT)


# round 71: round 20e's '登记 李冬梅 埔心村 305817' (a name on no roster, digits that are no code) had been refused
# (登记码不对); since round 71 a follower not registered yet is registered as the name alone registers (a 群众, no roster
# person's role taken) and told the code matched nothing (bot/identity.py _registered_without_code): the probe passes
_ROUND_20E_LEFT: list[tuple[str, list[str]]] = []
test_round_20e_probe = blind_set_test("20e", _ROUND_20E_LEFT)


# Set 20f (140 probes, blind, written in the thirty-second session by a writer who saw only DESIGN.md, the seeds and the
# kinds sheet; measured once, at the session's end, on c4c9170): 127/140, the honest figure. Its 13 misses were not read
# by class before the session ended: strict, for the next round to mend or to decide by design.
# round 56: all thirteen read by class and mended (tests/e2e/test_conversation_round56.py); 20f is development since
# round 92 mended 这个是做什么的 (what this account is for: the help, nlu.account_purpose_asked)
_ROUND_20F_LEFT: list[tuple[str, list[str]]] = [
    (
        "round 95, AT-BS in the precedents (changed): bot.progress (precedents) -> escalate (not_covered)",
        ["twice:我的进度 || 咁我哋村呢 全村几多棵了"],
    ),
]
test_round_20f_probe = blind_set_test("20f", _ROUND_20F_LEFT)


# Sets 20g and 20h (140 probes each, blind, written in the thirty-third session by a writer who saw only DESIGN.md, the
# seeds and the kinds sheet; measured once, on 9ee0c52): 126/140 and 125/140, the honest figures. Round 57 took them as
# development: their misses read by class and mended in general (tests/e2e/test_conversation_round57.py, own examples
# first): 137/140 and 138/140 after, development figures. The misses left, strict, each with why (read, not mended in round 57
# for time: the next round's).
_ROUND_20G_LEFT: list[tuple[str, list[str]]] = [
    (
        "登记错咗 ('logged wrongly') first is read as 登记 <name> <village> (name 错咗): the register reader takes any"
        " 登记 head; a retraction after it (撤销啱啱嗰个记录) should be withdraw's. Not mended in round 57",
        ["登记错咗 撤销啱啱嗰个记录"],
    ),
    # round 58 mended two more by their class (20j's): how to log one's trees asked how first by a follower not
    # registered yet ('点样登记种树': the planting help, 登记 first), and 认种认养 as one word ('认种认养有咩树': the list)
]
test_round_20g_probe = blind_set_test("20g", _ROUND_20G_LEFT)


_ROUND_20H_LEFT: list[tuple[str, list[str]]] = [
    (
        "a long voice story with no pause (46 characters; name after 三队嘅 in the middle): readers read a short text or a"
        " story's clauses; with no pause nothing is a clause, and the whole is a question for the adviser. Not mended"
        " in round 57",
        ["喂喂听唔听到啊我系埔心村三队嘅陈秋枫我个仔帮我关注咗呢个话要登记一下先可以报种树"],
    ),
    (
        "a bare name after 改名 from a roster person (whose name is the office's): a question for the adviser; it should"
        " say again that the office corrects it (fix_name), with the name given. Not mended in round 57",
        ["改名 || 李桂英"],
    ),
]
test_round_20h_probe = blind_set_test("20h", _ROUND_20H_LEFT)


# Sets 20i and 20j (140 probes each, blind, written in the thirty-third session from DESIGN.md, the seeds and the kinds
# sheet; measured once at its end, on c1ac456): 132/140 and 131/140, the honest figures; two of their misses were
# mended after (README.md). Round 58 read the fifteen left (strict xfails till then) by class
# (tests/e2e/test_conversation_round58.py: each class's own examples and controls, run before and after): a party
# member asking where and how many 责任区 (the list) and signing up for this year's 植树日 (参加); within a ticket's 补充
# window a symptom told, how many trees it is on, or the trees pointed at where they stand (its 补充); the record's next
# step asked with a particle after 'then', whether words must still be typed, how to get it recorded; an elder's long
# story naming themselves with 我叫 (登记), a question mark alone (帮助), how to log one's trees asked how first by a
# follower not registered yet (登记 first); 认种认养 as one word (the list); 审核咗未 (review_why). 140/140 and 140/140
# after, development figures. Misses left would be listed here, strict, each with why.
# conv100 mended the one left ('多谢 下次再种点样登记': trees planted another time, how to report them: the steps,
# nlu._PLANT_AGAIN_HOW_RE, no longer the FAQ's)
_ROUND_20I_LEFT: list[tuple[str, list[str]]] = []
test_round_20i_probe = blind_set_test("20i", _ROUND_20I_LEFT)


_ROUND_20J_LEFT: list[tuple[str, list[str]]] = []
test_round_20j_probe = blind_set_test("20j", _ROUND_20J_LEFT)


# Sets 20k and 20l (150 probes each, blind, written from DESIGN.md, the seeds and the kinds sheet). Blind figures: main
# (692fcd9) 143/150 each. Round 59 (tests/e2e/test_conversation_round59.py) took them as development: their misses read by
# class and mended in general (20k 148/150, 20l 147/150 after, development figures). Five classes were another helper's in
# the same round (conv58), mended on its own branch; until it is merged they are left here, strict, each with why:
# round 58 (conv58) mended the two left of its classes: a symptom told in a ticket's window ('佢落嘅叶大概有一半树头有啲烂':
# its 补充) and a new follower's '点样登记种咗嘅树' (the planting help, 登记 first)
_ROUND_20K_LEFT: list[tuple[str, list[str]]] = []
test_round_20k_probe = blind_set_test("20k", _ROUND_20K_LEFT)


# round 58 (conv58) mended '叶底有啲白色小虫' in a ticket's window (its 补充: round 20's rule dropped)
_ROUND_20L_LEFT: list[tuple[str, list[str]]] = [
    (
        "conv58's class (a party member's 责任区 in Cantonese is the zone list): the care zones asked which and wished near"
        " home ('党员责任区有边几块 我想揾一块近屋企嘅') becomes a ticket. Round 58 reads the middle clause alone"
        " ('村里面嘅党员责任区有边几块': the list), but not between who one is and the wish after it (three clauses, the"
        " wish's 揾 not read as 认领); left for time",
        ["party:我系党员 村里面嘅党员责任区有边几块 我想揾一块近屋企嘅"],
    ),
    # round 58 (conv58) mended whether the tree is to be said next, then how ('下一步系咪要讲种咗咩树 点讲': the record's
    # next step, ``nlu.record_next_asked``)
]
test_round_20l_probe = blind_set_test("20l", _ROUND_20L_LEFT)


# round 61 (conv61) mended the seven by class (tests/e2e/test_conversation_round61.py): adoption asked in the passive or
# in one's capacity (bot/nlu.py _BY_PEOPLE_RE, _AS_WHOM_RE), reminders asked then refused (_REFUSED_AFTER_ASKED_RE), the
# name told then the change asked (_RIGHT_NAME_RE), how to log asked after the wish (_LOG_TREES_THEN_HOW_RE), the
# village's plot (_VILLAGE_PLANTED_RE), one more pledge (bot/pledges.py _PREFIX)
_ROUND_20M_LEFT: list[tuple[str, list[str]]] = []
test_round_20m_probe = blind_set_test("20m", _ROUND_20M_LEFT)


# round 61 (conv61) mended the six by class (tests/e2e/test_conversation_round61.py): how to log asked after the wish, or
# 登记 of a tree alone (bot/nlu.py _LOG_TREES_THEN_HOW_RE, log_tree_named), what a role may use the bot for
# (_WHAT_I_MAY_DO_RE), the zones where and whether to choose (_WHICH_TO_TAKE_AFTER_RE), the ticket's trees told by when
# they were planted (_TREES_IDENTIFIED_RE), the ticket's tree said shortened (nlu.shortened_tree_said)
_ROUND_20N_LEFT: list[tuple[str, list[str]]] = []
test_round_20n_probe = blind_set_test("20n", _ROUND_20N_LEFT)


# round 61 (conv62) read 20o's twelve misses by class and mended ten (tests/e2e/test_conversation_round61.py: a lack guessed,
# the trouble's degree, what is still well in a ticket's window; registering in one breath; the queue in other words; a
# pledge of more; when planted with a count in a ticket's window; where to take the photo, a photo that cannot be sent;
# how to log asked by a follower not registered yet)
_ROUND_20O_LEFT: list[tuple[str, list[str]]] = [
    (
        "the label, not the bot: a finished record's tree said wrong and said right ('刚才那个不是荔枝是龙眼') is asked"
        " to be corrected in place (route recount: '要把第…号记录改成：2棵龙眼吗'), the project's rule since the recount"
        " (handlers/__init__.py); the sheet's 'cancel' would withdraw two trees that were planted. Left strict on purpose",
        ["finished:刚才那个不是荔枝是龙眼"],
    ),
]
test_round_20o_probe = blind_set_test("20o", _ROUND_20O_LEFT)


# round 61 (conv62) read 20p's fourteen misses by class and mended eleven (a lack guessed, a campaign day in Cantonese; a
# registration said beside the village, made for an elder; 取消啦; counted asked; the queue, the commands, the zones'
# holders; how to log a tree asked by a follower not registered yet; the quota then one's own count: one's progress)
_ROUND_20P_LEFT: list[tuple[str, list[str]]] = [
    (
        "the label, not the bot: a finished record's tree said wrong and said right ('头先报错咗 唔系荔枝系龙眼') is asked"
        " to be corrected in place (route recount), the project's rule; 'cancel' would withdraw trees that were planted."
        " Left strict on purpose",
        ["finished:头先报错咗 唔系荔枝系龙眼"],
    ),
    (
        "the project's rule decides otherwise: why the village is reported behind is the 通报's supervision entry of the"
        " FAQ (bot/nlu.py _REPORT_NOT_ASKED_RE: '为什么我们村被通报了' is a dispute, never the village's line); the sheet"
        " wants the village's figures. Left strict on purpose",
        ["cadre:点解我哋村话滞后"],
    ),
    (
        "the project's rule decides otherwise: 登记 with a tree's name where a name goes ('登记 荔枝 三棵') is answered"
        " both ways at once (registration.tree_not_name: it is a tree, how to register, how to record trees), on"
        " purpose (handlers/registration.py on_register); the sheet wants the planting help's register-first line",
        ["new:登记 荔枝 三棵"],
    ),
]
test_round_20p_probe = blind_set_test("20p", _ROUND_20P_LEFT)


_ROUND_20Q_LEFT: list[tuple[str, list[str]]] = [
    # '帮帮涯 唔识用' is read since faq136's Hakka words (涯 is 我: the help)
    (
        "blind miss of set 20q (e7ba264 and b80fb32 alike); round 64 read the others by class. Left: the ticket's trees"
        " described with a count and Hakka 恁样 (like this) start a record; round 57's trees_described reads such words"
        " with no tree named, with one named they are a planting text; not read yet",
        ["ticket:屋下有两棵桂花 两棵都系恁样"],
    ),
    (
        "blind miss of set 20q: a remedy tried and not helping (落了石灰 冇用), said after the FAQ answered the first"
        " question (no ticket open), is read as small talk; whether it makes the ticket (the FAQ's answer did not"
        " help) or gets the FAQ's answer again is a design decision, not made in round 64",
        ["twice:桃树流胶点算 || 涯落了石灰 冇用"],
    ),
]
_ROUND_20Q_LEFT.append((_DISPUTED_ANOTHER, ["new:涯阿爸叫曾柿生 涯帮佢登记 埔心村 佢冇手机"]))
test_round_20q_probe = blind_set_test("20q", _ROUND_20Q_LEFT)


_ROUND_20R_LEFT: list[tuple[str, list[str]]] = [
    (
        "blind miss of set 20r whose label round 64 believes wrong: a cadre asking how the 村委 logs villagers' trees is"
        " answered with the FAQ's 代种 steps (DESIGN.md: 代种 <姓名> 2棵龙眼 + photo, the cadre's record for a household"
        " without a phone), which is what is asked; the sheet's 'log' wants one's own record's steps",
        ["cadre:村委点样帮村民登记种树"],
    ),
    # conv98 mended 'pending:有咩可以帮到我' (what the bot can help with: nlu.help_said, the help)
]
test_round_20r_probe = blind_set_test("20r", _ROUND_20R_LEFT)


# round 65 read 20s's and 20t's thirty misses by class (tests/e2e/test_conversation_round65.py) and mended eighteen (the
# record itself asked after, whether one's record stands, 认领 naming trees, a numbered command typed by its sound, a
# zone wished then which asked, the adviser's unanswered asked with who, the adviser's seeing asked after a greeting,
# names holding 种 or a tree beside a village, how to log asked with 先); the lines left, each with why
_ROUND_20S_LEFT: list[tuple[str, list[str]]] = [
    (
        "not read yet, of the ticket window (round 64's items this round): a question on the ticket's tree naming no"
        " tree ('会唔会死', a shade guessed told as a relative's question; round 70 mended a second 问专家 repeating the symptom) are"
        " the open ticket's 补充; each made a ticket of its own",
        [
            "ticket:会唔会死㗎 仲有冇得救",
            "ticket:屋企阿爸话系唔系冇晒日头 嗰度好阴",
        ],
    ),
    # round 84 mended 'pending:讲错咗 唔系我种嘅 系隔篱屋种嘅' (the tree said not one's own after the slip: a why of the
    # drop, nlu._WHY_DROPPED_RE): the record waiting is cancelled
    (
        "not read yet: a record in progress given up ('算啦 … 迟啲先') became a photo's ticket, wrong either way; whether"
        " '迟啲先' drops the record or keeps it waiting (round 37 keeps a record put off) is a design question too",
        ["after_photo:算啦 唔记得种咗咩 迟啲先"],
    ),
    # round 71: '问专家 竹子黄晒 || 唔该晒' (left as the label's: thanks got chitchat's 不客气) passes since thanks alone just
    # after a question are thanked back with where its answer will come (ticket_wait, escalation.thanks_waiting)
    (
        "the label, not the bot: '两棵荔枝' after a ticket is a planting told (DESIGN.md: '3棵桂花' is a record that"
        " then waits for its photo), neither the ticket's 补充 nor a ticket; 'one-ticket' forbids the record. Left strict"
        " on purpose",
        ["twice:问专家 桂花黄叶 || 两棵荔枝"],
    ),
]
test_round_20s_probe = blind_set_test("20s", _ROUND_20S_LEFT)


_ROUND_20T_LEFT: list[tuple[str, list[str]]] = [
    (
        "not read yet: field labels dictated around the name and village ('登记 名 杨梅花 村 埔心村'; registration,"
        " round 64's items this round)",
        ["new:唔该 登记 名 杨梅花 村 埔心村"],
    ),
    (
        "not read yet, of adoption: the difference of 认领 and 认养 asked (the list shown, not the FAQ's answer; round 66"
        " read the adoptable trees asked in the passive, '有冇树俾人认养啊')",
        ["member:认领同认养有咩分别"],
    ),
    (
        "the project's rule decides otherwise: 参加 records attendance at the village's day under way or later today"
        " (round 33's rule); signing up for Saturday's day ahead is no feature, the day's details answer (the FAQ"
        " asked which was meant). Left strict on purpose",
        ["party:今个礼拜六支部植树我报个名"],
    ),
]
test_round_20t_probe = blind_set_test("20t", _ROUND_20T_LEFT)


# round 66: six of seven read by class (tests/e2e/test_conversation_round66.py); round 68 (the lead's decision): the
# seventh, where the zones are ('党员责任区喺边') asked by a party member of a village with zones, is the zones' list
_ROUND_20U_LEFT: list[tuple[str, list[str]]] = []
test_round_20u_probe = blind_set_test("20u", _ROUND_20U_LEFT)


# round 66: eleven of thirteen read by class (tests/e2e/test_conversation_round66.py); one a label error, one left
_ROUND_20V_LEFT: list[tuple[str, list[str]]] = [
    (
        "label error (round 66): how to sign up asked ('点报名'), no wish to join said: the day's details and how to join"
        " (event_asked, kind question), as round 58 decided for '今年植树日点报名' (tests/unit/test_nlu_round58.py); 参加"
        " checks in at a day under way, which signing up beforehand is not. It had gone to the adoption FAQ; now event_asked",
        ["party:党员植树活动点报名"],
    ),
    # round 95 (AT-BS in the precedents): Hakka '仲要做么个吗' after a record is answered (tech.after_care, the model);
    # round 102 had made it a ticket, round 105's retrained model answers it again
]
test_round_20v_probe = blind_set_test("20v", _ROUND_20V_LEFT)


# Round 67: sets 20w and 20x, written blind, measured at the thirty-seventh session's start (a77e68c, 130/140 | 131/140);
# their 19 misses read by class (tests/e2e/test_conversation_round67.py has each class's own examples) and all mended,
# the 取消认领 probe by the sheet (pledge_cancel, the contract's withdrawal of a pledge, is the pledge kind's)
# conv100 mended the one left ('下次再种点样登记', as 20i's)
_ROUND_20W_LEFT: list[tuple[str, list[str]]] = []
test_round_20w_probe = blind_set_test("20w", _ROUND_20W_LEFT)


_ROUND_20X_LEFT: list[tuple[str, list[str]]] = []
test_round_20x_probe = blind_set_test("20x", _ROUND_20X_LEFT)


# Sets 20y and 20z, written blind at the thirty-seventh session's start and kept outside until its end; now development
# round 68 (tests/e2e/test_conversation_round68.py): the ten blind misses read by class and mended; the one by design
# ('涯系党员 要领一块责任区 样般领') is the zones' list by the lead's decision (a party member of a village with zones)
_ROUND_20Y_LEFT: list[tuple[str, list[str]]] = []
test_round_20y_probe = blind_set_test("20y", _ROUND_20Y_LEFT)


# round 68 (tests/e2e/test_conversation_round68.py): the three blind misses read by class and mended
_ROUND_20Z_LEFT: list[tuple[str, list[str]]] = []
test_round_20z_probe = blind_set_test("20z", _ROUND_20Z_LEFT)


# Sets 21a and 21b, written blind at the thirty-eighth session's start and measured on f3cc963; now development
# Set 21a: every blind miss mended (round 69 ten by class; round 68's nudge after a ticket, 唔该快啲答我, the last)
_ROUND_21A_LEFT: list[tuple[str, list[str]]] = []
test_round_21a_probe = blind_set_test("21a", _ROUND_21A_LEFT)


_ROUND_21B_LEFT: list[tuple[str, list[str]]] = [
    # round 70: the nudge said as a hello ('问专家 荔枝花期落雨点算 || 喂 有冇人睇到') passes since nudges read as the
    # waiting (conv70); round 71: '登记 叶香樟 埔心村 583104' (left by design: a wrong code bound nothing) passes since a
    # follower not registered yet whose name is on no roster is registered as the name alone registers (a 群众: no
    # roster person's role taken, the role never from the user) and told the code matched nothing (bot/identity.py
    # _registered_without_code); a name on the roster with a wrong code still binds nothing
]
test_round_21b_probe = blind_set_test("21b", _ROUND_21B_LEFT)


# Sets 21c and 21d, written blind at the thirty-eighth session's start and kept outside until its end; now development
_ROUND_21C_LEFT: list[tuple[str, list[str]]] = [
    # round 72 mended five by class (tests/e2e/test_conversation_round72.py): whether the record finished meets the quota,
    # asked with no one named; joining the planting day with what to bring asked after; after a photo, the trees told
    # with one of them in trouble asked (and trees said planted today so: tidy71's line), or the tree insisted on after
    # 'can't you tell?'; an adviser's 签到 typed by its sound with its note corrected in the same breath
    (
        "the sheet's kind is wrong (round 70): trees planted today told after a question ('另外今日又种咗两棵桂花') are"
        " a new record waiting for its photo, never the ticket's 补充 (the bot's planting_text: DESIGN.md, a planting"
        " is recorded from its words and photo), while the kind one-ticket forbids any record; kept strict so a change"
        " of either shows",
        ["twice:问专家 我种嘅木棉歪咗 || 另外今日又种咗两棵桂花"],
    ),
]
test_round_21c_probe = blind_set_test("21c", _ROUND_21C_LEFT)


# round 70 mended set 21d's four blind misses by class (a registered villager's bare 登记, 算啦 to a record waiting,
# 仲有啲虫 in a ticket's window, another tree's 点驳枝 there): tests/e2e/test_conversation_round70.py
_ROUND_21D_LEFT: list[tuple[str, list[str]]] = []
test_round_21d_probe = blind_set_test("21d", _ROUND_21D_LEFT)


# Sets 21e and 21f, written blind at the thirty-ninth session's start and measured on bbf40e7; now development
# round 71: all six read by class and mended (tests/e2e/test_conversation_round71.py); 21e is development since
_ROUND_21E_LEFT: list[tuple[str, list[str]]] = [
    (
        "round 95, AT-BS in the precedents (changed): bot.log_planting (model) -> bot.register (ranked)",
        ["finished:下次点样登记"],
    ),
]
test_round_21e_probe = blind_set_test("21e", _ROUND_21E_LEFT)


# rounds 72 and 74 mended 21f's last ('杨梅可唔可以同桂花种埋一齐' in a 桂花 ticket's window: trees planted together asked,
# a question of its own; with 21l's '石榴同桂花种埋一齐得唔得', the same class)
_ROUND_21F_LEFT: list[tuple[str, list[str]]] = []
test_round_21f_probe = blind_set_test("21f", _ROUND_21F_LEFT)


# Sets 21g and 21h, written blind at the thirty-ninth session's start and kept outside until its end; now development
# round 72 mended 21g's last ('睇下埔心村啲问题': the adviser's 待办 of the village named): tests/e2e/test_conversation_round72.py
_ROUND_21G_LEFT: list[tuple[str, list[str]]] = []
test_round_21g_probe = blind_set_test("21g", _ROUND_21G_LEFT)


# rounds 72 and 73 mended 21h's three by class (a bare 嗯 while a record waits: its next step; a hello from a follower not
# registered yet: the help; 问专家 with the open ticket's own question: ticket_repeat's): tests/e2e/test_conversation_round72.py,
# tests/e2e/test_conversation_round73.py
# round 92 mended 呢个系做咩嘅 (what this account is for: the help, nlu.account_purpose_asked)
_ROUND_21H_LEFT: list[tuple[str, list[str]]] = []
test_round_21h_probe = blind_set_test("21h", _ROUND_21H_LEFT)


# Sets 21i and 21l, written blind at the fortieth session's start (21j and 21k kept outside until its end); now development
# Round 73 read set 21i's nine misses (measured at the fortieth session's start, fbe5a47, 131/140) by class and mended
# them all (tests/e2e/test_conversation_round73.py: the classes' held-out cases)
_ROUND_21I_LEFT: list[tuple[str, list[str]]] = []
test_round_21i_probe = blind_set_test("21i", _ROUND_21I_LEFT)


_ROUND_21L_LEFT: list[tuple[str, list[str]]] = [
    (
        "round 95, AT-BS in the precedents (changed): the count said last recorded -> read otherwise",
        ["after_photo:三棵桂花 唔系唔系 两棵 讲错咗"],
    ),
    (
        "label error (round 74): the tree said fine again and the look called off ('桂花又冇事啦 唔使睇啦 多谢') withdraws the"
        " open question (ticket_resolved, round 70's '唔使啦 自己问到咗': closed, off the adviser's 待办, one ticket); a 补充"
        " would leave the adviser to answer what the villager no longer asks. Kind one-ticket, not supplement",
        ["ticket:桂花又冇事啦 唔使睇啦 多谢"],
    ),
]
# round 72's ticket_repeat (问专家 with the open ticket's own question again) passes 21l's '问专家 我家桂花叶子仲系跌 点算好'
test_round_21l_probe = blind_set_test("21l", _ROUND_21L_LEFT)


# Sets 21j and 21k, written blind at the fortieth session's start and kept outside until its end; now development
_ROUND_21J_LEFT: list[tuple[str, list[str]]] = []
# the lead mended '咁下一步点' after the end measurement ('so' before the next step asked: nlu._SO_FIRST_RE): 135/140
# round 77 mended '代种点用' (how the 代种 works: its steps, nlu.proxy_log_how_asked) and '我阿妈冇手机 佢种咗两棵龙眼点报' (a
# relative with no phone: the household's record with the sender's WeChat, nlu.relative_no_phone_log_asked) and '支部叫我去
# 植树日签到 点签' (how to check in at the day: its check-in, nlu._DAY_CHECK_IN_HOW_RE) and a cadre's bare '更多' (the next
# page of the list just shown, handlers/progress.py _next_page; with none, the adoption list): 139/140; round 75 the
# name corrected ('我个名系李桂华唔系李桂花 打错字': nlu.name_complained): 140/140
test_round_21j_probe = blind_set_test("21j", _ROUND_21J_LEFT)


# round 77 mended the last ('腿定': a fixed command typed by its sound in every character, as the whole message,
# bot/nlu.py _whole_by_sound): 140/140
_ROUND_21K_LEFT: list[tuple[str, list[str]]] = []
test_round_21k_probe = blind_set_test("21k", _ROUND_21K_LEFT)


# Sets 21m and 21n, written blind at the forty-first session's start (21o and 21p kept outside until its end); now development
# rounds 75 and 76 mended the rest (tests/e2e/test_conversation_round75.py, _round76.py); 137/140, three labels disputed
_ROUND_21M_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (round 75): a finished record's count or tree said wrong and said right is its correction asked"
        " to confirm (recount: '要把第N号记录改成：1棵荔枝吗', one 确定 keeps the record with its photo and place), better"
        " for the villager than its withdrawal, which would have them send the photo, count and tree again; round 75"
        " mended what was wrong in it ('系一棵咋': Cantonese 'only' had been read 怎么, and the count said wrong taken"
        " as the new one: '记的就是2棵荔枝，不用改'; tests/e2e/test_conversation_round75.py)",
        [
            "finished:唔系两棵 系一棵咋",
            "finished:我讲错咗 唔系荔枝系龙眼",
        ],
    ),
    (
        "disputed label (round 75): a question for the adviser chased ('我问过啦 点解仲冇人答') is answered with its"
        " waiting (ticket_wait: which number still waits, and how long an adviser may take), one ticket kept; a 补充"
        " would tell the villager something was added to the question when nothing was (set 21m's twice context"
        " takes ticket_wait for '点解冇人答我' as its one ticket)",
        [
            "ticket:我问过啦 点解仲冇人答",
        ],
    ),
]
test_round_21m_probe = blind_set_test("21m", _ROUND_21M_LEFT)


# set 21n's misses (d05feff, 133/140) were mended by round 76 (tests/e2e/test_conversation_round76.py), all seven
_ROUND_21N_LEFT: list[tuple[str, list[str]]] = []
test_round_21n_probe = blind_set_test("21n", _ROUND_21N_LEFT)


# Sets 21o and 21p, written blind at the forty-first session's start and kept outside until its end; now development
# round 78 mended its last blind miss ('喺屋后种嘅 两棵' after a question: its 补充; tests/e2e/test_conversation_round78.py)
_ROUND_21O_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (the lead): 认种 is to undertake to plant (seed 002's 认种认养: 认种 one's own trees, 认养 trees"
        " others planted): the household's pledge (认领), which is what the bot takes; kind pledge, not adopt",
        ["party:认种一棵桂花"],
    ),
]
# the lead mended '点解会咁' after the end measurement (why it is so, asked bare: nlu._ELLIPTIC_CARE_RE): 138/140
test_round_21o_probe = blind_set_test("21o", _ROUND_21O_LEFT)


# set 21p's misses were mended by rounds 78 and 79 (tests/e2e/test_conversation_round78.py, _round79.py), all five
_ROUND_21P_LEFT: list[tuple[str, list[str]]] = []
# the lead mended '阿伯话系咪缺铁' after the end measurement (话, and a lack of any nutrient: nlu._OTHERS_GUESS_RE): 135/140
test_round_21p_probe = blind_set_test("21p", _ROUND_21P_LEFT)


# Sets 21q, 21r and 21t, written blind at the forty-second session's start (21s kept outside until its end); now
# development: measured on 0bcf4f8 (21q 135/140, 21r 129/140, 21t 133/140), every miss listed below until mended
# set 21q's other misses were mended by rounds 78 and 79
_ROUND_21Q_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (round 78): done said bare with nothing in progress and no record just finished is no record"
        " (none can start from no photo, count nor tree): how to log trees is the reply (done_said: the planting help's"
        " steps, as set 21m's '种好咯' with none), the same the probe's kind log would take; kind planting, not log",
        ["party:种好了"],
    ),
]
test_round_21q_probe = blind_set_test("21q", _ROUND_21Q_LEFT)


# set 21r's other misses were mended by rounds 78 and 79
_ROUND_21R_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (round 78): what finishes the record and whether oneself must be in its photo, asked while it"
        " waits for the photo, is answered by the FAQ's photo rules (bot.photo: 人和树苗都在画面里最好, taken on the spot),"
        " which is what was asked; the record still waits, untouched, no ticket; kind how's planting_menu would say only"
        " 'send the photo' and leave the person-in-photo question unanswered",
        ["pending:点样先算种好 要拍埋个人落去咩"],
    ),
    (
        "disputed label (round 78), as set 21m's (round 75): a finished record's count said wrong and said right is its"
        " correction asked to confirm (recount: '要把第N号记录改成：3棵荔枝吗', one 确定 keeps the record with its photo),"
        " better for the villager than its withdrawal (kind cancel), which would have them send the photo, count and"
        " tree again",
        ["finished:刚才写错了 不是两棵 是三棵荔枝"],
    ),
    (
        "disputed label (round 79): '不用问了' asks that the question go no further, the cause found and the tree better;"
        " the bot withdraws the open ticket (ticket_resolved: 已撤回，顾问不用再回答了) where the label wants a 补充 the"
        " adviser would still be asked to answer. Withdrawn is what the villager asked for; kind one-ticket, not"
        " supplement",
        ["ticket:不用问了 是浇水太多 已经好点了"],
    ),
]
_ROUND_21R_LEFT.append((_DISPUTED_ANOTHER, ["new:帮我阿妈登记 黄龙眼 埔心村 佢冇智能手机"]))
test_round_21r_probe = blind_set_test("21r", _ROUND_21R_LEFT)


# set 21t's misses were mended by rounds 78 and 79, all seven
_ROUND_21T_LEFT: list[tuple[str, list[str]]] = []
test_round_21t_probe = blind_set_test("21t", _ROUND_21T_LEFT)


# Set 21s, written blind at the forty-second session's start and kept outside until its end; now development
# set 21s's blind misses were mended by the lead (forty-second and forty-third sessions) and rounds 80 and 81; left: a
# disputed label
_ROUND_21S_LEFT: list[tuple[str, list[str]]] = []
_ROUND_21S_LEFT.append((_DISPUTED_ANOTHER, ["new:我老豆冇智能手机 用我个号同佢登记得唔得 佢叫刘松林埔心村"]))
test_round_21s_probe = blind_set_test("21s", _ROUND_21S_LEFT)


# set 21u (blind at the forty-third session's start, 130/140): its misses mended by rounds 80 and 81 and the lead; left:
# a disputed label
_ROUND_21U_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (round 80), as sets 21m's and 21r's (rounds 75 and 78): a finished record's count said wrong and"
        " said right is its correction asked to confirm (recount: '要把第N号记录改成：3棵荔枝吗', one 确定 keeps the record"
        " with its photo), where kind planting wants a record; no second record of 3棵 should start beside the 2棵",
        ["finished:其实系三棵唔系两棵"],
    ),
]
test_round_21u_probe = blind_set_test("21u", _ROUND_21U_LEFT)


# set 21v (blind at the forty-third session's start, 129/140): its misses mended by rounds 80 and 81; left: disputed labels
_ROUND_21V_LEFT: list[tuple[str, list[str]]] = []
_ROUND_21V_LEFT.append(
    (
        _DISPUTED_ANOTHER,
        [
            "member:帮我老公也登记一下 刘松林 埔心村",
            "cadre:帮我们村的陈伯登记 陈大榕 埔心村",
            "new:帮我阿妈登记 她叫黄荔香 埔心村的 她没手机用我的",
        ],
    )
)
test_round_21v_probe = blind_set_test("21v", _ROUND_21V_LEFT)


# Set 21w, written blind at the forty-third session's start and kept outside until its end (start 407af84 134/140, end
# after every merge 135/140); now development, 140/140
_ROUND_21W_LEFT: list[tuple[str, list[str]]] = []  # the lead mended the last five after the end measurement
test_round_21w_probe = blind_set_test("21w", _ROUND_21W_LEFT)


# round 82: a tree told planted and a worry about it after ('我屋企门口种咗棵木棉 会唔会大咗顶住屋') is round 68's report then
# a question: a registered villager's record with the question answered (planting_text, kind planting), a follower not
# registered yet's both kept for after 登记 (round 80); the kind question forbids the record the villager told of
_DISPUTED_WORRY = (
    "disputed label (round 82): a tree told planted (种咗棵木棉) with a worry after it is a report then a question (round 68:"
    " the record, the question answered; from a follower not registered yet both kept for after 登记, round 80); the kind"
    " question wants no record of the tree the villager says was planted"
)


# Set 21x, written blind at the forty-fourth session's start (main 7fc8cd3 128/140); now development
# its blind misses mended by round 82; round 92 settled its disputed label: a cadre asking which households pledged
# ('全村有边几户认领咗种树') gets the village's pledge list (pledge_list, the kind pledge), with its 认领安排 line after it
_ROUND_21X_LEFT: list[tuple[str, list[str]]] = []
test_round_21x_probe = blind_set_test("21x", _ROUND_21X_LEFT)


# Set 21y, written blind at the forty-fourth session's start (main 7fc8cd3 134/140); now development
_ROUND_21Y_LEFT: list[tuple[str, list[str]]] = [  # its blind misses mended by round 82; left: a disputed label
    (
        _DISPUTED_WORRY,
        ["new:我屋企门口种咗棵木棉 会唔会大咗顶住屋"],
    ),
]
test_round_21y_probe = blind_set_test("21y", _ROUND_21Y_LEFT)


# Set 21z, written blind at the forty-fourth session's start and kept outside until its end (start 7fc8cd3 130/140, end
# after every merge 131/140); its nine misses mended after (conv83a, conv83b): now development, 140/140
_ROUND_21Z_LEFT: list[tuple[str, list[str]]] = []
test_round_21z_probe = blind_set_test("21z", _ROUND_21Z_LEFT)


# Set 22a, written blind at the forty-fifth session's start (main 579fc2a 131/140); now development. Round 84 mended its
# seven blind misses of the conversation (tests/e2e/test_conversation_round84.py), round 85 its two duty kinds' (the
# request-frame reader, tests/e2e/test_conversation_round85.py): 140/140
_ROUND_22A_LEFT: list[tuple[str, list[str]]] = []
test_round_22a_probe = blind_set_test("22a", _ROUND_22A_LEFT)


# Set 22b, written blind at the forty-fifth session's start (main 579fc2a 132/140); now development. Round 84 mended its
# six blind misses of the conversation (tests/e2e/test_conversation_round84.py), round 85 its two duty kinds' (the
# request-frame reader, tests/e2e/test_conversation_round85.py): 140/140
_ROUND_22B_LEFT: list[tuple[str, list[str]]] = []
test_round_22b_probe = blind_set_test("22b", _ROUND_22B_LEFT)


# Set 22c, written blind at the forty-fifth session's start and kept outside until its end (start 579fc2a 127/140, end
# after every merge 128/140); now development, its misses strict xfails until mended. Round 87 mended seven
# (tests/e2e/test_conversation_round87.py: whether recorded, how to log again, a rename in two messages, a visit logged
# loosely, a photo sent by mistake, how to tell the tree, a choice of trees at a 示范点)
# round 92 mended 呢个系做咩嘅 (what this account is for: the help, nlu.account_purpose_asked); round 95 the one left, a
# future plan at a place (喺门口种两棵杨梅 先报个数: nlu._PLAN_PLACE), the household's pledge: 140/140
_ROUND_22C_LEFT: list[tuple[str, list[str]]] = []
test_round_22c_probe = blind_set_test("22c", _ROUND_22C_LEFT)


# Set 22d, written blind at the forty-sixth session's start (main 6fcdb66 135/140); now development, its misses strict
# xfails until mended. Round 87 mended two (tests/e2e/test_conversation_round87.py: the surname said before the full
# name, whether the trees pointed at were recorded)
_ROUND_22D_LEFT: list[tuple[str, list[str]]] = [
    (
        "frames75 (round 87 left it to the duty readers' move onto bot/request_frames.py): a zone named as tended by"
        " nobody ('石岗片冇人管', read as a question by its 没有人), then taken on ('我嚟负责': 来 before the act), is its"
        " claim (zone_claim_named)",
        ["party:石岗片冇人管 我嚟负责啦"],
    ),
]
# round 97 (conv97: a pledge's count or tree corrected just after it, pledges.count_changed) mended
# 'twice:认领两棵荔枝 || 讲错 系两棵龙眼', which round 87 had left
test_round_22d_probe = blind_set_test("22d", _ROUND_22D_LEFT)


# Set 22e, written blind at the forty-sixth session's start (main 6fcdb66 136/140); now development, its misses strict
# xfails until mended
_ROUND_22E_LEFT: list[tuple[str, list[str]]] = []  # round 87 mended its four (tests/e2e/test_conversation_round87.py)
test_round_22e_probe = blind_set_test("22e", _ROUND_22E_LEFT)


# Set 22f, written blind at the forty-sixth session's start and kept outside until every change of the session was in
# (main 6fcdb66 133/140; the merge of the session's rounds 133/140: the same seven); now development, its misses strict
# xfails until mended
_ROUND_22F_LEFT: list[tuple[str, list[str]]] = [
    (
        "the lead: a pledge's tree corrected just after it (22d's class: the records' correction reads it today)",
        ["twice:认领两棵荔枝 || 唔好意思 唔系荔枝 系三棵龙眼"],
    ),
]
test_round_22f_probe = blind_set_test("22f", _ROUND_22F_LEFT)


# tidy76: the kind 'rename' had accepted the register route, which never tells a registered sender how to change a
# name: a roster party member's '登记 刘木兰 埔心村' unbound their roster row (党员, with its quota) and bound a new
# self-registered 群众 刘木兰, answering '登记好了：刘木兰…'. A rename is fix_name's, its reply the one for the sender
# (``Probe.explains_the_rename``); reg77: a roster person's 登记 of a name not theirs is fix_name's (the office corrects
# it), the roster binding and its role kept (tests/e2e/test_registration_reg77.py).
def test_a_rename_is_judged_by_how_to_change_the_name(probe):
    assert probe.run("party", "登记 刘木兰 埔心村", "rename") == ""
    assert probe.rows("SELECT role, source FROM people WHERE openid = ?", [probe.openid]) == [
        {"role": "党员", "source": "roster"}
    ]
    assert (
        probe.run("member", "我的名字写错了", "rename") == ""
    )  # control: the roster's people are told the office corrects it
    assert probe.run("party", "改名 刘木兰", "rename") == ""  # control: the command, the same explanation


# Set 22g, written blind at the forty-seventh session's start (main 0c5e8a3 131/140); now development. Round 89 mended its
# nine misses by class (tests/e2e/test_conversation_round89.py): 140/140
_ROUND_22G_LEFT: list[tuple[str, list[str]]] = []
test_round_22g_probe = blind_set_test("22g", _ROUND_22G_LEFT)


# Set 22h, written blind at the forty-seventh session's start (main 0c5e8a3 132/140); now development. Round 89 mended its
# eight misses by class (tests/e2e/test_conversation_round89.py): 140/140
_ROUND_22H_LEFT: list[tuple[str, list[str]]] = []
test_round_22h_probe = blind_set_test("22h", _ROUND_22H_LEFT)


# Set 22i, written blind at the forty-seventh session's start and kept outside until every change of the session was in
# (main 0c5e8a3 138/140; the merge of the session's rounds 138/140: the same two); now development, its misses strict
# xfails until mended
# round 92 mended a cadre's 几多户已经认领咗 边个未认领 (the village's pledge list: pledge_list)
_ROUND_22I_LEFT: list[tuple[str, list[str]]] = [
    (
        "the lead: an adviser's visit told with what was done (睇咗啲桂花 同村干部讲咗点管护) and 记低我来过 is the visit's"
        " sign-in (22f's class: 记低我嚟过 after a loose visit), never a question",
        ["adviser:我今日喺埔心村睇咗啲桂花 同村干部讲咗点管护 记低我来过"],
    ),
]
test_round_22i_probe = blind_set_test("22i", _ROUND_22I_LEFT)


# Set 22j, written blind at the forty-eighth session (main b35c9d3 132/140); now development. Round 90 mended seven of its
# eight misses by class (tests/e2e/test_conversation_round90.py): 139/140; the one left a strict xfail
_ROUND_22J_LEFT: list[tuple[str, list[str]]] = []  # round 92 mended the cadre's how for villagers with no smartphone
# (村民冇智能手机嘅 我点样帮佢哋报种树: the 代种 steps, nlu.no_phone_others_log_asked; tests/e2e/test_conversation_round92.py)
test_round_22j_probe = blind_set_test("22j", _ROUND_22J_LEFT)


# Set 22k, written blind at the forty-eighth session (main b35c9d3 127/140); now development. Round 90 mended six of its
# thirteen misses by class (tests/e2e/test_conversation_round90.py): 133/140; the others strict xfails until mended (round
# 94 mended 系上个月先换咗盆 in a ticket's window: the pot's change is the 补充, matching.toml's answer_needs for bot.rebind)
_ROUND_22K_LEFT: list[tuple[str, list[str]]] = [
    (
        "contested: trees planted told then a question is round 69's record plus the answer (the reply answers the"
        " watering); the planting day's sign-up asked while a record waits is answered (no day set yet) by event_asked",
        ["member:我种咗三棵桂花 要几耐淋一次水", "pending:礼拜六嘅植树活动点报名"],
    ),
]  # round 91 mended the village's count asked after a story (镇里面话我哋落后 睇下村里而家几多棵)
test_round_22k_probe = blind_set_test("22k", _ROUND_22K_LEFT)


# Set 22l, written blind at the forty-eighth session's start and kept outside until every change of the session was in
# (main b35c9d3 132/140; after rounds 90 and 91 132/140, the same eight): now development; 133/140 after the lead's round,
# 134/140 after round 93 (how to register with the village given and no pause: identity._at_the_seam); 139/140 after
# round 99 (the villagers' questions wished shown, '今日啲村民问题清单发俾我睇下': nlu.villagers_questions_shown).
_ROUND_22L_LEFT: list[tuple[str, list[str]]] = [
    (
        "the lead: a photo sent to the wrong person withdrawn (我发错人) cancels the record waiting, no ticket (round 92"
        " mended which households have pledged asked loosely: the village's pledge list, 22i's class)",
        ["after_photo:嗰张相唔算 我发错人"],
    ),
]  # the lead's round at the session's end mended 我话退订啊 (a command insisted on: nlu.without_please); round 92 a second
# message because the first seemed unanswered (喂 有冇收到 on one's ticket: ticket_wait; 点解仲系零 after 我的进度: review_why)
test_round_22l_probe = blind_set_test("22l", _ROUND_22L_LEFT)


# Set 22m, written blind (140 probes) and development for round 93 (conv93; main 5c5899bc 129/140). Round 93 mended nine
# of its eleven misses by class (tests/e2e/test_conversation_round93.py): 138/140; round 92 (conv92) the other two, the
# pledge list asked loosely (边几户认领咗) and a check just after a record (收到未呀): 140/140 at the merge
_ROUND_22M_LEFT: list[tuple[str, list[str]]] = []
test_round_22m_probe = blind_set_test("22m", _ROUND_22M_LEFT)


# Set 22n, written blind at the forty-ninth session's start and kept outside until every change of the session was in
# (main 5c5899bc 130/140; with rounds 92, 93, 100 and 101 131/140: 村民问我嘅嘢喺边度睇 is round 93's queue asked where);
# now development. The lead's round after the kept figure (我想退订 is the command, tests/e2e/test_conversation_lead49.py)
# mended 唔该 我想退订 in a ticket's window and 退订 || 我讲错咗 唔好退订 (the unsubscribing refused): 133/140.
_ROUND_22N_LEFT: list[tuple[str, list[str]]] = []  # round 94 (conv94) mended the seven left: 140/140
test_round_22n_probe = blind_set_test("22n", _ROUND_22N_LEFT)


# Set 22o, written blind (140 probes) and development for round 95 (conv95; main 0ffd1629 131/140). Round 95 mended six of
# its nine misses by class (tests/e2e/test_conversation_round95.py): 137/140; round 94 one more (长塘片我嚟负责得唔得), the
# lead the last two (room left in a zone asked is the list, never a claim; 录咗未 is the record's state:
# tests/e2e/test_conversation_lead50.py): 140/140
_ROUND_22O_LEFT: list[tuple[str, list[str]]] = []
test_round_22o_probe = blind_set_test("22o", _ROUND_22O_LEFT)


# Set 22p, written blind at the fiftieth session's start and kept outside until every change of the session was in
# (main 0ffd1629 135/140; with rounds 94, 95, 102, 103, esc101, tidy79 and the lead's first fixes 136/140: 石岗片仲有冇位
# 我想认领嚟管); now development. The lead's round after the kept figure (tests/e2e/test_conversation_lead50.py) mended
# three by class (an adviser's 打卡 after 指导种树, 咁我报名参加, 我想再睇下 the villagers' questions): 138/140
_ROUND_22P_LEFT: list[tuple[str, list[str]]] = [
    (
        "one ticket pointed at by its question's words (村民问桂花黄叶嗰条 我想再睇下) is the queue's: a tree named makes"
        " it a question (queue_asked leaves out any text naming a species)",
        ["adviser:村民问桂花黄叶嗰条 我想再睇下"],
    ),
    (
        "a name corrected right after registering, the wrong one not said (唔系 系陈亚梅 打错字) becomes a ticket: the"
        " name readers want the wrong name or 名 said; 唔系 系X 打错字 is also how a count is corrected (唔系两棵 系三棵)",
        ["twice:我个名系陈亚妹 || 唔系 系陈亚梅 打错字"],
    ),
]
test_round_22p_probe = blind_set_test("22p", _ROUND_22P_LEFT)


# Set 22q, written blind (140 probes) and development for round 97 (conv97; main 1cda4e1e 127/140). Round 97 mended ten of
# its thirteen misses by class (tests/e2e/test_conversation_97.py): 137/140
_ROUND_22Q_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (conv97): while a record waits, whether it may be said by voice or what its photo should show is"
        " answered by the FAQ's own entry (可以发语音; 拍照要求: the person and the tree in it best), which is what was"
        " asked; the harness wants the record's next step (planting_menu) instead",
        ["after_photo:要打字定讲都得", "pending:影相要影埋人定得棵树"],
    ),
    (
        "identity names (conv96's class this session): a nickname said, then the real name as on the ID card"
        " (身份证名张国华) with the village first: the FAQ's choice",
        ["new:埔心村 叫我张伯就得 身份证名张国华"],
    ),
]
test_round_22q_probe = blind_set_test("22q", _ROUND_22Q_LEFT)


# Set 22r, written blind (140 probes) in the fifty-first session and kept outside the repository until every change of
# the session was in: main 1cda4e1e 134/140, with rounds 96, 97, 104-106, mem101 and tidy80 merged 134/140 (the honest
# figure: no change). The lead's round after it (tests/e2e/test_conversation_lead51.py) mended four by class: 138/140
_ROUND_22R_LEFT: list[tuple[str, list[str]]] = [
    (
        "a follower not registered asking how to register with words before it (我想用呢个) gets the FAQ's bot.register"
        " answer (第一次使用请发：登记 姓名 村名), which says how; the harness wants the registration's own reply",
        ["new:我想用呢个 点样注册啊"],
    ),
    (
        "disputed label (as 22q's): while a record waits for its photo, 'I cannot type' is answered by the FAQ's voice"
        " entry (可以发语音), which serves the asker; the harness wants the record's next step",
        ["after_photo:唔识打字 点算"],
    ),
]
test_round_22r_probe = blind_set_test("22r", _ROUND_22R_LEFT)


# Set 22s, written blind (140 probes) in the fifty-second session: main 01b05ba8 127/140; development for round 98
# (conv98, tests/e2e/test_conversation_round98.py), which mended its thirteen misses by class: 140/140
# the sixtieth session's merge had '忘了说 树有一米多高' asked back in a ticket's window (多高 read as how tall asked):
# nlu._QUESTION_RE now reads 多高 after a measure (一米多高) as a size told
_ROUND_22S_LEFT: list[tuple[str, list[str]]] = []
test_round_22s_probe = blind_set_test("22s", _ROUND_22S_LEFT)


# Set 22t, written blind (140 probes) in the fifty-second session and kept outside the repository until every change of
# the session was in: main 01b05ba8 123/140, with rounds 98, 107, 108, mem102, tidy81 and the lead's kit merged 123/140
# (the honest figure: no change; round 98, made from 22s, mended 算我一个 where 22t says 算我一份). Its misses are not read
# by class yet: each is strict with the class it seems to belong to, for the next session's round.
_NOT_READ_22T = "set 22t's blind miss (fifty-second session), not yet read by class: "
_ROUND_22T_LEFT: list[tuple[str, list[str]]] = [
    # round 99 (conv99) read the sixteen by class and mended thirteen by their meaning
    # (tests/e2e/test_conversation_round99.py); one more (认领责任区 || 要第二个: the twice context's sender is a 群众, told
    # the zones are members', whose pick had been the adoptable list's) now says whose that zone is (zone_members_only).
    # Two are left, their labels disputed:
    (
        "disputed label (as 22r's '我想用呢个 点样注册啊'): how to register asked by a new follower is answered by the FAQ's"
        " bot.register (第一次使用请发：登记 姓名 村名), which says how in one reply; the harness wants the registration's"
        " own reply, which would only ask the name",
        ["new:请问新关注的要怎么绑定身份"],
    ),
    (
        "disputed label (round 99): a pledge for one's father ('我帮我阿爸认领一棵柿子树') is answered that another"
        " household's pledge is the cadres' and how one's own household pledges (认领 2棵荔枝): right whether the father"
        " lives in the sender's household (then it is the household's own pledge) or not; a pledge row for him from a"
        " member's WeChat would act for another household",
        ["member:我帮我阿爸认领一棵柿子树 佢话五月前种"],
    ),
]
test_round_22t_probe = blind_set_test("22t", _ROUND_22T_LEFT)


# Set 22u, written blind (140 probes) in the fifty-third session and kept outside the repository until every change of
# the session was in: review52 (main + the session's first mends) 124/140, with rounds 99, 110 and
# tidy82 merged 126/140 (round 99, made from 22t, carried its pledge asked with a time word and its reminders wanted
# back); 131/140 after the lead's reader of one's attendance asked (tests/e2e/test_attendance_recorded_asked.py).
# Its other misses are not read by class yet: each is strict with the class it seems to belong to, for the next round.
_NOT_READ_22U = "set 22u's blind miss (fifty-third session), not yet read by class: "
# Round 100 (conv100, made from 22v) mended three by class (tests/e2e/test_conversation_round100.py): a registration
# wished with the name and village told (…黄志强想登记下点样搞: how asked after the wish) or how asked with the village and
# thanks after it (…我是埔心村的 谢谢), and one's own award asked (…我有冇份: nlu.award_asked_whose): 134/140
_ROUND_22U_LEFT: list[tuple[str, list[str]]] = [
    (
        _NOT_READ_22U + "what the account can do, asked in a long voice story",
        ["party:阿妹我老人家唔识字个孙教我发语音呢度可以做乜嘢"],
    ),
    (
        _NOT_READ_22U + "a question while a record waits (two trees planted together)",
        ["pending:荔枝同龙眼种埋一齐会唔会互相影响"],
    ),
    (
        _NOT_READ_22U + "a new campaign question in a ticket's window after 顺便问问",
        ["ticket:顺便问问 我家门口种的竹子算不算完成植树任务"],
    ),
    (
        "set 22u's blind miss (fifty-third session), read by the lead: the awards asked get the FAQ's award schedule (how and "
        + "when they are given), which serves how/when better than a list of one's awards; the kinds sheet had said "
        + "'how they are given' is `awards` (now: a `question`): perhaps disputed, left strict",
        [
            "member:评先评优怎么评的",
            "member:我阿妈种咗十几棵树 可唔可以攞个表彰",
            "adviser:技术顾问嘅表彰几时公布",
        ],
    ),
]
test_round_22u_probe = blind_set_test("22u", _ROUND_22U_LEFT)


# Set 22v, written blind (140 probes) in the fifty-fourth session, leaning to withdrawals, corrections and messages sent
# while the bot waits: review54 (main) 119/140; the development set of withdraw83 (withdrawals as a mechanism: an
# adoption ended, a zone left, a sign-up withdrawn, a pledge changed; tests/e2e/test_withdrawals.py) and round 100
# (conv100: one's own award, attendance checked in, a registration wished, the ticket hurried, a household's pledge in a
# ticket's window, …; tests/e2e/test_conversation_round100.py): 139/140.
_ROUND_22V_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (read by the lead): how to report a parent's trees is answered by the FAQ's household entry (同一户"
        " 的家人种的，您用自己的微信拍照、发“2棵龙眼”…; not the same household: the village cadre), which serves the asker"
        " better than the planting steps alone the harness wants",
        ["member:我老豆唔识用手机 我点样帮佢报种咗嘅树"],
    ),
]
test_round_22v_probe = blind_set_test("22v", _ROUND_22V_LEFT)


# Set 22w, written blind (140 probes) in the fifty-fourth session and kept outside the repository until every change of
# the session was in: main (3528be99) 115/140; with withdraw83, rounds 100, 111, 112 and the lead's mends merged 119/140
# (the honest figure); 120/140 after the lead's reader of an adviser's '待处理的提问' (its queue). Round 101 (conv101) read
# its twenty misses by class and mended nineteen (tests/e2e/test_conversation_round101.py): 139/140; the one left is a
# disputed label
_ROUND_22W_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (as 22r's '我想用呢个 点样注册啊' and 22t's '请问新关注的要怎么绑定身份'): how to register asked"
        " alone by a new follower, nothing else told (no name, village nor just followed), is answered by the FAQ's"
        " bot.register (第一次使用请发：登记 姓名 村名), which says how in one reply; the harness wants the"
        " registration's own reply, which would only ask the name",
        ["new:请问怎么注册绑定自己的信息？"],
    ),
]
test_round_22w_probe = blind_set_test("22w", _ROUND_22W_LEFT)


# Set 22x, written blind (140 probes) in the fifty-fifth session, leaning to attendance and awards asked in many ways,
# registration for a parent and messages sent while something else waits; the development set of round 101 (conv101).
# Measured unchanged when it came: review55 119/140, conv101 after its 22w mends 123/140 (the start figure). Round 101
# read its seventeen misses by class and mended them (tests/e2e/test_conversation_round101.py, X_*): 140/140
_ROUND_22X_LEFT: list[tuple[str, list[str]]] = []
test_round_22x_probe = blind_set_test("22x", _ROUND_22X_LEFT)


# Set 22y, written blind (140 probes) in the fifty-fifth session, an even mix over every kind and context, kept outside the
# repository until every change of the session was in: main (77396520) 128/140; with withdraw84, rounds 101, 113-116 and
# the lead's mends merged 130/140 (the honest figure, the start of round 102).
# Round 102 read its ten misses by class (every label judged right) and mended them (tests/e2e/
# test_conversation_round102.py): 140/140
_ROUND_22Y_LEFT: list[tuple[str, list[str]]] = []
test_round_22y_probe = blind_set_test("22y", _ROUND_22Y_LEFT)


# Set 22z, written blind (140 probes) in the fifty-sixth session, leaning to planting days and pledges, adoption and
# zones, advisers' visits and voice-style elderly messages; the development set of round 103 (conv103). Measured
# unchanged when it came: review56 128/140 (the lead's figure, the start of round 103). Round 103 read its twelve misses
# by class and mended eleven (tests/e2e/test_conversation_round103.py): 139/140; the one left is a disputed label
_ROUND_22Z_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (as 19h's '我前排关咗通知，点样再开？' and round 19's control '提醒怎么关'): how to switch the"
        " reminders off asked alone, no wish said before it, is the FAQ's (NOT_REQUESTS keeps a how-to the FAQ's), whose"
        " answer says 发“退订” (and 订阅 to have them back); the harness wants them switched off unasked",
        ["这个提醒怎么关掉"],
    ),
]
test_round_22z_probe = blind_set_test("22z", _ROUND_22Z_LEFT)


# Set 23a, written blind (140 probes) in the fifty-sixth session from DESIGN.md, the seeds and the kinds sheet, kept
# outside the repository until the session's changes were in: 132/140 at the start and the end of the session (its
# honest figure); the development set of round 104 (conv104). Round 104 read its eight misses by class and mended six
# (tests/e2e/test_conversation_round104.py): 138/140; the two left are an earlier decision kept each
_ROUND_23A_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (as 22w's '请问怎么注册绑定自己的信息？', 22r's and 22t's): how to register asked alone by a new"
        " follower, nothing else told, is answered by the FAQ's bot.register (第一次使用请发：登记 姓名 村名), which says"
        " how in one reply; the harness wants the registration's own reply, which would only ask the name",
        ["new:请问怎么注册绑定"],
    ),
    (
        "by design (round 21, round 33, 19u's and round 74's left): how to adopt asked with the how first and no wish"
        " (点样认养…, 怎么认养一棵树: tests/e2e/test_adoption.py) is the FAQ's camp.adopt answer, which says to send 认养"
        " for the list; the wish said first ('我想认养村里那棵老榕树 点样揀') is the list",
        ["twice:你好 || 点样认养村里嘅树"],
    ),
]
test_round_23a_probe = blind_set_test("23a", _ROUND_23A_LEFT)


# Set 23b, written blind (140 probes) in the fifty-seventh session from DESIGN.md, the seeds and the kinds sheet: review57
# (main) 123/140 at the start; the development set of round 105 (conv105). Round 105 read its seventeen misses by class
# (a person acting for a relative; messages while a record or a ticket waits; one's pledge given back or its gap asked;
# attendance asked with 算; an honour asked for; a zone one was told to claim; the party members' state; every village's
# rule) and mended fifteen (tests/e2e/test_conversation_round105.py): 138/140; the two left, each with why
_ROUND_23B_LEFT: list[tuple[str, list[str]]] = [
    (
        "disputed label (as 22v's '我老豆唔识用手机 我点样帮佢报种咗嘅树'): how to report a parent's trees, the parent with"
        " no phone, is answered by the FAQ's household entry (同一户的家人种的，您用自己的微信拍照、发“2棵龙眼”…; not the"
        " same household: the village cadre), which serves the asker better than the planting steps alone the harness"
        " wants",
        ["member:我爸种了树但他不会用手机 我帮他报要怎么弄"],
    ),
    (
        "left to tidy84 (fifty-seventh session), who reworks the reminders' stop and restart (bot/nlu.py reminders_said)"
        " at the same time: the reminders wanted back after asking where they went (我的提醒怎么没了 恢复一下) get the"
        " FAQ's how (发“订阅”), not 订阅 done",
        ["cadre:我的提醒怎么没了 恢复一下 开会时要用"],
    ),
]
test_round_23b_probe = blind_set_test("23b", _ROUND_23B_LEFT)


# Set 23c, written blind (140 probes) in the fifty-seventh session from DESIGN.md, the seeds and the kinds sheet, kept
# outside the repository until the session's changes were in: 126/140 at the start (main b0143b8e) and at the end
# (review57, after round 105 and tidy84): its honest figure. Round 106 (the fifty-eighth session) read its fourteen
# misses by class (tests/e2e/test_conversation_round106.py: a relative registered in one breath after a greeting or
# reported for, a zone asked as mine or claimed by number with words after, presence asked recorded, an award of one's
# own kind, the adviser's queue as 待回复, a pledge changed alone, an adoption pick naming its tree, a relative signed up
# too, a cadre's 代种 asked): 140/140, no longer a blind figure
_ROUND_23C_LEFT: list[tuple[str, list[str]]] = []
test_round_23c_probe = blind_set_test("23c", _ROUND_23C_LEFT)


# Set 23d, written blind (140 probes) in the fifty-eighth session from DESIGN.md, the seeds and the kinds sheet: 131/140
# at its first measure (conv106, after round 106's 23c mends; 131 on review58 too), then development: its nine misses read
# by class (tests/e2e/test_conversation_round106.py, second part: attendance at a place with its code scanned, a pledge
# with may-I run on or named then recounted, a pledge withdrawn after a mistake said, every village's plot with 种够, the
# adviser's overdue or unanswered questions, a record not to be reported, a withdrawal asked after the right tree said)
_ROUND_23D_LEFT: list[tuple[str, list[str]]] = []
test_round_23d_probe = blind_set_test("23d", _ROUND_23D_LEFT)

# Set 23e, written blind (140 probes) in the fifty-eighth session from DESIGN.md, the seeds and the kinds sheet, kept
# outside the repository until the session's changes were in: 135/140 at the start (main 7cd8d6b6), 136/140 at the end
# (review58, after rounds 106, 129, 130 and tidy87): its honest figure. Its four misses were then mended by class in
# conv107 (Cantonese how to register, attendance asked as recorded twice, the village's plot done in 亩:
# tests/e2e/test_conversation_round107.py); 140/140 since, no longer a blind figure
_ROUND_23E_LEFT: list[tuple[str, list[str]]] = []
test_round_23e_probe = blind_set_test("23e", _ROUND_23E_LEFT)

# Set 23f, written blind (140 probes) in the fifty-ninth session from DESIGN.md, the seeds and the kinds sheet: 127/140
# on main (review59 95f3b94b), its honest figure. Its thirteen misses were then mended by class in conv108 (attendance on
# the site or its check-in asked 成功没, a pledge pointed at then 取消认领, which zone to choose or the one by a place, the
# branch's party members, the households not planted looked up, earlier reports asked recorded, the next time's same steps,
# how to register for what, a packed answer to the name asked, a relative's phone with no 的, a title run on into one's
# name: tests/e2e/test_conversation_round108.py); 140/140 since, no longer a blind figure
_ROUND_23F_LEFT: list[tuple[str, list[str]]] = []
test_round_23f_probe = blind_set_test("23f", _ROUND_23F_LEFT)

# Set 23g, written blind (140 probes) in the fifty-ninth session from DESIGN.md, the seeds and the kinds sheet, kept
# outside the repository until the session's changes were in: 129/140 at the start (main 95f3b94b), 130/140 at the end
# (review59, after rounds 108, 109, 131-134, tidy89, tidy90): its honest figure. Its ten misses were then mended by class
# in conv110 (how to register asked with the wish here and what to type, an introduction run on into 'just followed', a
# planting day's check-in said 签了到, an adviser's greeting and who he is before how to sign in, new questions asked in,
# when one's certificate can be seen, a relative having the sender ask the record's next step, nobody answered said with
# 未, other trees asked for after the adoptable list, a sorry before 取消认领: tests/e2e/test_conversation_round110.py);
# 140/140 since, no longer a blind figure
_ROUND_23G_LEFT: list[tuple[str, list[str]]] = []
test_round_23g_probe = blind_set_test("23g", _ROUND_23G_LEFT)

# Set 23h, written blind (140 probes) in the sixtieth session from DESIGN.md, the seeds and the kinds sheet: 130/140 on
# main (review60 0d98c6d4), its honest figure. Seven of its ten misses were then mended by class in conv111 (what the
# assistant named by its name is for, a relative's award after the trees he reported, a cadre's plot area asked for
# whoever asked it of him, the village's share named by its name, how many questions wait for an adviser, 退订 undone
# after a slip said as 发错, a relative's certificate wanted on the sender's phone: tests/e2e/test_conversation_round111.py);
# the three left, conv110's classes in other words, were mended by class in conv112 (a planting day named with its day
# after it, 种树那天; a pledge pointed at by 认领嗰 and not wanted, 唔要喇: tests/e2e/test_conversation_round112.py);
# 140/140 since, no longer a blind figure
_ROUND_23H_LEFT: list[tuple[str, list[str]]] = []
test_round_23h_probe = blind_set_test("23h", _ROUND_23H_LEFT)

# Set 23i, written blind (140 probes) in the sixtieth session from DESIGN.md, the seeds and the kinds sheet, kept
# outside the repository until the session's changes were in: 136/140 at the start (main 0d98c6d4), 136/140 at the end
# (review60, after rounds 110-112, 135-140, tidy91): its honest figure. Its four misses, strict and not yet read by class
_ROUND_23I_LEFT: list[tuple[str, list[str]]] = [
    (
        "kept figure (review60), left to mend by class",
        [
            "new:我啱啱关注咗 要点样先登记到",
            "new:你好我是埔心村的李秀兰刚关注了要怎么绑定",
            "twice:认领 2棵荔枝 || 唔好意思我想取消认领",
            "twice:植树日我去了 || 签到记上了没有",
        ],
    ),
]
test_round_23i_probe = blind_set_test("23i", _ROUND_23I_LEFT)
