/// The words of the car park's pages: the day's timetable, its bookings and the booking form,
/// with the pool check's refusals (the API's 409 codes) said in full.
extension ConsoleText {
    static let chineseFacilities: [String: String] = [
        "facilities": "共享场地", "no_facilities": "这个社区还没有登记共享场地。", "bays_total": "{n} 个车位", "places_total": "{n} 个位置",
        "previous_day": "前一天", "next_day": "后一天", "timetable": "当天排布", "day_bookings": "当天预约",
        "no_bookings": "这一天没有预约。", "booked": "已预约，车位已排好。",
        "class_residents": "居民", "class_unit": "联建单位", "class_events": "活动", "class_public": "公众",
        "bay_count": "{n} 个车位", "booking_count": "{n} 个预约", "booking_time": "时间", "booking_class": "使用者", "booking_holder": "预约人", "booking_bays": "车位",
        "new_booking": "预约车位", "user_class": "使用者", "unit_for": "联建单位（使用者为联建单位时）", "no_unit": "（不选）",
        "holder": "预约人或活动名称（不要填电话）", "bays_wanted": "车位数", "booking_date": "日期", "booking_start": "开始", "booking_end": "结束",
        "end_next_day": "结束时间早于开始时间时，算作第二天早上。", "repeat_on": "每周重复（可不选）", "repeat_until": "重复到",
        "book": "预约",
        "booking_occurrence": "第 {n} 次：",
        "refused_outside_window": "{at} 不在这类使用者的共享时段内，这时没有向他们开放的车位。",
        "refused_cap_reached": "{at} 这类使用者可用的车位已经用满（达到共享时段规定的上限）。",
        "refused_no_bay_free": "{at} 所有车位都已被占用，没有空位。",
        "refused_guarantee": "{at} 再占车位会挤占为其他使用者保留的车位。",
        "booking_field_user_class": "使用者", "booking_field_unit_id": "联建单位", "booking_field_holder": "预约人",
        "booking_field_bays": "车位数", "booking_field_date": "日期", "booking_field_start": "开始", "booking_field_end": "结束",
        "booking_field_repeat_until": "重复到", "booking_field_repeat_weekdays": "每周重复",
    ]

    static let englishFacilities: [String: String] = [
        "facilities": "Shared facilities", "no_facilities": "This community has no shared facility yet.", "bays_total": "{n} bays", "places_total": "{n} places",
        "previous_day": "Previous day", "next_day": "Next day", "timetable": "The day's layout", "day_bookings": "Bookings this day",
        "no_bookings": "No bookings this day.", "booked": "Booked; bays assigned.",
        "class_residents": "residents", "class_unit": "partner unit", "class_events": "event", "class_public": "public",
        "bay_count": "{n} bays", "booking_count": "{n} bookings", "booking_time": "Time", "booking_class": "For", "booking_holder": "Holder", "booking_bays": "Bays",
        "new_booking": "Book bays", "user_class": "For", "unit_for": "Partner unit (for a unit's visitors)", "no_unit": "(none)",
        "holder": "Holder or event (no phone numbers)", "bays_wanted": "Bays", "booking_date": "Date", "booking_start": "From", "booking_end": "To",
        "end_next_day": "An end before the start is the next morning.", "repeat_on": "Repeat weekly on (optional)", "repeat_until": "Repeat until",
        "book": "Book",
        "booking_occurrence": "Occurrence {n}: ",
        "refused_outside_window": "At {at} no sharing window is open to this class.",
        "refused_cap_reached": "At {at} this class has used every bay its sharing window allows.",
        "refused_no_bay_free": "At {at} every bay is taken.",
        "refused_guarantee": "At {at} another bay would eat into the bays kept for another class.",
        "booking_field_user_class": "For", "booking_field_unit_id": "Partner unit", "booking_field_holder": "Holder",
        "booking_field_bays": "Bays", "booking_field_date": "Date", "booking_field_start": "From", "booking_field_end": "To",
        "booking_field_repeat_until": "Repeat until", "booking_field_repeat_weekdays": "Repeat on",
    ]
}
