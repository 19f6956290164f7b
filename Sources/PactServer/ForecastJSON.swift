import Foundation
import PactModel

/// Reads a stored forecast (the JSON of `CrisisForecast.orderedJSON`) back into the model value,
/// so run pages draw their charts from what was stored instead of running the scenario again.
enum ForecastJSON {
    static func decode(_ text: String) -> CrisisForecast? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return decode(object)
    }

    static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: n.doubleValue
        case let d as Double: d
        case let i as Int: Double(i)
        default: nil
        }
    }

    static func summary(_ value: Any?) -> CrisisForecast.Summary? {
        guard let o = value as? [String: Any], let mean = number(o["mean"]), let p10 = number(o["p10"]),
              let p90 = number(o["p90"]) else { return nil }
        return .init(mean: mean, p10: p10, p90: p90)
    }

    static func decode(_ o: [String: Any]) -> CrisisForecast? {
        guard let scenario = o["scenario"] as? String, let draws = number(o["draws"]), let seed = number(o["seed"]),
              let levels = (o["levels"] as? [Any])?.compactMap(number), levels.count == 6,
              let modal = number(o["modal"]), let unilateral = number(o["unilateral"]),
              let memberList = o["members"] as? [[String: Any]], let driverList = o["drivers"] as? [[String: Any]],
              let t = o["trigger"] as? [String: Any], let expected = number(o["expected_level"]) else { return nil }
        let members = memberList.compactMap { m -> MemberForecast? in
            guard let id = m["id"] as? String, let position = number(m["position"]), let salience = number(m["salience"]),
                  let stance = (m["stance"] as? String).flatMap(Stance.init(rawValue:)),
                  let s = m["stances"] as? [String: Any], let contribution = number(m["contribution"]),
                  let role = m["role"] as? String, let weight = number(m["weight"]) else { return nil }
            return MemberForecast(id: ActorID(id), position: position, salience: salience, stance: stance,
                                  stances: .init(support: number(s["support"]) ?? 0, abstain: number(s["abstain"]) ?? 0,
                                                 block: number(s["block"]) ?? 0),
                                  contribution: contribution, role: role, weight: weight)
        }
        let drivers = driverList.compactMap { d -> Driver? in
            guard let term = d["term"] as? String, let effect = number(d["effect"]) else { return nil }
            return Driver(term: term, effect: effect)
        }
        let trigger = TriggerExplanation(cap: Int(number(t["cap"]) ?? 0), coverage: t["coverage"] as? String ?? "",
                                         strength: number(t["strength"]) ?? 0, reasons: t["reasons"] as? [String] ?? [])
        return CrisisForecast(scenario: scenario, draws: Int(draws), seed: UInt64(seed), levels: levels, modal: Int(modal),
                              unilateral: unilateral, force: summary(o["force"]),
                              daysToFirstArrival: summary(o["days_to_first_arrival"]), members: members,
                              drivers: drivers, trigger: trigger, expectedLevel: expected,
                              requesterSatisfaction: number(o["requester_satisfaction"]))
    }
}
