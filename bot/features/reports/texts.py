"""Reports: tables, headings, rules, the chat card and charts: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "report.title": (
            "テレワーク実施状況報告",
            "Telework report",
        ),
        "report.period": (
            "対象期間: {period}",
            "Period: {period}",
        ),
        "report.reference_day": (
            "基準日: {day}（在職者・所属・実施可能かどうかはこの日で判定）",
            "Reference day: {day} (who is in post, where, and eligible)",
        ),
        "report.scope": (
            "対象範囲: {scope}",
            "Scope: {scope}",
        ),
        "report.denominator": (
            "分母: 職員数＝基準日に在職する職員（基準日の所属）。実施可能職員数＝職員数から条件付採用期間中の職員（と方針で計画の対象外とした業務の職員）を除いた数。国会業務・窓口業務等の職員は週1回の目安のみ対象外で、実施可能職員数に含む。実施率の分子はこのうち期間中に実施した人",
            "Denominators: headcount = staff in post on the reference day (in their unit then); eligible = headcount less staff in the conditional appointment period (and any work the policy takes out of the plan). Diet work and counter service are exempt from the weekly aim only and stay eligible. Rates count those of them who teleworked in the period",
        ),
        "report.exclusions": (
            "除外: 期間中の退職者等 {left}名（職員数・実施率に含めず、実施の回数・人日・月別には計上）、対象外業務 {exempt}名・条件付採用期間中 {conditional}名（実施可能職員数から除外）、所属不明 {unknown}名、計画の対象外（非常勤等） {not_covered}名",
            "Exclusions: {left} who left during the period (outside the headcount and rates; their telework is in the occasions, person-days and months); {exempt} exempt and {conditional} in the conditional appointment period (not eligible); {unknown} in unknown units; {not_covered} outside the plan (non-full-time, …)",
        ),
        "report.generated": (
            "作成日時: {at}",
            "Produced: {at}",
        ),
        "report.rule.movers": (
            "職員数・実施者数・実施率・目標達成は基準日の在職者を基準日の所属で数えます。延べ実施回数・延べ人日・期間中の実施者数・月別・テレワーク・ウィークは、期間中に実施した全員（退職者を含む）を実施日の所属で数えます（所属の履歴は職員名簿の変更記録から復元）。",
            "Headcount, teleworkers, rates and targets count the staff in post on the reference day, in their unit then. Occasions, person-days, teleworkers in the period, the months and Telework Week count everyone who teleworked in the period (leavers included) in the unit they were in that day (unit history is replayed from roster change records).",
        ),
        "report.rule.counting": (
            "半日（午前のみ・午後のみ）は1回・{half}人日。時間単位の申請も1回で、標準勤務時間（{standard}）の半分以下なら半日、超えれば終日として数えます。同じ日の午前と午後は終日1回として数えます。基準日より後の予定は数えません。",
            "A half day is one occasion and {half} person-days; a time range is one occasion, a half day when it covers at most half of the standard working day ({standard}), else a full day. A morning and an afternoon of one day count as one full day. Days after the reference day are not counted.",
        ),
        "report.rule.closed_days": (
            "土日・祝日・年末年始・組織の休業日のテレワークは数えません（テレワークは勤務日の働き方です）。",
            "Telework on weekends, holidays, the year-end closure and organisation closure days is not counted (telework is a way of working on working days).",
        ),
        "report.rule.targets": (
            "目標の達成: 実施可能職員のうち各区分の対象者について、範囲内に終わる期間（年度目標は基準日までの実績）をすべて達成した人の割合。期間達成率は対象者×期間のうち達成した割合。区分は現在の名簿によります。",
            "Targets: eligible members of each category who met every period ending in the range (fiscal-year targets: results to the reference day). The period rate is the share of person-periods met. Categories follow the current roster.",
        ),
        "report.rule.aims.on_average": (
            "目安（週1回程度など）は平均で判定します: 範囲内の実施回数が、判定する期間の数（勤務日が{days}日以上ある期間）×回数以上なら達成。期間達成率は判定する期間のうち実施した期間の割合（週の目安では実施した週の割合）です。",
            "Aims (about once a week, …) are judged on average: attained when the occasions in the range reach the count times the periods judged (those with at least {days} working days). The period rate is the share of those periods with telework (for a weekly aim: weeks with telework).",
        ),
        "report.rule.aims.every_period": (
            "目安も目標と同じく、判定する期間（勤務日が{days}日以上ある期間）ごとに判定します。",
            "Aims are judged like targets, in every period judged (those with at least {days} working days).",
        ),
        "report.target.aim": (
            "{count}回程度／{period}（目安）",
            "about {count} per {period} (aim)",
        ),
        "report.rule.once_a_month": (
            "月1回以上実施率: 各月に1回以上実施した実施可能職員（基準日の在職者・所属）の実施可能職員数に対する割合。年度の値は基準日までに終わった月の平均です。",
            "At least once a month: eligible staff (in post on the reference day, in their unit then) who teleworked at least once in the month, over the eligible headcount; the year's figure is the average of the months over by the reference day.",
        ),
        "report.rule.privacy": (
            "育児・介護の区分は{k}人未満の集団を秘匿（＊）し、差し引きで育児・介護の人数が分かる欄（他の区分・他の組織の欄を含む）も秘匿します。",
            "Care categories: groups smaller than {k} are suppressed (*), and so is every cell (other categories and other units included) from which a care figure could be worked out by subtraction.",
        ),
        "report.rule.meetings": (
            "チーム型会議は開催記録の件数です（所属の記録がない会議は「全体」にのみ計上）。",
            "Team meetings are the meetings recorded as held (a meeting without a unit counts only in the whole organisation).",
        ),
        "report.suppressed": (
            "＊",
            "*",
        ),
        "report.none": (
            "—",
            "—",
        ),
        "report.scope.head_office": (
            "本省",
            "Head office",
        ),
        "report.scope.regional": (
            "地方支分部局等",
            "Regional bureaus",
        ),
        "report.scope.all": (
            "全体",
            "All",
        ),
        "report.scope.all_long": (
            "全体（本省・地方支分部局等）",
            "Whole organisation (head office and regional bureaus)",
        ),
        "report.table.overview": (
            "概要",
            "Overview",
        ),
        "report.table.months": (
            "月別",
            "By month",
        ),
        "report.table.units": (
            "組織別",
            "By unit",
        ),
        "report.table.targets": (
            "目標・目安の達成",
            "Targets and aims",
        ),
        "report.table.week": (
            "テレワーク・ウィーク",
            "Telework Week",
        ),
        "report.table.comparison": (
            "前年度同期比較",
            "Same period last year",
        ),
        "report.comparison.note": (
            "前年度同期: {previous}（今年度: {current}）。前年度も同じ月日までを、その時点の在職者・所属で数えます。",
            "Same period last year: {previous} (this year: {current}), counted up to the same day, with the staff and units of that time.",
        ),
        "report.card.allowance": (
            "在宅勤務等手当の支給要件を満たす職員: {count}人（{month}）",
            "Eligible for the telework allowance: {count} ({month})",
        ),
        "report.card.interval": (
            "勤務間インターバル未満の業務開始: {count}件（期間計）",
            "Starts sooner than the rest interval: {count} (in the period)",
        ),
        "report.table.allowance": (
            "在宅勤務等手当",
            "Telework allowance",
        ),
        "report.table.interval": (
            "勤務間インターバル",
            "Rest between working days",
        ),
        "report.rules.allowance_note": (
            "在宅勤務等手当の支給要件を満たす（境界を含む）職員数。月末（当月は基準日）に所属していた課室で数えます。人数のみで、氏名は示しません。",
            "Staff eligible for the telework allowance (borderline included), each in the section they were in at the month's end (this month: the reference day). Headcounts only, never names.",
        ),
        "report.rules.interval_note": (
            "前日の業務終了から勤務間インターバル未満で業務開始した件数。その日に所属していた課室で数えます。件数のみで、氏名は示しません。",
            "Starts that came sooner than the rest interval after the previous day's end, each in the section the person was in that day. Counts only, never names.",
        ),
        "report.rules.total": (
            "合計",
            "Total",
        ),
        "report.col.year_total": (
            "年度計",
            "Year",
        ),
        "report.table.people": (
            "職員別",
            "People",
        ),
        "report.col.group": (
            "区分",
            "Group",
        ),
        "report.col.bureau": (
            "局・部",
            "Bureau",
        ),
        "report.col.unit": (
            "組織",
            "Unit",
        ),
        "report.col.section": (
            "課・室",
            "Section",
        ),
        "report.col.office": (
            "本省／地方",
            "Office",
        ),
        "report.col.month": (
            "月",
            "Month",
        ),
        "report.col.headcount": (
            "職員数",
            "Headcount",
        ),
        "report.col.eligible": (
            "実施可能職員数",
            "Eligible",
        ),
        "report.col.implementers": (
            "実施者数（基準日在職者）",
            "Teleworkers (in post on the reference day)",
        ),
        "report.col.once_a_month": (
            "月1回以上実施率（月平均）",
            "Teleworked at least once a month (monthly average)",
        ),
        "report.col.once_a_month_month": (
            "月1回以上実施率（実施可能職員数比）",
            "At least once this month (eligible)",
        ),
        "report.col.teleworkers": (
            "期間中の実施者数（退職者等を含む）",
            "Teleworkers in the period (leavers included)",
        ),
        "report.col.month_teleworkers": (
            "実施者数（実施日の所属）",
            "Teleworkers (unit of the day)",
        ),
        "report.col.implementers_eligible": (
            "うち実施可能職員",
            "of whom eligible",
        ),
        "report.col.rate": (
            "実施率（職員数比）",
            "Rate (headcount)",
        ),
        "report.col.rate_eligible": (
            "実施率（実施可能職員数比）",
            "Rate (eligible)",
        ),
        "report.col.occasions": (
            "延べ実施回数",
            "Occasions",
        ),
        "report.col.person_days": (
            "延べ人日",
            "Person-days",
        ),
        "report.col.full_days": (
            "終日（回）",
            "Full days",
        ),
        "report.col.half_days": (
            "半日（回）",
            "Half days",
        ),
        "report.col.days_per_person": (
            "実施者1人当たり人日（期間中の実施者）",
            "Person-days per teleworker (in the period)",
        ),
        "report.col.meetings": (
            "チーム型会議（回）",
            "Team meetings",
        ),
        "report.col.category": (
            "対象区分",
            "Category",
        ),
        "report.col.target": (
            "目標",
            "Target",
        ),
        "report.col.members": (
            "対象者数",
            "Members",
        ),
        "report.col.attained": (
            "達成者数",
            "Attained",
        ),
        "report.col.attained_rate": (
            "達成率",
            "Attainment",
        ),
        "report.col.periods_judged": (
            "判定期間数（人×期間）",
            "Person-periods judged",
        ),
        "report.col.periods_met": (
            "達成期間数",
            "Person-periods met",
        ),
        "report.col.period_rate": (
            "期間達成率",
            "Period rate",
        ),
        "report.col.participants": (
            "参加者数",
            "Participants",
        ),
        "report.col.participation": (
            "参加率（職員数比）",
            "Participation",
        ),
        "report.col.met": (
            "1名以上",
            "At least one",
        ),
        "report.col.metric": (
            "指標",
            "Figure",
        ),
        "report.col.current": (
            "今年度",
            "This year",
        ),
        "report.col.previous": (
            "前年度同期",
            "Same period last year",
        ),
        "report.col.change": (
            "増減",
            "Change",
        ),
        "report.col.employee_id": (
            "職員番号",
            "Employee id",
        ),
        "report.col.name": (
            "氏名",
            "Name",
        ),
        "report.col.eligible_flag": (
            "実施可能",
            "Eligible",
        ),
        "report.col.reason": (
            "対象外の理由",
            "Why not eligible",
        ),
        "report.col.week_days": (
            "ウィーク中の実施日数",
            "Telework Week days",
        ),
        "report.target": (
            "{count}回以上／{period}",
            "at least {count} per {period}",
        ),
        "report.target.fiscal_year": (
            "年度",
            "fiscal year",
        ),
        "report.target.month": (
            "月",
            "month",
        ),
        "report.target.week": (
            "週",
            "week",
        ),
        "report.yes": (
            "○",
            "yes",
        ),
        "report.no": (
            "×",
            "no",
        ),
        "report.met": (
            "達成",
            "met",
        ),
        "report.not_met": (
            "未達成",
            "not met",
        ),
        "report.reason.exempt": (
            "対象外業務",
            "exempt work",
        ),
        "report.reason.conditional": (
            "条件付採用期間",
            "conditional appointment",
        ),
        "report.week.title": (
            "テレワーク・ウィーク {start}～{end}：{met}／{sections}課室で1名以上が実施",
            "Telework Week {start}–{end}: {met} of {sections} sections with one or more",
        ),
        "report.chart.monthly": (
            "月別の実施者数と延べ人日（棒の上の%は月1回以上実施率）",
            "Teleworkers and person-days by month (% above a bar: eligible staff who teleworked that month)",
        ),
        "report.chart.by_unit": (
            "組織別の実施率（職員数比）",
            "Telework rate by unit (headcount)",
        ),
        "report.card.title": (
            "テレワーク実施状況（{period}）",
            "Telework report ({period})",
        ),
        "report.card.scope": (
            "{scope}・基準日 {day}",
            "{scope}, reference day {day}",
        ),
        "report.card.rate": (
            "実施率 {rate}（実施者 {implementers}名／職員 {headcount}名）",
            "Rate {rate} ({implementers} of {headcount} staff)",
        ),
        "report.card.rate_eligible": (
            "実施可能職員に対する実施率 {rate}（{eligible}名中）",
            "Rate among eligible staff {rate} (of {eligible})",
        ),
        "report.card.days": (
            "延べ {days}人日（終日 {full}回・半日 {half}回）、実施者1人当たり {per}人日",
            "{days} person-days ({full} full, {half} half days), {per} per teleworker",
        ),
        "report.card.previous": (
            "前年度同期: 実施率 {rate}（{change}）",
            "Same period last year: rate {rate} ({change})",
        ),
        "report.card.once_a_month": (
            "月1回以上実施率 {rate}（{months}か月の平均、実施可能職員比）",
            "Teleworked at least once a month: {rate} (average of {months} months, eligible staff)",
        ),
        "report.card.targets": (
            "目標・目安の達成: {lines}",
            "Targets and aims: {lines}",
        ),
        "report.card.target_line": (
            "{category} {rate}",
            "{category} {rate}",
        ),
        "report.card.week": (
            "テレワーク・ウィーク: {met}／{sections}課室で1名以上",
            "Telework Week: {met} of {sections} sections with one or more",
        ),
        "report.card.week_not_held": (
            "テレワーク・ウィーク: 実施なし",
            "Telework Week: not held",
        ),
        "report.week.not_held": (
            "この年度のテレワーク・ウィークは実施されていません（実施なし）。",
            "No Telework Week was held this fiscal year (not held).",
        ),
        "report.card.footer": (
            "{denominator} 作成 {at}",
            "{denominator} Produced {at}",
        ),
        "report.card.chart_alt": (
            "月別の実施者数と延べ人日のグラフ",
            "Chart of teleworkers and person-days by month",
        ),
        "report.not_allowed": (
            "申し訳ありません。実施状況のレポートは事務局と課室長のみ表示できます。",
            "Sorry, telework reports are for the secretariat and section chiefs.",
        ),
        "report.no_section": (
            "所属の課室が名簿で確認できないため、レポートを表示できません。",
            "Your section is not in the roster, so I cannot show its report.",
        ),
        "report.bad_argument": (
            "「{argument}」は理解できませんでした。「レポート」「レポート 2025」「レポート 7月」のように入力してください。",
            'I did not understand "{argument}". Try "report", "report 2025" or "report July".',
        ),
    }
)
