"""Team-type telework meetings: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "meetings.form_title": (
            "チーム会議を設定します",
            "Schedule a team meeting",
        ),
        "meetings.form_intro": (
            "内容を入力してください。候補日時は参加者の予定（テレワーク・休暇・出張・ほかの会議）から提案します。",
            "Fill in the details. I suggest times from the participants' schedules (telework, leave, trips and other meetings).",
        ),
        "meetings.field_title": (
            "会議名",
            "Title",
        ),
        "meetings.field_duration": (
            "所要時間",
            "Duration",
        ),
        "meetings.minutes": (
            "{minutes}分",
            "{minutes} min",
        ),
        "meetings.field_start": (
            "候補期間（開始日）",
            "Window: first day",
        ),
        "meetings.field_end": (
            "候補期間（終了日）",
            "Window: last day",
        ),
        "meetings.field_participants": (
            "参加者",
            "Participants",
        ),
        "meetings.choice_section": (
            "課室全員（{section}）",
            "Everyone in {section}",
        ),
        "meetings.choice_mentioned": (
            "このチャットでメンションした人（{count}名）",
            "The people @mentioned here ({count})",
        ),
        "meetings.choice_team": (
            "保存したチーム：{name}（{count}名）",
            "Saved team: {name} ({count})",
        ),
        "meetings.field_team_day": (
            "チームのテレワーク日に開催する（参加者のテレワークが最も多い日に絞ります）",
            "On our team telework day (the day most participants telework)",
        ),
        "meetings.field_save_as": (
            "この参加者をチームとして保存する場合の名前（任意）",
            "Save these participants as a team named (optional)",
        ),
        "meetings.field_typed": (
            "候補日時を自分で入力（任意。例：12/8 14:00, 12/9 10:30）",
            "Your own times (optional, e.g. 12/8 14:00, 12/9 10:30)",
        ),
        "meetings.next": (
            "候補日時を表示",
            "Suggest times",
        ),
        "meetings.candidates_title": (
            "「{title}」の候補日時（{count}名・{minutes}分）",
            'Times for "{title}" ({count} people, {minutes} min)',
        ),
        "meetings.candidate_line": (
            "{when}：{available}/{total}名参加可（うちテレワーク{telework}名）",
            "{when}: {available}/{total} can attend ({telework} teleworking)",
        ),
        "meetings.candidate_busy": (
            "参加できない人：{names}",
            "Cannot attend: {names}",
        ),
        "meetings.busy_from.schedule": (
            "{name}（休暇・出張）",
            "{name} (leave / trip)",
        ),
        "meetings.busy_from.meeting": (
            "{name}（他の会議）",
            "{name} (another meeting)",
        ),
        "meetings.busy_from.outlook": (
            "{name}（Outlook の予定）",
            "{name} (Outlook calendar)",
        ),
        "meetings.outlook_read": (
            "参加者の Outlook の予定表（空き時間）も確認しました。",
            "Participants' Outlook calendars (free/busy) were checked too.",
        ),
        "meetings.outlook_failed": (
            "Outlook の予定表を確認できなかったため、登録済みの休暇・出張・会議だけで判断しました。",
            "Outlook calendars could not be read: only declared leave, trips and meetings count.",
        ),
        "meetings.candidate_who": (
            "参加可：{names}",
            "Can attend: {names}",
        ),
        "meetings.typed_mark": (
            "（入力した日時）",
            " (typed)",
        ),
        "meetings.team_day_note": (
            "チームのテレワーク日（{days}）の候補です。",
            "Times on the team telework day ({days}).",
        ),
        "meetings.team_day_none": (
            "候補期間にテレワークを登録している参加者がいないため、期間全体から提案します。",
            "No participant has declared telework in the window, so I looked at the whole window.",
        ),
        "meetings.none_available": (
            "候補期間に参加できる日時が見つかりませんでした。期間を変えるか、日時を入力してください。",
            "I found no time in the window that anyone can attend. Change the window or type times.",
        ),
        "meetings.pick": (
            "投票にかける候補を選んでください（複数可）",
            "Choose the times to put to the vote (several allowed)",
        ),
        "meetings.send_poll": (
            "参加者に投票を依頼",
            "Ask the participants to vote",
        ),
        "meetings.poll_sent": (
            "「{title}」の日程調整を{count}名に送りました。締切：{deadline}",
            'Sent the poll for "{title}" to {count} people. Closes: {deadline}',
        ),
        "meetings.poll_sent_group": (
            "「{title}」の日程調整をこのチャットに投稿しました。締切：{deadline}",
            'Posted the poll for "{title}" in this chat. Closes: {deadline}',
        ),
        "meetings.unreachable": (
            "次の方はまだボットと話したことがないため、個別にお知らせできません：{names}",
            "I cannot message these people yet (they have never talked to the bot): {names}",
        ),
        "meetings.poll_title": (
            "日程調整：{title}",
            "Poll: {title}",
        ),
        "meetings.poll_intro": (
            "{organiser}さんから会議の日程調整です。参加できる日時をすべて選んで「投票する」を押してください。締切：{deadline}",
            "{organiser} is planning a meeting. Tick every time you can attend and press Vote. Closes: {deadline}",
        ),
        "meetings.vote": (
            "投票する",
            "Vote",
        ),
        "meetings.voted": (
            "投票しました：{choices}",
            "Thank you, your vote is in: {choices}",
        ),
        "meetings.voted_none": (
            "投票しました（参加できる日時なし）。",
            "Thank you: you can attend none of these times.",
        ),
        "meetings.not_invited": (
            "この会議の参加者ではないため、投票・回答できません。",
            "You are not invited to this meeting, so you cannot vote or answer.",
        ),
        "meetings.poll_closed": (
            "この日程調整はすでに締め切られています。",
            "This poll is already closed.",
        ),
        "meetings.tally_title": (
            "日程調整の状況：{title}",
            "Poll results: {title}",
        ),
        "meetings.tally_line": (
            "{when}：{votes}票 {names}",
            "{when}: {votes} vote(s) {names}",
        ),
        "meetings.tally_voters": (
            "回答 {voted}/{total}名（締切時の自動確定には{quorum}名以上の回答が必要です）。締切：{deadline}",
            "{voted}/{total} voted (closing on its own needs {quorum}). Closes: {deadline}",
        ),
        "meetings.tally_waiting": (
            "未回答：{names}",
            "Not voted yet: {names}",
        ),
        "meetings.finalise": (
            "{when}で確定",
            "Fix {when}",
        ),
        "meetings.refresh": (
            "最新の状況",
            "Refresh",
        ),
        "meetings.join_url_field": (
            "参加リンク（Teams会議などのURL、任意）",
            "Join link (e.g. a Teams meeting URL, optional)",
        ),
        "meetings.cancel_button": (
            "会議を中止",
            "Cancel the meeting",
        ),
        "meetings.finalised": (
            "「{title}」を{when}に確定し、参加者に招待を送りました。",
            '"{title}" is fixed for {when}; invitations are on their way.',
        ),
        "meetings.status_title": (
            "会議：{title}",
            "Meeting: {title}",
        ),
        "meetings.when": (
            "日時：{when}",
            "When: {when}",
        ),
        "meetings.organiser": (
            "主催：{name}",
            "Organiser: {name}",
        ),
        "meetings.link": (
            "参加リンク：{url}",
            "Join link: {url}",
        ),
        "meetings.no_link": (
            "参加リンクはまだありません。主催者がリンクを追加したらお知らせします。",
            "No join link yet: you will hear from me when the organiser adds one.",
        ),
        "meetings.in_outlook": (
            "Outlook の予定表にも登録しました（招待メールが届きます）。",
            "It is also in Outlook: you will receive the calendar invitation.",
        ),
        "meetings.calendar_cancel_comment": (
            "「{title}」は中止になりました（テレワーク推進アシスタントより）。",
            '"{title}" has been cancelled (from the telework assistant).',
        ),
        "meetings.refused.calendar_failed": (
            "Outlook の予定を更新できませんでした。しばらくしてからもう一度お試しください。",
            "Outlook could not be updated just now. Please try again in a little while.",
        ),
        "meetings.rsvp_summary": (
            "出席 {accepted}名・仮承諾 {tentative}名・欠席 {declined}名・未回答 {waiting}名",
            "Accepted {accepted}, tentative {tentative}, declined {declined}, no answer {waiting}",
        ),
        "meetings.rsvp_names": (
            "{label}：{names}",
            "{label}: {names}",
        ),
        "meetings.no_answer": (
            "未回答",
            "No answer",
        ),
        "meetings.change_day": (
            "新しい日付",
            "New date",
        ),
        "meetings.change_time": (
            "新しい開始時刻",
            "New start time",
        ),
        "meetings.change": (
            "変更を送る",
            "Send the change",
        ),
        "meetings.changed": (
            "「{title}」の変更（{when}）を参加者に送りました。",
            'Sent the change of "{title}" ({when}) to everyone.',
        ),
        "meetings.unchanged": (
            "変更点がありません。",
            "Nothing changed.",
        ),
        "meetings.stale": (
            "会議の内容がほかの操作で変わっています。最新の状況を確認してください。",
            "The meeting was changed meanwhile. Please look at its latest state.",
        ),
        "meetings.invite_title": (
            "会議のご案内：{title}",
            "Invitation: {title}",
        ),
        "meetings.update_title": (
            "会議の変更：{title}",
            "Updated: {title}",
        ),
        "meetings.invite_body": (
            "{organiser}さんが会議を設定しました。出欠を回答してください。",
            "{organiser} has set up a meeting. Please answer.",
        ),
        "meetings.accepted": (
            "出席",
            "Accept",
        ),
        "meetings.tentative": (
            "仮承諾",
            "Tentative",
        ),
        "meetings.declined": (
            "欠席",
            "Decline",
        ),
        "meetings.join": (
            "会議に参加",
            "Join",
        ),
        "meetings.add_calendar": (
            "Outlookの予定表に追加",
            "Add to my Outlook calendar",
        ),
        "meetings.answered": (
            "「{title}」に「{response}」と回答しました。",
            'You answered "{response}" to "{title}".',
        ),
        "meetings.answer_closed": (
            "この会議は中止されたか、まだ日時が確定していません。",
            "This meeting is cancelled or its time is not fixed yet.",
        ),
        "meetings.cancel_ask": (
            "「{title}」を中止しますか？参加者全員に中止をお知らせします。",
            'Cancel "{title}"? Everyone invited will be told.',
        ),
        "meetings.cancel_confirm": (
            "中止する",
            "Cancel it",
        ),
        "meetings.cancel_back": (
            "戻る",
            "Back",
        ),
        "meetings.cancelled": (
            "「{title}」を中止し、参加者にお知らせしました。",
            '"{title}" is cancelled; everyone is being told.',
        ),
        "meetings.cancel_title": (
            "会議の中止：{title}",
            "Cancelled: {title}",
        ),
        "meetings.cancel_body": (
            "{organiser}さんが{when}の会議を中止しました。",
            "{organiser} cancelled the meeting of {when}.",
        ),
        "meetings.cancel_poll_body": (
            "{organiser}さんが日程調整を中止しました。",
            "{organiser} called off the poll.",
        ),
        "meetings.already_cancelled": (
            "この会議はすでに中止されています。",
            "This meeting is already cancelled.",
        ),
        "meetings.poll_reminder": (
            "「{title}」の日程調整にまだ回答がありません。締切は{deadline}です。",
            'You have not voted on "{title}" yet. The poll closes {deadline}.',
        ),
        "meetings.poll_reminder_group": (
            "「{title}」の日程調整の締切は{deadline}です。未回答：{names}",
            'The poll on "{title}" closes {deadline}. Not voted yet: {names}',
        ),
        "meetings.poll_expired": (
            "「{title}」の日程調整は締切を過ぎましたが、回答が{voted}/{total}名で自動確定の条件（{quorum}名）に届きませんでした。日時を選んで確定してください。",
            'The poll on "{title}" has closed with {voted}/{total} votes, short of the {quorum} needed to fix a time on its own. Please choose a time.',
        ),
        "meetings.auto_finalised": (
            "「{title}」は締切時点の投票で{when}に確定しました（回答{voted}/{total}名）。",
            '"{title}" was fixed for {when} by the votes at the deadline ({voted}/{total} voted).',
        ),
        "meetings.start_reminder": (
            "まもなく会議です：{title}（{when}）",
            "Starting soon: {title} ({when})",
        ),
        "meetings.list_title": (
            "あなたが設定した会議",
            "Meetings you organise",
        ),
        "meetings.list_empty": (
            "設定した会議・招待された会議で、日程調整中・予定のものはありません。「会議を設定」で始められます。",
            'You have no open polls or upcoming meetings, yours or ones you are invited to. Say "schedule a team meeting" to start one.',
        ),
        "meetings.invited_title": (
            "招待された会議",
            "Meetings you are invited to",
        ),
        "meetings.invited_polling": (
            "{title}（主催：{lead}）：日程調整中・{answer}",
            "{title} (by {lead}): poll open · {answer}",
        ),
        "meetings.invited_scheduled": (
            "{title}（主催：{lead}）：{when}・出欠：{answer}",
            "{title} (by {lead}): {when} · your answer: {answer}",
        ),
        "meetings.invited_voted": ("投票済み", "you voted"),
        "meetings.invited_not_voted": ("未投票", "you have not voted"),
        "meetings.rsvp_answer.accepted": ("出席", "attending"),
        "meetings.rsvp_answer.tentative": ("仮承諾", "tentative"),
        "meetings.rsvp_answer.declined": ("欠席", "declined"),
        "meetings.rsvp_answer.none": ("未回答", "not answered"),
        "meetings.state_polling": (
            "{title}：日程調整中（回答{voted}/{total}名）",
            "{title}: poll open ({voted}/{total} voted)",
        ),
        "meetings.state_scheduled": (
            "{title}：{when}",
            "{title}: {when}",
        ),
        "meetings.open": (
            "開く：{title}",
            "Open: {title}",
        ),
        "meetings.not_lead": (
            "この操作は会議の主催者のみ行えます。",
            "Only the organiser can do this.",
        ),
        "meetings.gone": (
            "この会議は見つかりませんでした。",
            "I could not find this meeting.",
        ),
        "meetings.no_section": (
            "所属の課室が確認できないため、この操作はできません。",
            "I cannot tell which section you belong to, so I cannot do this.",
        ),
        "meetings.not_chief": (
            "チームテレワーク日の提案は課室長（または事務局）のみ行えます。",
            "Only the section chief (or an admin) can propose a team telework day.",
        ),
        "meetings.team_day_title": (
            "{section}のチームテレワーク日（{start}〜{end}）",
            "Team telework day for {section} ({start} – {end})",
        ),
        "meetings.team_day_line": (
            "{day}：{count}名がテレワーク予定",
            "{day}: {count} teleworking",
        ),
        "meetings.team_day_best": (
            "おすすめ：{day}（{count}/{total}名がすでにテレワーク予定）",
            "Suggested: {day} ({count}/{total} already telework)",
        ),
        "meetings.team_day_empty": (
            "来週、テレワークを予定している人はまだいません。課室長から日を提案できます。",
            "Nobody has declared telework next week yet. The section chief can propose a day.",
        ),
        "meetings.team_day_propose": (
            "{day}を提案",
            "Propose {day}",
        ),
        "meetings.team_day_proposed": (
            "{day}をチームテレワーク日として{count}名に提案しました。",
            "Proposed {day} as the team telework day to {count} people.",
        ),
        "meetings.team_day_proposal": (
            "{chief}さんから、{day}をチームテレワーク日（課室でそろってテレワークし、会議もオンラインで行う日）とする提案です。",
            "{chief} proposes {day} as our team telework day (we all telework and meet online).",
        ),
        "meetings.team_day_declare": (
            "{day}にテレワークを登録",
            "Declare telework on {day}",
        ),
        "meetings.refused.title_missing": (
            "会議名を入力してください。",
            "Please give the meeting a title.",
        ),
        "meetings.refused.title_long": (
            "会議名は{limit}文字以内にしてください。",
            "Please keep the title within {limit} characters.",
        ),
        "meetings.refused.duration": (
            "所要時間は{choices}分から選んでください。",
            "Please choose a duration of {choices} minutes.",
        ),
        "meetings.refused.capacity": (
            "参加者が{count}名で、Web会議の上限（{limit}名）を超えるため設定できません。会議を分けるか、参加者を絞ってください。",
            "{count} participants is more than a web conference holds ({limit}), so I cannot set this up. Split the meeting or invite fewer people.",
        ),
        "meetings.refused.too_few": (
            "参加者があなた以外にいません。",
            "There is nobody to meet besides you.",
        ),
        "meetings.refused.window_order": (
            "候補期間の終了日が開始日より前です。",
            "The window ends before it starts.",
        ),
        "meetings.refused.window_past": (
            "候補期間の開始日が過去の日付です。",
            "The window starts in the past.",
        ),
        "meetings.refused.window_closed": (
            "候補期間に開庁日がありません。",
            "The window has no working day.",
        ),
        "meetings.refused.window_long": (
            "候補期間は{limit}開庁日以内にしてください。",
            "Please keep the window within {limit} working days.",
        ),
        "meetings.refused.slot_closed": (
            "{day}は閉庁日のため候補にできません。",
            "{day} is a closed day.",
        ),
        "meetings.refused.slot_hours": (
            "{day}：勤務時間（{start}〜{end}）内の時刻を指定してください。",
            "{day}: please choose a time within working hours ({start}–{end}).",
        ),
        "meetings.refused.slot_lunch": (
            "{day}：昼休みにかかる時刻は指定できません。",
            "{day}: the meeting would overlap the lunch break.",
        ),
        "meetings.refused.slot_soon": (
            "{day}：開始まで1時間未満の日時や過去の日時は指定できません。",
            "{day}: the time is past or less than an hour away.",
        ),
        "meetings.refused.slot_unreadable": (
            "「{written}」を日時として読み取れませんでした（例：12/8 14:00）。",
            'I could not read "{written}" as a date and time (e.g. 12/8 14:00).',
        ),
        "meetings.refused.slot_length": (
            "「{written}」は所要時間（{minutes}分）と合いません。",
            '"{written}" does not last {minutes} minutes.',
        ),
        "meetings.refused.join_url": (
            "参加リンクは https:// で始まるURLを入力してください。",
            "The join link must be an https:// address.",
        ),
        "meetings.refused.no_choice": (
            "投票にかける候補を1つ以上選んでください。",
            "Please choose at least one time.",
        ),
        "meetings.refused.candidates_many": (
            "候補は{limit}件までにしてください。",
            "Please choose at most {limit} times.",
        ),
        "meetings.refused.participants": (
            "参加者を選んでください。",
            "Please choose the participants.",
        ),
        "meetings.refused.no_mentions": (
            "このチャットでメンションされた人がいません。「@ボット名 会議を設定 @参加者…」のように送ってください。",
            'Nobody was @mentioned. Write "@bot schedule a team meeting @person …".',
        ),
        "meetings.refused.team_unknown": (
            "保存したチームが見つかりませんでした。",
            "I could not find that saved team.",
        ),
        "meetings.refused.date": (
            "日付を正しく入力してください。",
            "Please enter valid dates.",
        ),
    }
)
