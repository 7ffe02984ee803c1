"""Headings and labels of the image enhancement processing report, zh and en."""

from __future__ import annotations

_LABELS = {
    "zh": {
        "heading": "七、图像增强处理报告",
        "none": "本案没有经过增强处理的图像。",
        "intro": (
            "以下图像均在原始证据的副本上处理，原始文件只读、未被修改。每项处理记录了"
            "输入与输出的 SHA-256、按顺序执行的全部步骤及参数和软件版本；使用 "
            "workstation enhance verify 可在证据库原件上重新执行并核对输出哈希。"
        ),
        "item": "处理 {index}：{name}",
        "exhibit": "证据",
        "original_path": "原始文件",
        "original_hash": "原始 SHA-256",
        "integrity": "完整性",
        "unchanged": (
            "原始文件未被修改：证据库副本在生成本报告时重新计算的哈希与上值一致。"
        ),
        "changed": "警告：证据库副本的哈希与记录不符或文件缺失，请核查证据库。",
        "source": "处理对象",
        "source_image": "照片（整幅图像）",
        "source_frame": "视频第 {frame} 帧（{time}）",
        "source_frames": (
            "视频第 {frame} 帧（{time}），与相邻帧配准后平均；使用的帧：{frames}"
        ),
        "source_face": (
            "视频第 {frame} 帧（{time}）中的人脸，按五个特征点与其他帧中的同一人脸"
            "对齐后平均；使用的帧：{frames}"
        ),
        "purpose": "处理目的",
        "chain": "处理链",
        "examiner": "处理人",
        "date": "处理时间",
        "output_hash": "输出 SHA-256",
        "software": "软件版本",
        "step_columns": ("序号", "操作", "参数", "算法与文献"),
        "fusion_step": "融合",
        "before": "处理前",
        "after": "处理后",
        "scores_reference": "人脸检测与比对分数（比对对象：参考照片 {reference}）",
        "scores_original": (
            "人脸检测与比对分数（比对对象：未经处理的原图中的人脸，即与原貌的相似度）"
        ),
        "score_columns": ("阶段", "检测分数", "比对分数"),
        "no_face": "未检出人脸",
        "not_measured": "未测量人脸分数。",
        "warning_line": "注意：{text}",
        "stages": {
            "original": "原图",
            "fusion_frames": "多帧融合（{count} 帧）",
            "fusion_face": "人脸融合（{count} 帧）",
            "step": "第 {count} 步（{op}）",
            "chain": "整个处理链",
        },
        "warning_texts": {
            "detector": "{stage}使检测分数从 {before:.3f} 降至 {after:.3f}",
            "match": "{stage}使比对分数从 {before:.3f} 降至 {after:.3f}",
            "changed": (
                "{stage}改变了人脸：与原图人脸的相似度从 {before:.3f} 降至 {after:.3f}"
            ),
            "lost": "{stage}之后检测不到人脸",
            "no_face": "未经处理的原图中未检出人脸",
        },
    },
    "en": {
        "heading": "7. Image enhancement processing report",
        "none": "No image of this case has been enhanced.",
        "intro": (
            "Every image below was processed on a copy of the evidence; the "
            "original files are read-only and were not modified. Each record keeps "
            "the input and output SHA-256, every step in order with all its "
            "parameters, and the software versions; `workstation enhance verify` "
            "re-runs it on the vault original and checks the output hash."
        ),
        "item": "Processing {index}: {name}",
        "exhibit": "Exhibit",
        "original_path": "Original file",
        "original_hash": "Original SHA-256",
        "integrity": "Integrity",
        "unchanged": (
            "The original is unchanged: its vault copy, re-hashed when this report "
            "was made, still matches the value above."
        ),
        "changed": (
            "WARNING: the vault copy no longer matches the recorded hash or is "
            "missing; check the vault."
        ),
        "source": "Processed",
        "source_image": "The whole photo",
        "source_frame": "Video frame {frame} ({time})",
        "source_frames": (
            "Video frame {frame} ({time}), averaged with neighbouring frames "
            "registered on it; frames used: {frames}"
        ),
        "source_face": (
            "The face in video frame {frame} ({time}), averaged with the same face "
            "in other frames aligned by its five landmarks; frames used: {frames}"
        ),
        "purpose": "Purpose",
        "chain": "Chain",
        "examiner": "Examiner",
        "date": "Date",
        "output_hash": "Output SHA-256",
        "software": "Software",
        "step_columns": ("#", "Operation", "Parameters", "Algorithm and reference"),
        "fusion_step": "fusion",
        "before": "Before",
        "after": "After",
        "scores_reference": (
            "Face detector and match scores (match against reference photo {reference})"
        ),
        "scores_original": (
            "Face detector and match scores (match against the face in the "
            "unprocessed original, i.e. how much the face was changed)"
        ),
        "score_columns": ("Stage", "Detector", "Match"),
        "no_face": "no face found",
        "not_measured": "Face scores were not measured.",
        "warning_line": "Note: {text}",
        "stages": {
            "original": "original",
            "fusion_frames": "fusion of {count} frames",
            "fusion_face": "face fusion of {count} shots",
            "step": "step {count} ({op})",
            "chain": "the chain as a whole",
        },
        "warning_texts": {
            "detector": "{stage} lowered the detector score from {before:.3f} to "
            "{after:.3f}",
            "match": "{stage} lowered the match score from {before:.3f} to {after:.3f}",
            "changed": "{stage} changed the face: its similarity to the unprocessed "
            "face fell from {before:.3f} to {after:.3f}",
            "lost": "after {stage} the face is no longer found",
            "no_face": "no face was found in the unprocessed original",
        },
    },
}


def processing_labels(lang: str) -> dict:
    """The section's labels in ``lang`` ("zh" or "en"; others fall back to en)."""
    return _LABELS.get(lang, _LABELS["en"])
