"""Headings and labels of the fraud-warning dispatch list (PDF and CSV), zh and en."""

from __future__ import annotations

from workstation.domain.errors import WorkstationError

LANGUAGES = ("zh", "en")

#: The columns of the dispatch list, in order, as named in the labels' ``columns``.
COLUMNS = (
    "officer",
    "rank",
    "score",
    "name",
    "phones",
    "address",
    "community",
    "contacts",
    "calls",
    "messages",
    "call_minutes",
    "watched_numbers",
    "days",
    "callbacks",
    "first_contact",
    "last_contact",
)

_LABELS = {
    "zh": {
        "title": "涉诈预警劝阻走访名单",
        "default_marking": "内部",
        "header": "案件 {number}",
        "page": "第 {page} 页",
        "case": "案件",
        "window": "时间范围",
        "window_text": "{start} 至 {end}",
        "lists": "预警号码清单",
        "list_text": "{name}（{numbers} 个号码，{by} 于 {at} 导入）",
        "watched": "预警号码",
        "watched_text": "共 {count} 个（去重后）",
        "totals": "名单人数",
        "totals_text": (
            "{residents} 名居民，{unlisted} 个未登记号码，{officers} 名责任民警"
        ),
        "run": "生成",
        "run_text": "{by}，{at} UTC",
        "weights": "风险分计算",
        "weights_text": (
            "每次联系 {contact:g} 分；通话每分钟 {call_minute:g} 分"
            "（最多计 {minutes_cap:g} 分钟）；联系天数每多一天 {extra_day:g} 分；"
            "每多一个预警号码 {extra_number:g} 分；居民每次回拨或回复 {callback:g} 分；"
            "首次联系在时间范围末日加 {recent:g} 分，{recent_days:g} 天内线性递减。"
        ),
        "note": (
            "本名单依据预警号码与通话、短信记录生成，仅提示可能的受骗风险，不代表当事人"
            "涉及违法犯罪。请责任民警尽快电话联系或上门走访劝阻，并在“处置情况”栏记录结果。"
            "名单含个人信息，仅限工作使用，不得外传。"
        ),
        "officer_heading": "责任民警：{officer}（{count} 人）",
        "no_officer": "未指定责任民警",
        "unlisted": "（未登记号码）",
        "none": "时间范围内没有居民与预警号码联系。",
        "outcome": "处置情况",
        "order": "序号",
        "columns": {
            "officer": "责任民警",
            "rank": "总排名",
            "score": "风险分",
            "name": "姓名",
            "phones": "电话",
            "address": "住址",
            "community": "社区",
            "contacts": "联系次数",
            "calls": "通话",
            "messages": "短信",
            "call_minutes": "通话分钟",
            "watched_numbers": "预警号码",
            "days": "联系天数",
            "callbacks": "回拨",
            "first_contact": "首次联系",
            "last_contact": "最近联系",
        },
    },
    "en": {
        "title": "Fraud warning: dispatch list",
        "default_marking": "RESTRICTED",
        "header": "Case {number}",
        "page": "Page {page}",
        "case": "Case",
        "window": "Window",
        "window_text": "{start} to {end}",
        "lists": "Watch-lists",
        "list_text": "{name} ({numbers} numbers, loaded by {by} on {at})",
        "watched": "Watched numbers",
        "watched_text": "{count} distinct",
        "totals": "On this list",
        "totals_text": (
            "{residents} residents, {unlisted} unlisted numbers, {officers} officers"
        ),
        "run": "Made",
        "run_text": "by {by}, {at} UTC",
        "weights": "Risk score",
        "weights_text": (
            "{contact:g} per contact; {call_minute:g} per call minute (up to "
            "{minutes_cap:g} minutes); {extra_day:g} per further day with contact; "
            "{extra_number:g} per further watched number; {callback:g} per call or "
            "message the resident made back; {recent:g} for a first contact on the "
            "window's last day, falling to 0 over {recent_days:g} days."
        ),
        "note": (
            "Made from the watch-lists and the call and message records, this list "
            "points to residents who may be being defrauded; it does not suggest "
            "they did anything wrong. Officers: call or visit them soon and write "
            "what was done in the Outcome column. Personal data: for official use "
            "only."
        ),
        "officer_heading": "Officer: {officer} ({count})",
        "no_officer": "No officer assigned",
        "unlisted": "(number not on a resident list)",
        "none": "No resident was contacted by a watched number in the window.",
        "outcome": "Outcome",
        "order": "No.",
        "columns": {
            "officer": "Officer",
            "rank": "Rank",
            "score": "Score",
            "name": "Name",
            "phones": "Phone",
            "address": "Address",
            "community": "Community",
            "contacts": "Contacts",
            "calls": "Calls",
            "messages": "Messages",
            "call_minutes": "Call min",
            "watched_numbers": "Watched numbers",
            "days": "Days",
            "callbacks": "Callbacks",
            "first_contact": "First contact",
            "last_contact": "Last contact",
        },
    },
}


def dispatch_labels(lang: str) -> dict:
    """The dispatch list's labels in ``lang`` ("zh" or "en").

    Raises:
        WorkstationError: another language.
    """
    try:
        return _LABELS[lang]
    except KeyError:
        raise WorkstationError(
            f"The dispatch list is written in {' or '.join(LANGUAGES)}, not "
            f"{lang!r}; choose one of those."
        ) from None
