/// The words of the plans page: each plan's rule and roles, and the new-plan form.
extension ConsoleText {
    static let chinesePlans: [String: String] = [
        "plans": "服务计划", "plans_of": "{community} · 服务计划", "no_plans": "这个项目还没有服务计划。",
        "no_projects_yet": "这个社区还没有联建项目。", "plan_since": "自 {date} 起", "plan_skips_holidays": "法定节假日不安排",
        "role_count": "{skill} {n} 名", "role_per": "{skill} 每 {n} 位居民 1 名", "role_needs": "（{needs}者一对一）",
        "generate_events": "生成活动", "plan_created": "服务计划已建立。",
        "events_generated": "已生成 {n} 场活动；{kept} 场原已存在，未重复生成；{holidays} 场因法定节假日未安排。",
        "new_plan": "新建服务计划", "plan_title": "名称", "plan_venue": "地点", "frequency": "重复",
        "frequency_weekly": "每周", "frequency_monthly": "每月", "frequency_daily": "每天",
        "interval": "间隔（周/月/天）", "weekdays": "星期", "week_of_month": "每月第几个",
        "week_of_month_any": "不限", "week_of_month_1": "第一个", "week_of_month_2": "第二个", "week_of_month_3": "第三个",
        "week_of_month_4": "第四个", "week_of_month_5": "第五个", "week_of_month_-1": "最后一个",
        "start_date": "开始日期", "start_time": "开始时间", "end_time": "结束时间", "until": "结束日期（可不填）",
        "role_skill": "需要的志愿者", "role_number": "人数", "skip_holidays": "法定节假日不安排", "create_plan": "建立计划",
        "plan_field_title": "名称", "plan_field_start_date": "开始日期", "plan_field_start_time": "开始时间", "plan_field_end_time": "结束时间",
        "plan_field_weekdays": "星期", "plan_field_count": "人数", "plan_field_until": "结束日期", "plan_field_frequency": "重复",
        "plan_field_interval": "间隔", "plan_field_week_of_month": "每月第几个", "plan_field_duration_minutes": "时长",
        "plan_field_venue": "地点", "plan_field_skill": "需要的志愿者",
        "need_mobility_aid": "助行器", "need_wheelchair": "轮椅", "need_hearing": "听力不便", "need_vision": "视力不便",
        "need_living_alone": "独居", "need_dementia": "认知障碍",
    ]

    static let englishPlans: [String: String] = [
        "plans": "Service plans", "plans_of": "{community} · service plans", "no_plans": "This project has no service plan yet.",
        "no_projects_yet": "This community has no joint project yet.", "plan_since": "from {date}", "plan_skips_holidays": "not on public holidays",
        "role_count": "{skill} × {n}", "role_per": "{skill}: 1 per {n} residents", "role_needs": " (one-to-one with {needs})",
        "generate_events": "Generate events", "plan_created": "The service plan was created.",
        "events_generated": "{n} events generated; {kept} existed already and were kept; {holidays} fell on public holidays.",
        "new_plan": "New service plan", "plan_title": "Title", "plan_venue": "Venue", "frequency": "Repeats",
        "frequency_weekly": "weekly", "frequency_monthly": "monthly", "frequency_daily": "daily",
        "interval": "Every (weeks/months/days)", "weekdays": "Days", "week_of_month": "Which in the month",
        "week_of_month_any": "any", "week_of_month_1": "1st", "week_of_month_2": "2nd", "week_of_month_3": "3rd",
        "week_of_month_4": "4th", "week_of_month_5": "5th", "week_of_month_-1": "last",
        "start_date": "Starts on", "start_time": "Starts at", "end_time": "Ends at", "until": "Ends on (optional)",
        "role_skill": "Volunteers needed", "role_number": "How many", "skip_holidays": "Not on public holidays", "create_plan": "Create plan",
        "plan_field_title": "Title", "plan_field_start_date": "Starts on", "plan_field_start_time": "Starts at", "plan_field_end_time": "Ends at",
        "plan_field_weekdays": "Days", "plan_field_count": "How many", "plan_field_until": "Ends on", "plan_field_frequency": "Repeats",
        "plan_field_interval": "Every", "plan_field_week_of_month": "Which one in the month", "plan_field_duration_minutes": "Duration",
        "plan_field_venue": "Venue", "plan_field_skill": "Volunteers needed",
        "need_mobility_aid": "a walking aid", "need_wheelchair": "a wheelchair", "need_hearing": "poor hearing", "need_vision": "poor sight",
        "need_living_alone": "living alone", "need_dementia": "dementia",
    ]
}
