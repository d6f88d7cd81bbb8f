"""The capabilities, and the one ordered route list. Order is priority; the first route that matches handles
the message.

``CAPABILITIES`` lists the capability manifests (``handlers/<name>.py``: what each contributes, see
bot/registry.py); the app factory (bot/app.py, the only importer of this package) collects them into
the app's registry. Each capability keeps its routes in its own lists; ``ROUTES`` decides the order of
the lists, by hand. Dispatch order (tests/unit/test_registry.py keeps this docstring and ROUTES the same):

core events (handlers/core.py):
- unsubscribe — mark the user gone, cancel what was queued for them
- silent_event — delivery reports, page views, auto-reported location: no reply
planting days, QR scene (handlers/events.py, SCENE_ROUTES):
- event_scene — following through, or scanning, a planting day's QR code (scene event_<id>): checks in (after 登记)
registration (handlers/registration.py):
- subscribe — follow or scan (a village QR code preselects the village): welcome, asks only the name
- registration_withdrawn — while 登记 waits for the name or village, the registration withdrawn in words (退出登记,
  不登记了, 取消登记, 唔注册住, 我要退出; tidy75): that registration cancelled, as 取消 ends it (it had been leave's reply
  with the registration still waiting, or the words read as the village)
- register — 登记 <姓名> <村或社区> [code] / 绑定 <code>, or a self-introduction (我叫李桂英，是埔心村的): bind the
  openid to a roster person (staff: with a code; roster villagers with a phone: after its last 4 digits) or a new
  群众, then replay kept messages; a bare 登记 asks the name; round 59: a relative's story told in one breath
  (帮我屋企阿爷登记佢叫张松柏埔心村…), the village alone with voice fillers (嗯 那个 我系埔心村嘅 想登记下: the name asked); tidy75: 报名 from a follower not registered yet, no planting day named nor open (我想报名, 报名先): a bare
  登记 (the name asked); registered, or a day open, it stays event_join's
- my_info — 我的信息: name, village, role, household (never the phone) and how to correct them
- registration_asked — whether one is registered, asked (我登记咗未 with no record just finished, 我个仔帮我登记好未,
  我注册成功了吗): yes and my_info's lines, or how to register (the lead, thirty-ninth session)
- own_words — a registered sender's own village or name said again (埔心): already registered, no ticket; round 56:
  a follower's whose claim waits for the office: that it waits
- leave — 我想注销, 删除我的资料, 我唔想参加啦: how to stop the reminders and who deletes a registration, no ticket;
  round 56: not '我不参加了' just after the planting day was talked of (village_matter's)
- for_someone — a follower not registered yet registering an old person (帮我阿爸登记; round 56): how (on their
  phone their name, on one's own WeChat one's own), the name waited for; also said while the name is asked; round 81:
  another person named to be registered by a registered sender, or by a follower whose relative has no phone or uses
  theirs (帮我老公也登记 刘松林 埔心村): one WeChat is one person, nobody bound to that name (how each registers)
- fix_name — 我想改名字 / 名字打错了: how to correct (self-registered: 登记 again; roster people: the office); reg77: a
  roster person's 登记 of a name not theirs (register declines it): the office's, nothing bound
- registration_reply — while 登记 waits: a bare name, a village, the number of a listed village, or the last 4
  digits of the roster phone (sim68: by voice too, '陈秀英。', '二。'); a voice not read: the question again
core input normalisation (handlers/core.py):
- menu_click — a menu click is handled as the text command it stands for
- voice_text — a voice message with recognition is handled as that text
core commands (handlers/core.py):
- cancel — 取消 ends every flow of the user (with none live and a record just finished: withdraw's, round 57); a
  retraction in words (发错了, 刚才那个不要了) too while one is live;
  取消 of the reminders (取消每日提醒，照片我等下发) is reminders_off's, the record kept (round 54); round 61: 取消 with a
  spoken particle (取消啦, 取消吧) is the bare 取消; round 70: never mind alone (算啦, 罢了) while
  one is live
- help — 帮助 (round 58: or question marks alone, ❓, ？？); 这个怎么弄 unless a flow in progress answers it (a planting record: its next step) or a question just
  went to the adviser (round 56: ticket_wait's); round 73: a greeting alone (你好, 在吗, 喂) from a follower not registered
  yet: the welcome with how to 登记
- office_page — the office (管理员) asking for the dashboard's work (群发, 审核, 通报导出, 名册, 评比): its page's address;
  a village cadre's 审核: the village's records waiting (round 58)
- answers_unwanted — an adviser's answers not wanted (我不想收到专家的消息, tidy77): nothing switched off, the reply says
  how the reminders are and that answers come only to one's own questions
- reminders_after_off_asked — whether reminders still come after 退订, asked (退订咗仲会唔会有提醒, round 94): what 退订
  stops and how it is undone, nothing switched off
- reminders_off — 退订
- reminders_on — 订阅
withdrawals (each capability's WITHDRAWAL_ROUTES, withdraw83; core's 取消 yields to their matchers, whatever flow waits:
app.withdrawals, collected by bot/registry.py):
- pledge_changed — a pledge changed in words (认领改成一棵桃树，原来的两棵荔枝不要了): the old trees' pledge ended, the new
  one pledged, one reply
- pledge_cancel — 取消认领 [荔枝]: ends the household's pledges; cadres: 取消认领 张三 [荔枝]; a pledge pointed at, then
  withdrawn, a why between (我之前认领咗三棵龙眼 而家脚唔方便种唔到 想撤回); a count matching no pledge held (两棵 of 1棵香樟):
  which, asked
- adoption_withdrawn — 取消认养, 不认养了, 我唔想再认养嗰棵樟树啦: the adoption ends (its row kept, ended_at), the tree free to
  adopt again, the village's cadres (adoption.contact_roles) told; several held and none named: which, asked
- zone_left — 退出责任区, 责任区想退掉: the member holds no zone (管护 records kept), the branch secretary (村书记) told
- event_signup_withdrawn — a planting day's sign-up withdrawn (礼拜六嘅植树活动我报咗名 帮我取消报名; 唔参加啦 just after 参加):
  the account keeps no sign-ups (参加 on the day is the check-in): none to cancel, and the village's cadres to tell
faq choice (handlers/faq.py, CHOICE_ROUTES):
- faq_choice — 1 / 2 (一, 第二个) after "您问的是哪一个？" (the FAQ read two answers): that answer; 0 (都不是): a ticket
  with the question
record corrections (handlers/corrections.py):
- correction_confirm — 确定 (or 确定 <原因>) after the bot asked a village cadre whether to correct a record: withdrawn or
  recounted, the audit row kept, its sender told
- correction — a village cadre (planting.correction_roles): 更正记录 12 3棵 [原因], 作废记录 12 [原因], or 第12号改成3棵 of
  a record not their own: a record of their village shown and asked to confirm; another village's refused; anyone
  else's words go on (作废 12 and 改成 of the sender's own records: withdraw, recount)
trees reported, then a question (handlers/planting.py, ASKED_AFTER_ROUTES; round 68: before the ticket's commands and
progress, whose photo_question and review_why took '三棵桂花 另外想问几时淋水', '涯种了两棵狮子树 记到冇'):
- planting_text_then_asked — trees said planted (or the part a record being collected waits for), then a question in
  the clauses after (木眠树一棵 顺便问几时淋水): the record takes the report; the question is answered by the FAQ, said
  by the record's reply (记到冇), or goes to the adviser (bot/planting.py told_then_asked, read for planting_text too)
escalation commands (handlers/escalation.py, COMMAND_ROUTES):
- ticket_answer — adviser: 答 <编号> <回答> answers a ticket (delivered to the villager); round 54: also one the adviser
  closed unanswered themselves (84号唔使答) within escalation.reopen_days, which opens again
- ticket_instruction — adviser: said of a ticket by its number, never an answer: 84号答咗未 (where it stands),
  84号唔使答 (closed unanswered), 84号转给管理员 / 我答唔到 (passed on), 84号我睇下先 (left in 待办)
- ticket_answer_numbered — adviser: <编号> <回答> (84号：…, 回复84 …) when the number names a ticket waiting for them
  (or, named plainly, one whose answer they gave: how to correct it; round 54: one they closed unanswered within
  escalation.reopen_days: answered after all)
- ticket_newest — adviser: the newest question waiting asked to be shown (睇下最新嗰个, 看看最新的问题; sim70): its state, as
  84号答咗未 gives it
- ticket_described — adviser: one question pointed at by what it asked, to be looked at (村民问桂花黄叶嗰条 我想再睇下;
  conv96: a tree named had made it the FAQ's): the one that matches shown as 84号答咗未 shows it, several listed as 待办
- ticket_pointed — adviser: a ticket pointed at with no number (第一条我唔识答 转俾其他专家, 呢条唔使答): with one waiting,
  what is said of it is done (never an answer); else the ticket at that place named and its number asked for
- advisers_answering — the office (管理员): 顾问们回复问题快不快 / 专家回复情况: each adviser's answers this month
  (median hours) and what waits for them
- ticket_queue — adviser: 待办 (or 有什么问题要我回答; round 61: 谁问我问题了, 我手头有几多单) lists their open tickets, oldest
  first
- ticket_wait — a villager with an open ticket asking after it (我问的还没人回, 还有几条没回): which still wait, and the
  FAQ's bot.ticket_wait answer (no new ticket, no 补充); round 56: what to do now (我应该点做) within its 补充 window,
  a danger's safety line again first
- ticket_add_faq — adviser: 收录 <编号> [问题] turns the Q&A into an FAQ entry that matches at once
- ticket_correct — adviser: 更正 <编号> <新的回答> corrects their answer (the earlier one kept): the villager is told,
  the FAQ entry made of it answers the corrected text
- ask_expert_supplement — 问专家 <问题> about the tree of the villager's ticket still open within
  escalation.attach_minutes (问专家 桂花叶子还在掉): 补充 to that ticket, no second ticket
- ask_expert — 问专家 <问题> opens a ticket; bare 问专家 asks for the question
- ask_expert_question — the question (text, voice, photos) after a bare 问专家
- ticket_resolved — 解决了 closes the villager's answered ticket; 解决了 or 不用问了 (算了不用问了, 撤回刚才的问题) before an
  answer withdraws the open one (off the adviser's 待办); round 70: found out elsewhere (唔使啦 自己问到咗) too
- ticket_repeat — the same question again within escalation.attach_minutes, in the same words or in others (round 59:
  点解啲竹枯咗一半 after 竹子枯咗一半点解): the first ticket's number, no new ticket; other words join it as 补充
- photo_follow_up — a question about a photo just sent that follows up the answer got within escalation.reopen_days
  (喷了药还是有黑点, sim62: it had opened a new ticket): that ticket reopened with the photos
- photo_question — a question about a photo just sent (看看这棵树怎么了): a ticket with the photo
- ticket_supplement_media — a photo or voice within escalation.attach_minutes of an open ticket: 补充; a photo
  yields to a planting record in progress, and to a flow waiting for a photo (管护, a survival check, 更新, 签到, a
  milestone) that the sender touched after the ticket's last activity (bot.conversation.photo_awaited)
- ticket_supplement_weather — a spell of weather told (最近成个礼拜都落雨) within escalation.attach_minutes of an open
  ticket: 补充 (alone, the FAQ's small talk)
planting days attended (handlers/events.py, ATTENDED_ROUTES; round 53: before progress, whose 记上了没有 took
'我参加咗植树活动未算'):
- event_attended — a villager's own 签到 asked after (我的签到, 签到记录, 我参加过几次植树活动): the planting days
  present at, or how to check in (an adviser's 签到 stays his visits)
- event_roll_call — an organiser (村书记, 村干部) asking who is at the day (签到名单, 今日有几多人签到, 边个仲未到): each of
  today's days of the village, how many checked in, who is present, who not yet (sim58: had been a ticket)
progress (handlers/progress.py):
- review_why — why one's records wait for the village's check (点解我嘅树要审核; round 60: trees named first,
  头先报嗰两棵荔枝审核咗未; round 61: whether counted, 两棵荔枝计咗未): each with its reasons, none a ticket
- household_progress — one household asked by a person's name (陈木棉嗰户种咗未; round 75): a village's cadre, that
  household of their own village; anyone else, their own progress (never another household's)
- relative_progress — a relative's own trees asked whether recorded (看下我妈种的树记上没有): where they are recorded,
  and the household's count
- relative_name — a relative who planted too, their name wished recorded (我老公都有份种 可唔可以记佢个名): a household
  member logs with their own WeChat (one without a phone: a cadre's 代种); never a ticket
- report_line — the monthly 通报 asked after (本月通报出来没有, 我们村这个月通报排第几, 上个月通报说我们村怎么样, 3月通报): the
  village's kept line of that month, as sent; not out yet: when it is due, and the latest kept line
- my_progress — 我的进度: own trees vs role quota, household, pending review
- county_progress — the campaign office (管理员): 各村进度, 哪些村滞后, 全镇种树情况: every village's count by status,
  the lagging ones by name (most behind first), the dashboard's address
- pledge_list — cadres: which households have pledged, asked loosely (边几户认领咗 俾张名单我睇下, 几多户已经认领咗
  边个未认领; round 92): each household that pledged with its trees, then the 认领安排 line
- left_to_pledge — cadres: 未认领名单 [页] (or 边几户未认领): the village's households with no pledge and no tree yet
- left_to_plant — cadres: 未种名单 [页] (or 哪几户还没种): the village's households not covered and party members
  not taking part yet, by name
- village_progress — 本村进度: the village's (or community's) figures against its target (round 59: who of a group is left
  to plant asked by one who gets no names, 我哋村啲党员仲有几多个未种树; round 61: its pledges asked, 我哋村认领情况点: with its
  认领安排 line)
- village_count_told — the village's count told as planted (村里今日种咗三十棵; sim71): how it is made (verified records,
  本村进度), to a cadre how to record for households (代种) and plots; never a ticket
households (handlers/households.py):
- household_unlink — cadres: 取消并户 <姓名>: the self-registered villager out of the household 并户 put him in
- household_link — cadres: 并户 <自行登记的人> <名册上那户的人> (or in words: 把李桂英并到张大伯家): the villager in
  that roster household, its trees and the village's 户覆盖 after
milestones (handlers/milestones.py):
- milestones_missing — the office (管理员): 边几个村未交计划 / 哪些村树穴还没挖好 / 有没有村没报示范点: those villages
- milestone_report — cadres: 计划已备案, 树穴 120个, 示范点 <名称> (not questions, not planting records)
- milestone_parts — a photo or a location while a milestone report's window is open
reminders (handlers/reminders.py):
- survival_photo — a photo while a survival follow-up is open: a survival check of that planting
- survival_answer — 活了 / 死了 / 补种了 while a survival follow-up is open: records the result
- dead_tree_told — a tree of a record told dead with no follow-up open (我上个星期报咗三棵 其实死咗一棵): the FAQ's
  replant answer, never a ticket (round 56)
zones (handlers/zones.py):
- zone_claim — 认领责任区 <编号> while the list is shown: claims the zone at that position (party members, cadres)
- zone_claim_unlisted — 认领责任区 <编号> without a list: the list again (round 48: also a pick by its place alone,
  领第一个, from one who may hold a zone while no adoptable list is open)
- zone_claim_named — a zone moved to or taken by a part of its name (我想换去河边嗰块; sim61: within an open ticket's
  window it had been the ticket's 补充): claimed, or the member's zone moved to it
- zone_members_only — a zone taken on by its name by a villager who may hold none (石岗片我嚟管; conv96: had been a
  ticket): the zones are party members' and cadres', the villager may 认养 or 认领 the household's trees
- zone_nearer — a nearer zone asked for while the list is the flow touched last (有冇近啲嘅; sim61): the sender's
  location asked for, the list kept
- zone_list_located — a location while the list is the flow touched last and no planting record waits (sim61): the
  list again, nearest first, each with its distance
- tending_mine — 我的管护 (in words: 我管护咗几多次, 我呢个月管护过未): the member's zone, this season's count and the
  latest day (sim58: had been the FAQ's or a ticket)
- zone_list — 认领责任区 (我想认领一块责任区): the village's care zones, numbered, with how many members hold each
- tending — 管护 (voice 管护了): after a photo, a tending record with it; else waits for the photo
- tending_told — a care round of the zone told done in words (今日去责任区巡咗一转 冇问题; sim70): as 管护
- tending_photo — the photo 管护 waits for: a tending record, the member's count this season
- tending_location — a location while 管护 waits for the photo: checked against the zone's radius
visits (handlers/visits.py):
- visit_sign_in_located — 签到 [备注] after the adviser's location: the visit to the nearest village holding it
- visit_mine — 我的下沉 (an adviser; or asked in words: 这个月我去过哪些村, 还有哪些村没去): this month's visits and
  the villages not visited yet
- visit_choose — a number (or a listed village named) while the bot asks which village (the location was outside
  every radius: 位置不符)
- visit_sign_in — 签到 [备注] (voice 签到了; an adviser's 打卡; advisers bound with proof), or a visit told in words
  (我今天下午去埔心村看了; round 59: with how to have it recorded, 今日落埔心村指导种树 要点登记我嚟过): waits for the location
- visit_location — a location while 签到 waits for it: the visit (never a planting record's location)
- visit_location_first — an adviser's location with no planting record open or just finished: waits for 签到
- visit_photo — a photo while 签到 waits, or within visits.attach_minutes of the visit: joins it
- visit_note — a statement (not a question) within visits.attach_minutes of the visit: its note (round 58)
certificates (handlers/certificates.py):
- my_certificates — 我的证书 (我的证书呢, 证书在哪里看): the sender's certificates again (picture and page link), or how to
  earn one
adoption (handlers/adoption.py):
- adoption_more — 更多 while the adoptable list is shown: its next page
- adoption_pick — 认养 <编号> while the list is shown (or, just after it, the number alone: 2, 要第三个): one tree of
  the record at that position
- adoption_count — just after the list, a count alone (两棵, 我要2棵, 就要三棵): the list again after how to pick (by
  number, one tree each); no planting record, no pledge
- adoption_pick_unlisted — 认养 <编号> without a list: the list again (round 48: also a pick by its place alone, 要第二个)
- adoption_list — 认养 / 认种 / 认种一棵树 / 我想认养一棵树 (我家没地方种，想认养一棵): the village's adoptable trees,
  numbered
- my_trees — 我的树 (in words: 我认养咗边棵树, 我认养的树在哪里): what the sender planted and adopted, latest photo,
  survival, public page link
- plot_update — cadres: 更新 <记录号>: the next photo is a new photo of that record (for its adopters)
- plot_update_photo — the photo 更新 waits for
pledges (handlers/pledges.py):
- pledge_new_household — 是, after a cadre named someone not on the roster: a new household, and its pledge
- pledge_mine — 我的认领 (or a bare 认领; asked in words, 我认领咗几多棵): the household's pledges and what it planted of them
- pledge — 认领 2棵荔枝 [3月] (a plan: 我报名种两棵荔枝): a pledge of the household (never a planting); cadres: 认领 张三
  2棵龙眼 (帮张三认领2棵龙眼; round 61: a relative's name told after, 帮我阿嫲认领一棵龙眼 佢叫陈大伯); round 61: trees added to
  a standing pledge (我想再加一棵龙眼: added to its count), no record collected
planting days (handlers/events.py, TEXT_ROUTES):
- event_cancel — an organiser calling the village's day off (取消活动, 下雨了 今天的活动取消, 活动改期; anyone else's words
  go on): it ends now (never held, when it had not begun), and those checked in are told (sim64)
- event_cancel_asked — whether the day is off, asked (活动取消了吗): the village's days called off since yesterday, then
  those still on (sim64; it had become a ticket)
- event_move — an organiser's 活动地点 (改活动地点, 活动位置发错了; anyone else's words go on): the village's day waits
  for its new place
  (sim63; read before event_open, which would open a day named 地点)
- event_open — cadres: 活动 <名称> [9点到12点] with a location before or after: a planting day, its code and QR code;
  a place outside the village's radius is said to (its km), and the next location moves it (sim63)
- event_notice_wished — an organiser (村书记, 村干部) wishing to send the villagers a notice (帮我发个通知叫大家星期六去种树):
  how a planting day reaches them, and that a whole village's message is the office's 群发
- event_place_or_presence — a location while 活动 waits for its place (or its new place), or while a check-in waits
  to be shown present
- event_join_code — 参加 1234: checks in at the planting day with that code
- event_join — 参加 (我去参加植树): checks in at the planting day of the sender's village (under way, or later today)
- event_arrived — one's arrival told while a planting day of the village is under way (我到咗啦, 我已经到现场了): as 参加
  (sim58: had been a ticket)
- event_asked — the planting day asked about (礼拜六植树活动几点开始, 植树日在哪里集合; sim58: whether there is one,
  植树节今日有冇活动): the village's open day (name, time, place, how to join), or that none is set yet
- event_summary — sim66: the village's planting days as a whole (我们村有几个党员参加了植树活动, 这个月搞了几场植树活动):
  how many held, who came, the latest days tagged 未开始/进行中/已取消; one's own count (我参加过几次植树活动): 我的签到's
planting (handlers/planting.py, RECORD_ROUTES):
- planting_count_choice — 1 / 改 or 2 / 另外 after "改成5棵，还是另外一条记录？": the new count, or another record
- withdraw_confirm — 确定作废 after "要作废您刚报的第…号记录吗": the record withdrawn (never deleted, counted nowhere)
- withdraw — 作废, a retraction in words with nothing in progress (刚刚报的那个作废 我重新来), or a bare 取消 within
  planting.withdraw_minutes of a record finished (round 57; round 59: 唔好算啱先嗰两棵荔枝): the sender's last
  finished record, asked to confirm within planting.withdraw_minutes and before a cadre checked it; else who corrects it
- recount_confirm — 确定 after "要把第…号记录改成：3棵荔枝吗": the count (and tree) changed, its flags computed again
- recount — a count (or a tree) said wrong and said right with nothing in progress (头先报错咗 系三棵唔系两棵, 帮我改成3棵,
  唔系龙眼系黄皮): the
  sender's last finished record, asked to confirm within planting.withdraw_minutes and before a cadre checked it
- recorded_asked — 记上了没有 (voice 记咗未, 有冇记到) within planting.withdraw_minutes of a finished record: yes, which
  record, its check and the progress (sim62: it had become a question for the adviser); round 67: 登记咗未, 入咗数未
  (never a 登记), and with no record just finished, the sender's progress
- done_said — done said bare (种好咯, 弄好了, 搞掂咗, 种落去咗; the lead, from the simulator by voice): just after a record, as
  recorded_asked (round 74: what next asked there too, 多谢晒 跟住仲要做咩, never the help); while a record is collected,
  what it still needs; with neither, how to log trees (never a ticket); round 73: a bare yes or filler (嗯 after a
  photo, 好) while the record is collected and touched last: its next step
- planting_guess_yes — a yes (系, 啱, 对) right after the bot asked whether the unheard tree is the one it sounds like
  (如果是柿子，请回复“柿子”): handled as the guessed tree's name sent (round 72; anything in between, no answer to it)
- planting_menu — 记录种树 (menu), 登记 said of trees planted (登记种树, 帮我登记一下种树), a bare 种树 (round 70: a
  registered villager's bare 登记): one line on what to
  send; 这个怎么弄 while a record is collected: what it still needs
- planting_photo — a photo starts a planting record, joins the pending one, or adds to the one just finished
- planting_location — a location joins the pending record, or the latest one within the window
- planting_text — 3棵桂花, 种了两棵龙眼 (round 59: 两樖荔枝, 木棉一苗); cadres: 党建林 2.5亩 120棵 香樟, 代种 张三 2棵龙眼;
  round 69: trees said planted, then a plain question (我种咗两棵荔枝 几时施肥): as planting_text_then_asked (one reader)
- planting_count_alone — a count alone (三棵) no record waits for: which trees, with the photo
village matters (handlers/village.py):
- village_matter — a matter the village decides (下礼拜三村里种树我去不了 能请假吗, 分树苗是按户分还是按人分 村里谁管):
  the village's cadres by name and role from the roster, else the campaign office; no adviser ticket; round 56: a
  planting day named and declined (明天的活动我不参加了), or 我不参加了 just after the planting day was talked of
awards (handlers/awards.py):
- awards_asked — the village's award asked (我们村评上先进了吗, 今年评比有冇我哋村): its standing 最美植绿集体, else
  the awards' schedule and that the office names the winners; never an adviser's ticket
core (handlers/core.py, PING_ROUTES):
- pinged — whether the message before was received, pinged bare (有冇收到, 点解冇反应; round 92) with no question just
  sent (ticket_wait's) nor a record (recorded_asked's): yes, received, and the help
faq (handlers/faq.py, ANSWER_ROUTES):
- chitchat — 你好 / 在吗 / 谢谢 / 好的 / 哈哈: a friendly line and the help hint, never a ticket (round 72: a hello from
  a follower not registered yet that help's greeting reader leaves, the same welcome: core.welcome_text)
- faq_intro — 种树问答 (menu): what to ask, with examples
- ticket_supplement_text — text within escalation.attach_minutes of an open ticket: 补充 (round 58: a symptom told,
  naming no other tree, is one: 叶底有啲白色嘅虫仔; round 60: the words said mistyped, then right, 唔好意思 打错
  系秋枫叶卷; round 61: a lack guessed, 系咪冇肥, the trouble's degree, 掉得很厉害 一碰就掉, when planted with a count,
  是今年刚种的两棵)
- ticket_answer_reply — a question about the adviser's answer within escalation.reopen_days (复合肥要用几多 after 每月施一次
  复合肥, 专家讲嘅复合肥系边种): reopens that ticket before the FAQ answers it in general
- faq_answer — a question the FAQ index answers confidently
- faq_which_tree — where to plant asked with no tree named (种在哪里好; sim71): which tree, asked back; never a ticket
escalation fallback (handlers/escalation.py, FALLBACK_ROUTES):
- ticket_follow_up — a question within escalation.reopen_days of an answer reopens that ticket
- ticket_from_voice — a voice message without text: a ticket with the audio
- ticket_from_question — a question the FAQ cannot answer: a ticket for the village's adviser
core fallback (handlers/core.py):
- fallback — anything else: a short hint
"""

from __future__ import annotations

from bot.router import Route
from handlers import (
    adoption,
    awards,
    certificates,
    core,
    corrections,
    escalation,
    events,
    faq,
    households,
    milestones,
    planting,
    pledges,
    progress,
    registration,
    reminders,
    village,
    visits,
    zones,
)

# The manifests. Jobs, media listeners, dashboard nav entries, report columns and store migrations follow this order.
CAPABILITIES = [
    core,
    planting,
    corrections,
    escalation,
    reminders,
    registration,
    progress,
    milestones,
    faq,
    zones,
    adoption,
    visits,
    certificates,
    awards,
    pledges,
    events,
    village,
    households,
]

ROUTES: list[Route] = [
    *core.EVENT_ROUTES,
    *events.SCENE_ROUTES,
    *registration.ROUTES,
    *core.INPUT_ROUTES,
    *core.COMMAND_ROUTES,
    *pledges.WITHDRAWAL_ROUTES,
    *adoption.WITHDRAWAL_ROUTES,
    *zones.WITHDRAWAL_ROUTES,
    *events.WITHDRAWAL_ROUTES,
    *faq.CHOICE_ROUTES,
    *corrections.ROUTES,
    *planting.ASKED_AFTER_ROUTES,
    *escalation.COMMAND_ROUTES,
    *events.ATTENDED_ROUTES,
    *progress.ROUTES,
    *households.ROUTES,
    *milestones.ROUTES,
    *reminders.ROUTES,
    *zones.ZONE_ROUTES,
    *visits.ROUTES,
    *certificates.ROUTES,
    *adoption.ADOPTION_ROUTES,
    *pledges.PLEDGE_ROUTES,
    *events.TEXT_ROUTES,
    *planting.RECORD_ROUTES,
    *village.ROUTES,
    *awards.ROUTES,
    *core.PING_ROUTES,
    *faq.ANSWER_ROUTES,
    *escalation.FALLBACK_ROUTES,
    *core.FALLBACK_ROUTES,
]
