/// The words of an event's page.
extension ConsoleText {
    static let chineseEvents: [String: String] = [
        "att_title": "签到", "att_sign_in": "签到", "att_sign_out": "签退", "att_absent": "缺席",
        "att_none": "未签到", "att_in": "{in} 已签到", "att_done": "{in}–{out}，计 {h} 小时", "att_no_show": "缺席",
        "att_done_sign_in": "已签到。", "att_done_sign_out": "已签退，服务时长已记入。", "att_done_no_show": "已记为缺席。",
        "att_refused_time": "现在离活动时间太远（开始前或结束后 2 小时以外），不能签到、签退或记缺席。",
        "att_refused_twice": "这个人已经签退或已签到，不能重复记录。",
        "print_sheet": "打印签到表", "project": "联建项目", "participants": "参加的居民", "participant_count": "共 {n} 位居民报名",
        "resident_name": "姓名", "building": "楼栋", "needs": "需要的帮助",
        "groups": "陪护分组", "no_groups": "还没有分组。", "make_groups": "按陪护志愿者分组",
        "groups_done": "已按陪护志愿者重新分组。", "no_companion_role": "这个活动没有按人数配比的陪护岗位，无法分组。",
        "sheet_draft": "排班尚未全部发布：部分人员来自草稿，可能还会变动。", "sheet_no_roster": "这个活动还没有排班。",
    ]

    static let englishEvents: [String: String] = [
        "att_title": "Sign-in", "att_sign_in": "Sign in", "att_sign_out": "Sign out", "att_absent": "Absent",
        "att_none": "not signed in", "att_in": "signed in {in}", "att_done": "{in}–{out}, {h} h credited", "att_no_show": "absent",
        "att_done_sign_in": "Signed in.", "att_done_sign_out": "Signed out; the hours are recorded.", "att_done_no_show": "Marked absent.",
        "att_refused_time": "It is too far from the event (more than 2 hours before it starts or after it ends) to sign in, sign out or mark absent.",
        "att_refused_twice": "This person has already signed out or in; it cannot be recorded twice.",
        "print_sheet": "Print the sign-in sheet", "project": "Joint project", "participants": "Residents taking part",
        "participant_count": "{n} residents signed up",
        "resident_name": "Name", "building": "Building", "needs": "Help needed",
        "groups": "Companion groups", "no_groups": "No groups yet.", "make_groups": "Group residents by companion",
        "groups_done": "Residents were grouped by companion again.", "no_companion_role": "This event has no companion role staffed by ratio, so it cannot be grouped.",
        "sheet_draft": "Not every role is published: some people come from a draft and may still change.",
        "sheet_no_roster": "No roster covers this event yet.",
    ]
}
