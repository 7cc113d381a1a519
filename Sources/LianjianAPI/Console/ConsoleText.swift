/// The console's words, one catalogue per language (zh-CN first); templates read them as
/// `{{t.key}}`. `ConsoleTextTests` checks that both languages have every key and that every
/// `{{t.…}}` in the templates is one of them.
enum ConsoleText {
    /// `sentence` with each `{key}` replaced by its value.
    static func fill(_ sentence: String?, _ values: [String: String]) -> String {
        values.reduce(sentence ?? "") { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    static func strings(_ language: Language) -> [String: String] {
        language == .english ? allEnglish : allChinese
    }

    // Each page group adds its words in an extension (`ConsoleText+Rosters`, …).
    private static let allChinese = [chineseRosters, chineseEvents, chineseUnit, chinesePlans, chineseFacilities, chineseRuns, chineseAdmin, chineseRecords].reduce(chinese) { $0.merging($1) { a, _ in a } }
    private static let allEnglish = [englishRosters, englishEvents, englishUnit, englishPlans, englishFacilities, englishRuns, englishAdmin, englishRecords].reduce(english) { $0.merging($1) { a, _ in a } }

    static let chinese: [String: String] = [
        "app": "联建", "app_long": "联建 · 社区联建项目排班",
        "sign_in": "登录", "sign_out": "退出", "login": "账号", "password": "密码",
        "volunteer_sign_in": "志愿者用手机号登录", "staff_sign_in": "工作人员用账号登录",
        "phone": "手机号", "send_code": "发送验证码", "code": "验证码", "code_sent": "验证码已发送到该手机号，10 分钟内有效。",
        "code_hint": "没有收到？一分钟后可以再发一次。",
        "wrong_password": "账号或密码不对。", "locked": "该账号因多次输错密码已暂时锁定，请在 {until} 之后再试，或请管理员解锁。",
        "address_limited": "此地址登录失败次数过多，请 15 分钟后再试。",
        "wrong_code": "验证码不对或已过期，请重新获取。", "unknown_phone": "验证码已发送（如果该号码登记为志愿者）。",
        "too_soon": "刚刚发送过验证码，请一分钟后再试。",
        "week": "本周安排", "previous_week": "上一周", "next_week": "下一周", "this_week": "本周",
        "no_events": "这一天没有活动", "filled": "已安排", "required": "需要", "short": "缺人", "declined": "已婉拒",
        "confirmed": "已确认", "unanswered": "待回复", "pinned": "已锁定", "not_published": "尚未发布排班",
        "short_total": "本周还缺 {n} 人次", "all_filled": "本周岗位均已排满", "no_events_week": "本周没有活动",
        "my_assignments": "我的安排", "no_assignments": "目前没有安排。谢谢您的参与！",
        "confirm": "确认参加", "decline": "婉拒", "decline_reason": "原因（可不填）",
        "answer_saved": "已记录您的回复。", "declined_gone": "已婉拒，组织者会另行安排。",
        "choose_community": "选择社区", "community": "社区",
        "error_title": "出错了", "not_found": "没有找到这个页面，或您无权查看。", "forbidden": "您的账号无权打开这个页面。",
        "bad_form": "表单已过期或不完整，请返回重新提交。", "server_error": "服务器出了点问题，请稍后再试。",
        "back_home": "返回首页", "signed_in_as": "当前用户",
        "role_admin": "管理员", "role_organiser": "社区组织者", "role_liaison": "联建单位联络员", "role_volunteer": "志愿者",
        "language_switch": "English", "people": "人员", "venue": "地点", "time": "时间",
        "my_hours": "我的服务时长", "hours_total": "累计 {h} 小时", "hours_value": "{h} 小时",
        "no_hours": "签到、签退后，服务时长会记在这里。", "hours_credit": "服务", "hours_reversal": "冲销", "hours_correction": "更正",
        "calendar": "订阅我的日历", "calendar_hint": "把您的安排加到手机日历里，有变动会自动更新。",
        "calendar_get": "获取订阅链接", "calendar_stop": "停止订阅", "calendar_stopped": "日历订阅已停止，原来的链接不再有效。",
        "calendar_made": "这是您的日历订阅链接。之前的链接已失效。", "calendar_subscribe": "在手机日历中订阅",
        "calendar_copy": "如果点了没有反应，请复制下面的地址，在日历应用里选择“添加订阅日历”：",
        "calendar_secret": "这个链接就是钥匙，请不要转发给别人。", "back_to_me": "返回我的安排",
        "mon": "星期一", "tue": "星期二", "wed": "星期三", "thu": "星期四", "fri": "星期五", "sat": "星期六", "sun": "星期日",
    ]

    static let english: [String: String] = [
        "app": "Lianjian", "app_long": "Lianjian · joint-project rosters",
        "sign_in": "Sign in", "sign_out": "Sign out", "login": "Login", "password": "Password",
        "volunteer_sign_in": "Volunteers: sign in with your phone", "staff_sign_in": "Staff: sign in with your account",
        "phone": "Phone number", "send_code": "Send code", "code": "Code", "code_sent": "A code was sent to that phone; it works for 10 minutes.",
        "code_hint": "Nothing came? You can ask again in a minute.",
        "wrong_password": "Wrong login or password.", "locked": "This account is locked after repeated wrong passwords; try again after {until}, or ask an admin.",
        "address_limited": "Too many failed sign-ins from this address; try again in 15 minutes.",
        "wrong_code": "That code is wrong or has expired; ask for a new one.", "unknown_phone": "A code was sent (if that number is a volunteer's).",
        "too_soon": "A code was sent a moment ago; try again in a minute.",
        "week": "This week", "previous_week": "Previous week", "next_week": "Next week", "this_week": "This week",
        "no_events": "No events", "filled": "filled", "required": "needed", "short": "short", "declined": "declined",
        "confirmed": "confirmed", "unanswered": "no answer yet", "pinned": "pinned", "not_published": "no roster published yet",
        "short_total": "{n} places still unfilled this week", "all_filled": "Every place this week is filled", "no_events_week": "No events this week",
        "my_assignments": "My assignments", "no_assignments": "Nothing planned for you. Thank you for helping!",
        "confirm": "Confirm", "decline": "Decline", "decline_reason": "Reason (optional)",
        "answer_saved": "Your answer was recorded.", "declined_gone": "Declined; the organiser will find someone else.",
        "choose_community": "Choose a community", "community": "Community",
        "error_title": "Something went wrong", "not_found": "This page does not exist, or you may not see it.", "forbidden": "Your account may not open this page.",
        "bad_form": "The form expired or was incomplete; go back and send it again.", "server_error": "Something went wrong on our side; try again later.",
        "back_home": "Home", "signed_in_as": "Signed in as",
        "role_admin": "Admin", "role_organiser": "Organiser", "role_liaison": "Partner-unit liaison", "role_volunteer": "Volunteer",
        "language_switch": "中文", "people": "People", "venue": "Venue", "time": "Time",
        "my_hours": "My service hours", "hours_total": "{h} hours in all", "hours_value": "{h} h",
        "no_hours": "Hours are recorded here once you sign in and out at an event.", "hours_credit": "served", "hours_reversal": "reversed", "hours_correction": "corrected",
        "calendar": "Subscribe to my calendar", "calendar_hint": "Put your assignments in your phone's calendar; changes update by themselves.",
        "calendar_get": "Get a subscription link", "calendar_stop": "Stop the subscription", "calendar_stopped": "The calendar subscription was stopped; the old link no longer works.",
        "calendar_made": "This is your calendar link. Any earlier link no longer works.", "calendar_subscribe": "Subscribe in my phone's calendar",
        "calendar_copy": "If nothing happens, copy this address into your calendar app's \"add subscribed calendar\":",
        "calendar_secret": "The link is a key: do not pass it on.", "back_to_me": "Back to my assignments",
        "mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
    ]
}
