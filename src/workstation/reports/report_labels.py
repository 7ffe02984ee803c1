"""Headings and labels of the case reports (brief and full), in Chinese and English."""

from __future__ import annotations

from workstation.domain.errors import WorkstationError

LANGUAGES = ("zh", "en")

_ZH = {
    "lang": "zh",
    "doc_title_brief": "案件简报",
    "doc_title_full": "案件完整报告",
    "default_marking": "内部",
    "header": "案件 {number}",
    "page": "第 {page} 页，共 {pages} 页",
    # the cover
    "number": "案件编号",
    "title": "案件名称",
    "classification": "密级",
    "author": "编写人",
    "as_of": "数据截至",
    "as_of_entry": "{at} UTC（本案审计记录第 {seq} 条）",
    "as_of_check": "核验：workstation audit verify --expect {reference}",
    "no_as_of": "本案尚无审计记录",
    "software": "软件版本",
    "state": "数据状态",
    "state_note": (
        "以上 SHA-256 按本报告所列的全部数据计算，不含生成时间、语言、密级和编写人；"
        "同一数据库生成的报告得到相同的值。本 PDF 的导出时间及其文件 SHA-256 记入"
        "审计日志（report.export）。"
    ),
    "cover_brief": (
        "本简报为摘要：人脸检索、关键人物、证据和审计记录只列出最重要的部分。"
        "完整内容见完整报告（workstation report {number} --kind full）。"
    ),
    "cover_full": "本报告列出案件数据库中本案的全部记录。",
    "left_out": "应制作人选择，本报告未收入第 {numbers} 部分。",
    # 1. summary
    "summary": "一、案件概况",
    "kind": "案件类别",
    "status": "办理状态",
    "lead_officer": "主办人",
    "created": "立案时间",
    "data_source": "数据来源",
    "no_description": "未填写案件说明。",
    "imports": "导入文件",
    "import_columns": ("文件", "导入行数", "拒绝行数", "导入人", "导入时间"),
    "no_imports": "本案尚无导入文件。",
    "import_details": "导入明细",
    "import_detail_columns": ("文件", "映射", "编码", "读取行数", "文件 SHA-256"),
    "rejects": "拒绝行（按原因计数）",
    "reject_columns": ("文件", "拒绝原因", "行数"),
    "no_rejects": "所有导入行均已载入，无拒绝行。",
    "contents": (
        "本报告包含：嫌疑人 {suspects} 名，人脸检索 {searches} 次，"
        "关系图节点 {nodes} 个，证据 {evidence} 件，审计记录 {audit} 条。"
    ),
    # 2. suspects
    "suspects": "二、嫌疑人",
    "no_suspects": "本案尚未登记嫌疑人（角色为 suspect 的人员实体）。",
    "no_faces_scanned": "本案尚未扫描人脸，无参考人脸图像。",
    "no_reference_face": "无参考人脸",
    "key": "标识",
    # 3. face searches
    "searches": "三、人脸检索候选",
    "lead_note": (
        "比对候选仅为侦查线索，不构成身份认定；只有经人工核实并记录在案的决定"
        "才能认定身份。"
    ),
    "no_searches": "本案尚无人脸检索记录。",
    "searches_more": (
        "此处列出每个检材最近的一次检索，共 {shown} 次（本案共检索 {total} 次）；"
        "完整报告列出全部检索及全部候选。"
    ),
    "search_heading": "检索 {search_id}：{probe}",
    "search_meta": "阈值 {threshold:.2f} · 模型 {model} · 检索人 {by} · {at}",
    "probe_band": "检材质量 {quality:.2f}，{band}档。",
    "probe_band_moved": (
        "检材质量 {quality:.2f}，{band}档：按阈值 {threshold:.3f}"
        "（设定值 {set:.2f}）判定，即不同人的{band}档人脸误匹配频率"
        "与良好人脸在 {set:.2f} 时相同的分数。"
    ),
    "probe_steps": "对检材所做处理：{steps}。",
    "candidate_columns": {
        "rank": "排名",
        "probe": "检材",
        "candidate": "候选",
        "score": "相似度",
        "fmr": "估计误识率",
        "threshold": "阈值判定",
        "decision": "决定",
        "source": "来源",
    },
    "candidates_more": "共 {total} 个候选，此处列出前 {shown} 个。",
    "fmr_note": (
        "估计误识率：校准集中不同人的人脸对得分不低于该相似度的比例；“<x”表示校准集"
        "测得的 N 对中没有一对达到该分数，x 为 1/N（N 已无从查考时记为 0）；"
        "“-”表示模型包未经校准。检索编号即命令行所用的检索编号。"
    ),
    "above": "高于阈值",
    "below": "低于阈值",
    "no_candidates": "无候选结果。",
    "no_probe_crop": "检材人脸未入库，无检材图像。",
    "no_crop": "无图像",
    # 4. link chart and timeline
    "chart": "四、关系图与活动时间线",
    "graph_facts": (
        "节点 {nodes} 个，连线 {edges} 条（由 {links} 条关联记录合并），"
        "连通分量 {components} 个，最大分量 {largest} 个节点；关系类型：{types}。"
    ),
    "all_types": "全部",
    "list_separator": "、",
    "no_links": "本案尚无关联记录，未生成关系图。",
    "timeline": "活动时间线",
    "timeline_title": "{number} 全案活动时间线",
    "timeline_facts": (
        "共 {total} 条带时间的关联记录（{types}），自 {first} 至 {last}，共 {days} 天；"
        "夜间（22 时至 6 时）占 {night:.0%}。"
    ),
    "no_timeline": "本案的关联记录均未记录时间，未生成时间线。",
    # 5. key players
    "key_players": "五、关键人物",
    "player_columns": ("序号", "实体", "类型", "度数", "加权度数", "中介中心性"),
    "players_more": "按中介中心性列出前 {shown} 个实体（关系图共 {total} 个）。",
    "exact_note": (
        "度数为不同联系对象的个数；加权度数为联系权重之和；中介中心性已归一化，"
        "按全部节点对精确计算。"
    ),
    "sampled_note": (
        "度数为不同联系对象的个数；加权度数为联系权重之和；节点较多，中介中心性"
        "由随机抽取的 {k} 个源节点估算（随机种子 {seed}），已归一化。"
    ),
    "no_players": "无可排序的实体。",
    # 6. evidence
    "evidence": "六、证据清单",
    "evidence_columns": ("编号", "文件", "类型 / 大小", "添加人 / 添加时间", "SHA-256"),
    "derived_from": "由 #{source} 增强生成",
    "evidence_more": (
        "此处列出本简报引用的证据及最早登记的证据，共 {shown} 件（本案共 {total} 件）；"
        "完整清单见完整报告。"
    ),
    "no_evidence": "本案尚无登记证据。",
    # 8. audit extract (7. is the processing report)
    "audit": "八、审计摘录",
    "audit_columns": ("序号", "时间（UTC）", "用户", "操作", "对象", "详情"),
    "audit_latest": "本案最近的 {shown} 条审计记录（共 {total} 条），按时间先后排列。",
    "audit_all": "本案全部 {total} 条审计记录，按时间先后排列。",
    "audit_chain": (
        "审计日志为哈希链，每条记录的 SHA-256 覆盖前一条记录；可用 "
        "workstation audit verify 核验。"
    ),
    "audit_withheld": (
        "审计记录仅向主管和管理员角色开放；本报告的编写人无此权限，故未列出审计摘录。"
    ),
    "no_audit": "本案尚无审计记录。",
    "reviews": "九、主管审核",
    "no_reviews": "本案尚无提交审核的工作。",
    "review_columns": ["编号", "审核对象", "状态", "提交", "决定", "过程"],
    "values": {
        "criminal": "刑事",
        "administrative": "行政",
        "open": "在办",
        "closed": "已结",
        "pending": "待定",
        "confirmed": "已确认",
        "rejected": "已排除",
        "person": "人员",
        "phone": "电话",
        "vehicle": "车辆",
        "account": "账户",
        "location": "地点",
        "device": "设备",
        "organisation": "组织",
        "call": "通话",
        "message": "短信",
        "meeting": "会面",
        "co-location": "同时同地",
        "owns": "拥有",
        "uses": "使用",
        "transfer": "转账",
        "face-match": "人脸比对",
        "associate": "关联",
        "submitted": "待审核",
        "resubmitted": "重新提交",
        "approved": "已批准",
        "returned": "已退回",
        "chart": "关系图",
        "faces": "人脸比对决定",
        "brief": "案件简报",
        "good": "良好",
        "fair": "一般",
        "poor": "较差",
    },
}

_EN = {
    "lang": "en",
    "doc_title_brief": "Case brief",
    "doc_title_full": "Full case report",
    "default_marking": "RESTRICTED",
    "header": "Case {number}",
    "page": "Page {page} of {pages}",
    "number": "Case number",
    "title": "Title",
    "classification": "Classification",
    "author": "Author",
    "as_of": "Data as of",
    "as_of_entry": "{at} UTC (audit entry #{seq} of the case)",
    "as_of_check": "check with: workstation audit verify --expect {reference}",
    "no_as_of": "no audit entries for this case yet",
    "software": "Software",
    "state": "Database state",
    "state_note": (
        "The SHA-256 above is computed over all data this report prints, not over "
        "the time it was made, its language, marking or author: the same database "
        "gives the same value. The time this PDF was exported and its file SHA-256 "
        "are recorded in the audit log (report.export)."
    ),
    "cover_brief": (
        "This brief is a summary: face searches, key players, evidence and audit "
        "entries are cut to the most important. The full report has everything "
        "(workstation report {number} --kind full)."
    ),
    "cover_full": (
        "This report lists every record the case database holds for the case."
    ),
    "left_out": "Left out of this report at its author's choice: parts {numbers}.",
    "summary": "1. Case summary",
    "kind": "Kind",
    "status": "Status",
    "lead_officer": "Lead officer",
    "created": "Opened",
    "data_source": "Where the data came from",
    "no_description": "No case description recorded.",
    "imports": "Imported files",
    "import_columns": ("File", "Rows loaded", "Rejected", "Imported by", "Imported at"),
    "no_imports": "No files imported into this case.",
    "import_details": "Import details",
    "import_detail_columns": (
        "File",
        "Mapping",
        "Encoding",
        "Rows read",
        "File SHA-256",
    ),
    "rejects": "Rejected rows, counted by reason",
    "reject_columns": ("File", "Reason", "Rows"),
    "no_rejects": "Every row read was loaded; nothing was rejected.",
    "contents": (
        "This report covers {suspects} suspects, {searches} face searches, a link "
        "graph of {nodes} entities, {evidence} evidence items and {audit} audit "
        "entries."
    ),
    "suspects": "2. Suspects",
    "no_suspects": "No suspects recorded (person entities with role 'suspect').",
    "no_faces_scanned": "No faces scanned in this case; no reference face images.",
    "no_reference_face": "No reference face",
    "key": "Key",
    "searches": "3. Face-search candidates",
    "lead_note": (
        "A candidate is an investigative lead, not an identification. A person is "
        "identified only by a human decision that is checked and recorded."
    ),
    "no_searches": "No searches recorded in this case.",
    "searches_more": (
        "Shown: the latest search of each probe, {shown} in all (the case has "
        "{total} searches); the full report lists every search and candidate."
    ),
    "search_heading": "Search {search_id}: {probe}",
    "search_meta": "Threshold {threshold:.2f} · model {model} · by {by} · {at}",
    "probe_band": "Probe quality {quality:.2f}, {band} band.",
    "probe_band_moved": (
        "Probe quality {quality:.2f}, {band} band: judged by the threshold "
        "{threshold:.3f} instead of the set {set:.2f}, the score at which different "
        "people's {band} faces match as rarely as good faces do at {set:.2f}."
    ),
    "probe_steps": "Applied to the probe: {steps}.",
    "candidate_columns": {
        "rank": "Rank",
        "probe": "Probe",
        "candidate": "Candidate",
        "score": "Score",
        "fmr": "Est. FMR",
        "threshold": "Threshold",
        "decision": "Decision",
        "source": "Source",
    },
    "candidates_more": "{total} candidates; the first {shown} are shown.",
    "fmr_note": (
        "Est. FMR (estimated false-match rate): the share of pairs of different "
        "people in the calibration set that score at least as high; '<x' means "
        "none of the N pairs measured reached the score, x being 1/N (0 where N "
        "is no longer known); '-' means the model pack is not calibrated. Search "
        "numbers are those the command line uses."
    ),
    "above": "above",
    "below": "below",
    "no_candidates": "No candidates.",
    "no_probe_crop": "The probe face is not stored; no probe image.",
    "no_crop": "no image",
    "chart": "4. Link chart and activity timeline",
    "graph_facts": (
        "Entities: {nodes}; edges: {edges} (merged from {links} link records); "
        "components: {components}, the largest with {largest} entities; "
        "link types: {types}."
    ),
    "all_types": "all",
    "list_separator": ", ",
    "no_links": "No links recorded in this case; no chart drawn.",
    "timeline": "Activity timeline",
    "timeline_title": "{number}: activity timeline of the case",
    "timeline_facts": (
        "{total} timed link records ({types}) from {first} to {last}, {days} days; "
        "{night:.0%} at night (22:00-06:00)."
    ),
    "no_timeline": "No link of this case has a time; no timeline drawn.",
    "key_players": "5. Key players",
    "player_columns": (
        "#",
        "Entity",
        "Type",
        "Degree",
        "Weighted degree",
        "Betweenness",
    ),
    "players_more": "The first {shown} of {total} entities by betweenness.",
    "exact_note": (
        "Degree counts distinct contacts; weighted degree sums link weights; "
        "betweenness is normalised and exact over all pairs of entities."
    ),
    "sampled_note": (
        "Degree counts distinct contacts; weighted degree sums link weights; "
        "betweenness is normalised and, the graph being large, estimated from {k} "
        "randomly drawn source entities (seed {seed})."
    ),
    "no_players": "No entities to rank.",
    "evidence": "6. Evidence list",
    "evidence_columns": ("#", "File", "Type / size", "Added by / at", "SHA-256"),
    "derived_from": "enhanced from #{source}",
    "evidence_more": (
        "Shown: the items this brief refers to and the first added, {shown} of "
        "{total}; the full report lists them all."
    ),
    "no_evidence": "No evidence recorded in this case.",
    "audit": "8. Audit extract",
    "audit_columns": ("#", "Time (UTC)", "User", "Action", "Object", "Details"),
    "audit_latest": (
        "The latest {shown} of the case's {total} audit entries, oldest first."
    ),
    "audit_all": "All {total} audit entries of the case, oldest first.",
    "audit_chain": (
        "The audit log is a hash chain: each entry's SHA-256 covers the one before; "
        "`workstation audit verify` checks it."
    ),
    "audit_withheld": (
        "The audit trail is open to supervisors and administrators only; the author "
        "of this report is neither, so no audit extract is printed."
    ),
    "no_audit": "No audit entries for this case.",
    "reviews": "9. Supervisor reviews",
    "no_reviews": "Nothing of this case has been submitted for review.",
    "review_columns": [
        "No.",
        "Submitted work",
        "State",
        "Submitted",
        "Decided",
        "History",
    ],
    "values": {},
}

_LABELS = {"zh": _ZH, "en": _EN}


def report_labels(lang: str) -> dict:
    """Return the report's labels in ``lang``.

    Args:
        lang: "zh" (Chinese) or "en" (English).

    Returns:
        Label name to text (or tuple or mapping of column headings).

    Raises:
        WorkstationError: The language is not one the reports are written in.
    """
    try:
        return _LABELS[lang]
    except KeyError:
        raise WorkstationError(
            f"Reports are written in {' or '.join(LANGUAGES)}, not {lang!r}; "
            "choose one of those."
        ) from None
