import Foundation
import PactModel
import PactReport

/// Reads a stored forecast (the JSON of `CrisisForecast.orderedJSON`) back into the model value,
/// so run pages draw their charts from what was stored instead of running the scenario again.
enum ForecastJSON {
    /// The stored forecast, or nil when the text is not one (a failed or foreign result).
    static func decode(_ text: String) -> CrisisForecast? {
        try? JSONDecoder().decode(CrisisForecast.self, from: Data(text.utf8))
    }

    /// A number from `JSONSerialization`'s output (request bodies), or nil when `value` is none.
    static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: n.doubleValue
        case let d as Double: d
        case let i as Int: Double(i)
        default: nil
        }
    }
}
