/// The words of the admin's pages: accounts, tokens and the audit log.
extension ConsoleText {
    static let chineseAdmin: [String: String] = [
        "accounts": "账号", "tokens": "接口令牌", "audit": "审计日志",
        "account_login": "登录名", "account_name": "显示名", "role": "角色", "scope": "范围", "state": "状态",
        "everywhere": "全部", "one_volunteer": "一名志愿者本人",
        "account_ok": "正常", "account_disabled": "已停用", "account_locked": "锁定至 {until}",
        "new_account": "新建账号", "create_account": "建立账号", "scope_community": "社区（组织者）", "scope_unit": "联建单位（联络员）",
        "account_created": "账号已建立。", "account_incomplete": "请填写登录名（64 字以内）和显示名（100 字以内）。",
        "scope_needed": "请为组织者选择社区、为联络员选择联建单位，并填写有效期（1–3660 天）。", "login_taken": "这个登录名已被使用。",
        "token_label": "用途", "token_state": "有效期", "no_label": "（未注明）", "token_until": "有效至 {at}", "token_expired": "已过期",
        "token_revoked": "已于 {at} 吊销", "revoke": "吊销", "token_revoked_notice": "令牌已吊销，立即失效。",
        "new_token": "签发令牌", "no_tokens": "还没有签发接口令牌。", "issue_token": "签发", "token_days": "有效天数",
        "token_secret": "新令牌（只显示这一次，请立即复制保存；系统只保存它的哈希）：",
        "audit_hint": "每一次写入数据库的改动：谁、何时、哪张表、改了什么。口令、令牌和签名密钥不记录。",
        "audit_at": "时间", "audit_actor": "操作者", "audit_table": "表", "audit_operation": "操作", "audit_row": "行", "audit_changes": "改动",
        "audit_filter": "筛选", "audit_all": "清除筛选", "audit_older": "更早的记录", "audit_none": "没有符合条件的记录。",
        "op_insert": "新增", "op_update": "修改", "op_delete": "删除", "row_only": "只看这一行",
    ]

    static let englishAdmin: [String: String] = [
        "accounts": "Accounts", "tokens": "API tokens", "audit": "Audit log",
        "account_login": "Login", "account_name": "Name", "role": "Role", "scope": "Scope", "state": "State",
        "everywhere": "everything", "one_volunteer": "one volunteer",
        "account_ok": "active", "account_disabled": "disabled", "account_locked": "locked until {until}",
        "new_account": "New account", "create_account": "Create account", "scope_community": "Community (organisers)", "scope_unit": "Partner unit (liaisons)",
        "account_created": "The account was created.", "account_incomplete": "Give a login (at most 64 characters) and a name (at most 100).",
        "scope_needed": "Choose a community for an organiser, a unit for a liaison, and 1–3660 days.", "login_taken": "That login is taken.",
        "token_label": "Label", "token_state": "Valid", "no_label": "(no label)", "token_until": "until {at}", "token_expired": "expired",
        "token_revoked": "revoked {at}", "revoke": "Revoke", "token_revoked_notice": "The token was revoked and no longer works.",
        "new_token": "Issue a token", "no_tokens": "No API token has been issued.", "issue_token": "Issue", "token_days": "Valid for (days)",
        "token_secret": "The new token (shown this once; copy it now — only its hash is kept):",
        "audit_hint": "Every change written to the database: who, when, which table, what changed. Passwords, tokens and signing keys are left out.",
        "audit_at": "When", "audit_actor": "Who", "audit_table": "Table", "audit_operation": "Change", "audit_row": "Row", "audit_changes": "What changed",
        "audit_filter": "Filter", "audit_all": "Clear", "audit_older": "Older entries", "audit_none": "No entries match.",
        "op_insert": "insert", "op_update": "update", "op_delete": "delete", "row_only": "this row only",
    ]
}
