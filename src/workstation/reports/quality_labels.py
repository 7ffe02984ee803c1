"""Headings and labels of the monthly case-quality summary, in Chinese and English."""

from __future__ import annotations

from workstation.domain.errors import WorkstationError

_ZH = {
    "lang": "zh",
    "title": "案件质量与时效月度汇总",
    "header": "考评案件 {number}",
    "page": "第 {page} 页",
    "case": "考评案件",
    "month": "统计月份",
    "as_of": "结案情况截至",
    "checklist": "问题点清单",
    "settings": "计分设置",
    "settings_text": (
        "主办计 {lead:g} 件、协办计 {assist:g} 件；报案后超过 {late:g} 天登记为"
        "登记不及时（扣 {late_points:g} 分）；行政案件 {closure:g} 日内办结"
        "（超期扣 {overdue_points:g} 分）；每案基础分 {base:g}"
    ),
    "figures": "一、本月概况",
    "figure_columns": (
        "案件数（行政/刑事）",
        "登记不及时",
        "报案至登记平均时长",
        "行政案件 {days:g} 日结案率",
        "问题点扣分",
    ),
    "cases_value": "{cases}（{administrative}/{criminal}）",
    "hours": "{hours:.1f} 小时",
    "rate_value": "{rate}（按期 {in_time}，超期 {overdue}，未到期 {pending}）",
    "no_rate": "无到期案件",
    "charts": "二、图表",
    "trend_chart": "行政案件 {days:g} 日结案率（按月）",
    "category_chart": "问题点扣分（按类别）",
    "station_chart": "单位得分排名",
    "no_chart": "本月无数据",
    "stations": "三、单位排名",
    "station_columns": (
        "名次",
        "办案单位",
        "案件数",
        "登记不及时",
        "结案率",
        "问题扣分",
        "得分",
    ),
    "officers": "四、民警排名",
    "officer_columns": (
        "名次",
        "民警（警号）",
        "单位",
        "主办",
        "协办",
        "折算件数",
        "登记不及时",
        "结案率",
        "分担扣分",
        "得分",
    ),
    "findings": "五、问题点明细",
    "finding_columns": ("案件编号", "类别", "问题点", "扣分", "说明", "录入人"),
    "no_findings": "本月案件尚未录入问题点。",
    "problems": "六、未计入或存疑的记录",
    "no_problems": "案件清单中的记录均已计入。",
    "no_cases": "本月没有登记的案件。",
    "method": (
        "计分方法：每案以基础分起算，扣除审查发现的问题点分值、登记不及时和行政案件"
        "超期未结的扣分。单位得分为其案件得分的平均值；民警得分为其参与案件得分的"
        "加权平均值（主办、协办按上列权重），每案问题点扣分按同一权重在办案民警之间"
        "分担。案件按登记时间计入月份。"
    ),
    "kinds": {"administrative": "行政", "criminal": "刑事"},
}

_EN = {
    "lang": "en",
    "title": "Case quality and timeliness: monthly summary",
    "header": "Review case {number}",
    "page": "Page {page}",
    "case": "Review case",
    "month": "Month",
    "as_of": "Closures as of",
    "checklist": "Checklist",
    "settings": "Scoring",
    "settings_text": (
        "a lead counts {lead:g} case, an assist {assist:g}; registered more than "
        "{late:g} day(s) after the report is late ({late_points:g} points); an "
        "administrative case is closed within {closure:g} days ({overdue_points:g} "
        "points if not); every case starts at {base:g}"
    ),
    "figures": "1. The month",
    "figure_columns": (
        "Cases (admin./criminal)",
        "Late registrations",
        "Mean report to registration",
        "Administrative closed in {days:g} days",
        "Problem points",
    ),
    "cases_value": "{cases} ({administrative}/{criminal})",
    "hours": "{hours:.1f} h",
    "rate_value": "{rate} (in time {in_time}, overdue {overdue}, pending {pending})",
    "no_rate": "none due",
    "charts": "2. Charts",
    "trend_chart": "Administrative cases closed in {days:g} days, by month",
    "category_chart": "Problem points by category",
    "station_chart": "Station scores",
    "no_chart": "no data this month",
    "stations": "3. Stations",
    "station_columns": (
        "Rank",
        "Station",
        "Cases",
        "Late",
        "Closure rate",
        "Problem points",
        "Score",
    ),
    "officers": "4. Officers",
    "officer_columns": (
        "Rank",
        "Officer (number)",
        "Station",
        "Lead",
        "Assist",
        "Weighted",
        "Late",
        "Closure rate",
        "Points borne",
        "Score",
    ),
    "findings": "5. Problem points found",
    "finding_columns": ("Case", "Category", "Point", "Points", "Note", "By"),
    "no_findings": "No problem points were recorded on this month's cases.",
    "problems": "6. Records left out or doubtful",
    "no_problems": "Every record of the case lists is counted.",
    "no_cases": "No case was registered this month.",
    "method": (
        "Scoring: every case starts at the base score, less the points of the "
        "problems found in review, a late registration and an administrative case "
        "not closed in time. A station's score is the mean of its cases' scores; "
        "an officer's is the mean of their cases' scores weighted by their part "
        "(lead or assist, weights above), and a case's problem points are shared "
        "between its officers by the same weights. Cases count in the month they "
        "were registered."
    ),
    "kinds": {"administrative": "administrative", "criminal": "criminal"},
}

_LABELS = {"zh": _ZH, "en": _EN}


def quality_labels(lang: str) -> dict:
    """The summary's labels in ``lang`` ("zh" or "en").

    Raises:
        WorkstationError: Another language.
    """
    try:
        return _LABELS[lang]
    except KeyError:
        raise WorkstationError(
            f"The quality summary is written in zh or en, not {lang!r}."
        ) from None
