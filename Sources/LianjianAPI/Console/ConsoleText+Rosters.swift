/// The words of generating, following and publishing a roster.
extension ConsoleText {
    static let chineseRosters: [String: String] = [
        "from": "从", "to": "到", "generate": "生成排班草稿", "generate_again": "重新生成",
        "generating": "正在生成排班", "generating_hint": "通常需要几秒钟；完成后自动打开草稿。",
        "phase_queued": "排队等待中…", "phase_reading": "读取活动和志愿者…", "phase_constructing": "构造初始方案…",
        "phase_searching": "寻找更好的安排…", "phase_bounding": "计算还能改进多少…", "phase_storing": "保存草稿…", "phase_done": "完成",
        "best_text": "目前最优方案的扣分：{n}", "bound_text": "（下界 {n}）",
        "job_failed": "生成失败：", "back_to_week": "返回本周安排",
        "roster": "排班", "status_draft": "草稿（尚未发布）", "status_published": "已发布", "status_superseded": "已被新版本取代",
        "unfilled_count": "还有 {n} 个岗位无人可排", "unfilled_none": "所有岗位都已排满",
        "changes": "与已发布排班相比的变动", "change_counts": "新增 {added} 人次，撤下 {removed} 人次，调动 {moved} 人",
        "no_changes": "与已发布的排班相同，没有变动。", "added": "新增", "removed": "撤下", "moved": "调动",
        "publish": "发布这份排班", "publish_hint": "发布后，安排有变动的志愿者会收到通知。",
        "published_notice": "已发布。安排有变动的志愿者将收到通知。",
        "stale_draft": "这份草稿生成之后排班已有变动（另一份排班已发布，或有志愿者回复了安排），请重新生成后再发布。",
        "not_a_draft": "这份排班不是草稿，不能再次发布。",
        "whole_roster": "整份排班",
    ]

    static let englishRosters: [String: String] = [
        "from": "From", "to": "To", "generate": "Generate a draft roster", "generate_again": "Generate again",
        "generating": "Generating the roster", "generating_hint": "This usually takes a few seconds; the draft opens when it is ready.",
        "phase_queued": "Waiting in the queue…", "phase_reading": "Reading events and volunteers…", "phase_constructing": "Building a first roster…",
        "phase_searching": "Looking for a better roster…", "phase_bounding": "Working out how much better it could get…",
        "phase_storing": "Saving the draft…", "phase_done": "Done",
        "best_text": "Best roster so far: penalty {n}", "bound_text": " (bound {n})",
        "job_failed": "The generation failed:", "back_to_week": "Back to the week",
        "roster": "Roster", "status_draft": "Draft (not published)", "status_published": "Published", "status_superseded": "Replaced by a newer version",
        "unfilled_count": "{n} places could not be filled", "unfilled_none": "Every place is filled",
        "changes": "Changes against the published roster", "change_counts": "{added} added, {removed} removed, {moved} moved",
        "no_changes": "The same as the published roster: nothing changes.", "added": "added", "removed": "removed", "moved": "moved",
        "publish": "Publish this roster", "publish_hint": "Volunteers whose assignments change are told when it is published.",
        "published_notice": "Published. Volunteers whose assignments changed will be told.",
        "stale_draft": "The roster changed after this draft was made (another roster was published, or a volunteer answered); generate it again, then publish.",
        "not_a_draft": "This roster is not a draft and cannot be published again.",
        "whole_roster": "The whole roster",
    ]
}
