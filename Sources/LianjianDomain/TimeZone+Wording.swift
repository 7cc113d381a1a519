import Foundation

extension TimeZone {
    /// The names China's time goes by in the time-zone database.
    static let chinaStandardTime: Set<String> = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"]

    /// How a printout names its local times, as people in the community say it: `北京时间` for
    /// China's time zone, otherwise `当地时间（UTC+09:00）` with the offset in force at `date`,
    /// never a zone id such as `Asia/Shanghai`.
    public func localTimeWording(at date: Date) -> String {
        if Self.chinaStandardTime.contains(identifier) { return "北京时间" }
        return "当地时间（\(utcOffset(at: date))）"
    }

    /// `UTC+08:00`, `UTC−03:30`, `UTC` at `date`.
    public func utcOffset(at date: Date) -> String {
        let seconds = secondsFromGMT(for: date)
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        return String(format: "UTC%@%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }
}
