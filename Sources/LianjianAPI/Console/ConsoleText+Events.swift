/// The words of an event's page.
extension ConsoleText {
    static let chineseEvents: [String: String] = [
        "print_sheet": "打印签到表", "project": "联建项目", "participants": "参加的居民", "participant_count": "共 {n} 位居民报名",
        "resident_name": "姓名", "building": "楼栋", "needs": "需要的帮助",
        "groups": "陪护分组", "no_groups": "还没有分组。", "make_groups": "按陪护志愿者分组",
        "groups_done": "已按陪护志愿者重新分组。", "no_companion_role": "这个活动没有按人数配比的陪护岗位，无法分组。",
        "sheet_draft": "排班尚未全部发布：部分人员来自草稿，可能还会变动。", "sheet_no_roster": "这个活动还没有排班。",
    ]

    static let englishEvents: [String: String] = [
        "print_sheet": "Print the sign-in sheet", "project": "Joint project", "participants": "Residents taking part",
        "participant_count": "{n} residents signed up",
        "resident_name": "Name", "building": "Building", "needs": "Help needed",
        "groups": "Companion groups", "no_groups": "No groups yet.", "make_groups": "Group residents by companion",
        "groups_done": "Residents were grouped by companion again.", "no_companion_role": "This event has no companion role staffed by ratio, so it cannot be grouped.",
        "sheet_draft": "Not every role is published: some people come from a draft and may still change.",
        "sheet_no_roster": "No roster covers this event yet.",
    ]
}
