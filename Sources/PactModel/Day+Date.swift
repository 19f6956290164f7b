import Foundation

extension Day {
    /// The calendar day `date` falls on in UTC: the default "as of" day of `pact data` and the
    /// server's data browser. The front ends read the clock (`Day(utc: Date())`) so that the
    /// libraries stay clock-free.
    public init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
