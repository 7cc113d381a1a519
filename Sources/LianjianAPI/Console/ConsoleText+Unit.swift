/// The words of a partner unit's page: projects, volunteers and the CSV import.
extension ConsoleText {
    static let chineseUnit: [String: String] = [
        "my_unit": "本单位", "projects": "联建项目", "volunteers": "志愿者", "volunteer_count": "共 {n} 名志愿者",
        "signed_on": "签约于", "project_active": "进行中", "project_paused": "暂停", "project_ended": "已结束",
        "skills": "技能", "inactive": "暂停服务",
        "import_title": "导入志愿者名单（CSV）",
        "import_hint": "第一行为表头：姓名、手机号、社区为必填，技能、每周最多分钟、每周可服务时间可选。可用 Excel 或 WPS 另存为 CSV（UTF-8）。有任何一行不对时，整份文件都不会导入。",
        "csv_file": "CSV 文件", "import": "导入",
        "imported": "已导入 {n} 名志愿者。",
        "import_refused": "文件中有 {n} 处问题，没有导入任何一行。请改正后重新上传。",
        "bad_rows": "有问题的行", "row": "行", "column": "列", "reason": "原因",
        "column_name": "姓名", "column_phone": "手机号", "column_community": "社区", "column_skills": "技能",
        "column_max_minutes_per_week": "每周最多分钟", "column_availability": "每周可服务时间", "column_file": "文件",
    ]

    static let englishUnit: [String: String] = [
        "my_unit": "My unit", "projects": "Joint projects", "volunteers": "Volunteers", "volunteer_count": "{n} volunteers",
        "signed_on": "signed on", "project_active": "active", "project_paused": "paused", "project_ended": "ended",
        "skills": "Skills", "inactive": "not serving",
        "import_title": "Import volunteers (CSV)",
        "import_hint": "The first row names the columns: name, phone and community are required; skills, max_minutes_per_week and availability are optional. Save from Excel or WPS as CSV (UTF-8). If any row is wrong, nothing is imported.",
        "csv_file": "CSV file", "import": "Import",
        "imported": "{n} volunteers imported.",
        "import_refused": "The file has {n} problems; no row was imported. Correct them and upload it again.",
        "bad_rows": "Rows with problems", "row": "Row", "column": "Column", "reason": "Reason",
        "column_name": "name", "column_phone": "phone", "column_community": "community", "column_skills": "skills",
        "column_max_minutes_per_week": "max_minutes_per_week", "column_availability": "availability", "column_file": "file",
    ]
}
