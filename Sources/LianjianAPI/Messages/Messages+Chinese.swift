extension Messages {
    /// English message or template → Chinese (zh-CN): the service's own messages and the domain's rules.
    static let chinese: [String: String] = chineseService.merging(chineseRules) { a, _ in a }

    static let chineseService: [String: String] = [
        // Things that can be missing (`{} not found`) and other nouns used inside messages.
        "assignment": "排班安排", "booking": "预订", "calendar": "日历", "calendar key": "日历订阅密钥",
        "community": "社区", "event": "活动", "facility": "场地", "joint project": "联建项目",
        "participant": "参加者", "partner unit": "联建单位", "roster": "排班表", "service plan": "服务计划",
        "token": "令牌", "volunteer": "志愿者", "unit": "单位", "value": "该值", "reference": "引用的对象",
        "download link": "下载链接", "job": "任务", "resident": "居民", "nightly run": "夜间任务的运行记录",
        "{} not found": "未找到该{1}",

        // Access and limits.
        "a bearer token is required": "需要令牌（Bearer token）",
        "send Authorization: Bearer <token>": "请在请求头中发送 Authorization: Bearer <令牌>",
        "the token is unknown, expired or revoked": "令牌无效、已过期或已被吊销",
        "this token may not do that": "该令牌无权执行此操作",
        "this token may not list these": "该令牌无权查看此列表",
        "this token may only list its own {}": "该令牌只能查看本{1}的数据",
        "this token may only write within its own unit": "该令牌只能修改本单位的数据",
        "this token may only write within its own community": "该令牌只能修改本社区的数据",
        "too many requests for this token; slow down": "该令牌请求过于频繁，请稍后再试",
        "the download link is not valid for this address": "该下载链接对此地址无效",
        "the download link has expired; make a new one": "下载链接已过期，请重新生成",
        "the token behind this download link is expired or revoked": "生成该下载链接的令牌已过期或已被吊销",
        "must be the address of an event sheet, a facility timetable or a roster CSV": "须为活动签到表、场地时间表或排班表 CSV 的地址",
        "is already a download link; ask with the address alone": "已经是下载链接；请只提交地址本身",
        "the download key is missing": "缺少下载链接的签名密钥",
        "a liaison books only for their own unit's visitors": "联络员只能为本单位的来访者预订",
        "a volunteer cannot change their own unit or community": "志愿者不能自行更改所属单位或社区",
        "ask your unit or an organiser to change whether you are active": "是否在岗需由所属单位或组织者修改",
        "only an admin may move a volunteer to another unit": "只有管理员可以把志愿者调到其他单位",
        "skills are recorded by the volunteer's unit or an organiser": "技能由志愿者所属单位或组织者登记",
        "the weekly cap is set by the volunteer's unit or an organiser": "每周服务上限由志愿者所属单位或组织者设定",

        // Requests and bodies.
        "the body is larger than {} bytes": "请求内容超过 {1} 字节",
        "the body cannot be read": "无法读取请求内容",
        "the body is not valid JSON": "请求内容不是有效的 JSON",
        "JSON may nest at most {} levels of arrays and objects": "JSON 的数组和对象最多嵌套 {1} 层",
        "a required field is missing": "缺少必填字段",
        "a required parameter is missing": "缺少必填参数",
        "has the wrong type; expected {}": "类型不正确，应为 {1}",
        "must not be null; expected {}": "不能为 null，应为 {1}",
        "must not contain a NUL character": "不能包含 NUL 字符",
        "must be a whole number between -9223372036854775808 and 9223372036854775807 (got {})": "须为 -9223372036854775808 到 9223372036854775807 之间的整数（收到 {1}）",
        "contains a character that cannot be printed": "含有无法显示的字符",
        "contains a character that cannot be printed ({})": "含有无法显示的字符（{1}）",
        "is not a parameter of this endpoint": "不是此接口的参数",
        "is not a filter of this list; use {}": "不是此列表的筛选条件；可用：{1}",
        "is not a cursor from a previous page": "不是上一页返回的游标",
        "must be an integer from 1 to 500": "须为 1 到 500 之间的整数",
        "must be a community id": "须为社区 ID", "must be a partner unit id": "须为联建单位 ID",
        "must be an entry id": "须为记录 ID",

        // Idempotency.
        "must be 1–200 printable characters": "须为 1–200 个可显示字符",
        "this Idempotency-Key was used with a different body": "该 Idempotency-Key 已用于内容不同的请求",
        "a request with this Idempotency-Key is still running; retry later": "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试",
        "the first request with this Idempotency-Key was done, but its answer was lost; look the result up": "使用该 Idempotency-Key 的首个请求已完成，但结果未能送达；请查询结果",
        "a newer request with this Idempotency-Key took it over; this one was not done": "使用该 Idempotency-Key 的较新请求已接手，本请求未执行",

        // The database and the service.
        "{} is already taken": "{1} 已被占用",
        "{} does not exist": "{1} 不存在",
        "{} is not allowed": "{1} 不符合规则",
        "{} is out of range": "{1} 超出允许范围",
        "overlaps an existing booking": "与已有预订时间重叠",
        "a concurrent change collided; retry": "与同时进行的修改冲突，请重试",
        "the database did not answer in time": "数据库未能及时响应",
        "the database did not answer in time; nothing was changed": "数据库未能及时响应，未做任何修改",
        "the database did not confirm in time; retry with the same Idempotency-Key to learn the outcome": "数据库未能及时确认；请用同一个 Idempotency-Key 重试以获知结果",
        "the database did not confirm the change in time; it may or may not have been made": "数据库未能及时确认修改，修改可能已完成也可能未完成",
        "the database is unavailable": "数据库暂时不可用",
        "the service is unavailable; try again": "服务暂时不可用，请重试",
        "the service is being upgraded; try again": "服务正在升级，请稍后重试",
        "something went wrong on our side": "服务器内部出错",
        "the solver is busy with other rosters; try again in a minute": "排班计算繁忙，请一分钟后再试",

        // Background jobs and rosters.
        "another worker took this job over": "该任务已由另一个后台进程接手",
        "the draft was not stored": "排班草稿未能保存",
        "the job failed unexpectedly; see the server's log": "任务意外失败，详情见服务器日志",
        "the job's payload cannot be read": "无法读取该任务的内容",
        "the worker running this job stopped before finishing it, on every attempt": "执行该任务的后台进程每次都在完成前停止了",
        "is not a parameter of this endpoint; use from, to": "不是此接口的参数；可用：from、to",
        "is not a parameter of this endpoint; use {}": "不是此接口的参数；可用：{1}",
        "must be pending, sending, sent or dead": "须为 pending、sending、sent 或 dead",
        "the run failed; an administrator can read why in the log": "本次运行失败；原因请管理员查看日志",
        "must be draft, published or superseded": "必须是 draft、published 或 superseded 之一",
        "the published roster of 「{}」 was edited by hand at {}": "已发布的「{1}」排班已于 {2} 被手工修改",
    ]
}
