"""The capabilities, and the one ordered route list. Order is priority; the first route that matches handles
the message.

``CAPABILITIES`` lists the capability manifests (``handlers/<name>.py``: what each contributes, see
bot/registry.py); the app factory (bot/app.py, the only importer of this package) collects them into
the app's registry. Each capability keeps its routes in its own lists; ``ROUTES`` decides the order of
the lists, by hand. Dispatch order (tests/unit/test_registry.py keeps this docstring and ROUTES the same):

core events (handlers/core.py):
- unsubscribe — mark the user gone, cancel what was queued for them
- silent_event — delivery reports, page views, auto-reported location: no reply
registration (handlers/registration.py):
- subscribe — follow or scan (a village QR code preselects the village): welcome, asks only the name
- register — 登记 <姓名> <村或社区> [code] / 绑定 <code>, or a self-introduction (我叫李桂英，是埔心村的): bind the
  openid to a roster person (staff: with a code; roster villagers with a phone: after its last 4 digits) or a new
  群众, then replay kept messages; a bare 登记 asks the name
- my_info — 我的信息: name, village, role, household (never the phone) and how to correct them
- fix_name — 我想改名字 / 名字打错了: how to correct (self-registered: 登记 again; roster people: the office)
- registration_reply — while 登记 waits: a bare name, a village, the number of a listed village, or the last 4
  digits of the roster phone
core input normalisation (handlers/core.py):
- menu_click — a menu click is handled as the text command it stands for
- voice_text — a voice message with recognition is handled as that text
core commands (handlers/core.py):
- cancel — 取消 ends every flow of the user
- help — 帮助
- reminders_off — 退订
- reminders_on — 订阅
escalation commands (handlers/escalation.py, COMMAND_ROUTES):
- ticket_answer — adviser: 答 <编号> <回答> answers a ticket (delivered to the villager)
- ticket_queue — adviser: 待办 lists their open tickets, oldest first
- ticket_add_faq — adviser: 收录 <编号> [问题] turns the Q&A into an FAQ entry that matches at once
- ask_expert — 问专家 <问题> opens a ticket; bare 问专家 asks for the question
- ask_expert_question — the question (text, voice, photos) after a bare 问专家
- ticket_resolved — 解决了 closes the villager's answered ticket
- ticket_repeat — the same question again within escalation.attach_minutes: the first ticket's number, no new ticket
- photo_question — a question about a photo just sent (看看这棵树怎么了): a ticket with the photo
- ticket_supplement_media — a photo or voice within escalation.attach_minutes of an open ticket: 补充
progress (handlers/progress.py):
- my_progress — 我的进度: own trees vs role quota, household, pending review
- village_progress — 本村进度: the village's (or community's) figures against its target
milestones (handlers/milestones.py):
- milestone_report — cadres: 计划已备案, 树穴 120个, 示范点 <名称> (not questions, not planting records)
- milestone_parts — a photo or a location while a milestone report's window is open
reminders (handlers/reminders.py):
- survival_photo — a photo while a survival follow-up is open: a survival check of that planting
- survival_answer — 活了 / 死了 / 补种了 while a survival follow-up is open: records the result
zones (handlers/zones.py):
- zone_claim — 认领责任区 <编号> while the list is shown: claims the zone at that position (party members, cadres)
- zone_claim_unlisted — 认领责任区 <编号> without a list: the list again
- zone_list — 认领责任区: the village's care zones, numbered, with how many members hold each
- tending — 管护 (voice 管护了): after a photo, a tending record with it; else waits for the photo
- tending_photo — the photo 管护 waits for: a tending record, the member's count this season
- tending_location — a location while 管护 waits for the photo: checked against the zone's radius
adoption (handlers/adoption.py):
- adoption_more — 更多 while the adoptable list is shown: its next page
- adoption_pick — 认养 <编号> while the list is shown: one tree of the record at that position
- adoption_pick_unlisted — 认养 <编号> without a list: the list again
- adoption_list — 认养 / 认种 / 认种一棵树 / 我想认养一棵树: the village's adoptable trees, numbered
- my_trees — 我的树: what the sender planted and adopted, latest photo, survival, public page link
- plot_update — cadres: 更新 <记录号>: the next photo is a new photo of that record (for its adopters)
- plot_update_photo — the photo 更新 waits for
planting (handlers/planting.py):
- planting_count_choice — 1 / 改 or 2 / 另外 after "改成5棵，还是另外一条记录？": the new count, or another record
- planting_menu — 记录种树 (menu): one line on what to send
- planting_photo — a photo starts a planting record, joins the pending one, or adds to the one just finished
- planting_location — a location joins the pending record, or the latest one within the window
- planting_text — 3棵桂花, 种了两棵龙眼; cadres: 党建林 2.5亩 120棵 香樟, 代种 张三 2棵龙眼
faq (handlers/faq.py):
- chitchat — 你好 / 在吗 / 谢谢 / 好的 / 哈哈: a friendly line and the help hint, never a ticket
- faq_intro — 种树问答 (menu): what to ask, with examples
- ticket_supplement_text — text within escalation.attach_minutes of an open ticket: 补充
- faq_answer — a question the FAQ index answers confidently
escalation fallback (handlers/escalation.py, FALLBACK_ROUTES):
- ticket_follow_up — a question within escalation.reopen_days of an answer reopens that ticket
- ticket_from_voice — a voice message without text: a ticket with the audio
- ticket_from_question — a question the FAQ cannot answer: a ticket for the village's adviser
core fallback (handlers/core.py):
- fallback — anything else: a short hint
"""
from __future__ import annotations

from bot.router import Route
from handlers import adoption, core, escalation, faq, milestones, planting, progress, registration, reminders, zones

# The manifests. Jobs, media listeners, dashboard nav entries, report columns and store migrations follow this order.
CAPABILITIES = [core, planting, escalation, reminders, registration, progress, milestones, faq, zones, adoption]

ROUTES: list[Route] = [
    *core.EVENT_ROUTES,
    *registration.ROUTES,
    *core.INPUT_ROUTES,
    *core.COMMAND_ROUTES,
    *escalation.COMMAND_ROUTES,
    *progress.ROUTES,
    *milestones.ROUTES,
    *reminders.ROUTES,
    *zones.ROUTES,
    *adoption.ROUTES,
    *planting.ROUTES,
    *faq.ROUTES,
    *escalation.FALLBACK_ROUTES,
    *core.FALLBACK_ROUTES,
]
