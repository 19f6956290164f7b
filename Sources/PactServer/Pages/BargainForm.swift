import Foundation
import PactData
import PactEngine
import PactModel

/// The bargaining page's form as posted: the stakeholder table (actor, capability, position,
/// salience per row), the round count, the variant and the stop rule.
///
/// It accepts what `pact bargain` accepts: a blank capability is filled with the dataset's
/// capability index on the date (times 100), as for an issue scenario's stakeholder
/// without one. Every problem names its row and column, so the page can mark the cell.
struct BargainForm: Sendable {
    static let columns = ["actor", "capability", "position", "salience"]
    /// The most rows the page posts; more are ignored.
    static let maxRows = 50

    struct Row: Sendable {
        /// 1-based, as the table shows it.
        var number: Int
        var cells: [String: String]
        subscript(_ column: String) -> String { cells[column] ?? "" }
    }

    var rows: [Row]
    var rounds: String
    var variant: String
    var stopWhenSettled: Bool
    var scenarioID: String?

    init(fields: [String: String]) {
        rows = (0..<Self.maxRows).compactMap { index in
            let cells = Dictionary(uniqueKeysWithValues: Self.columns.map { column in
                (column, (fields["\(column)\(index)"] ?? "").trimmingCharacters(in: .whitespaces))
            })
            return cells.values.allSatisfy(\.isEmpty) ? nil : Row(number: index + 1, cells: cells)
        }
        rounds = (fields["rounds"] ?? "").trimmingCharacters(in: .whitespaces)
        variant = fields["variant"] ?? ""
        stopWhenSettled = fields["settle"] != nil
        scenarioID = fields["scenario"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What the table reads as, with every row's problems; `filled` holds the rows whose
    /// capability came from the dataset.
    struct Reading: Sendable {
        var actors: [BargainingActor] = []
        var filled: Set<Int> = []
        var problems: [InputError] = []
    }

    /// The table's actors. `capabilityIndex` is the dataset's index on the date, used
    /// for blank capabilities; `date` names that day in the message when an actor has none.
    func read(capabilityIndex: [ActorID: Double], date: Day) -> Reading {
        var reading = Reading()
        func problem(_ row: Row, _ column: String, _ message: String, allowed: [String]? = nil) {
            reading.problems.append(InputError(file: "", line: nil, field: "row \(row.number) \(column)",
                                               found: row[column], message: message, allowed: allowed))
        }
        func number(_ row: Row, _ column: String, _ range: ClosedRange<Double>?) -> Double? {
            let text = row[column]
            guard !text.isEmpty else {
                problem(row, column, "is blank; give a number")
                return nil
            }
            guard let value = Double(text), value.isFinite else {
                problem(row, column, "'\(text)' is not a number")
                return nil
            }
            if let range, !range.contains(value) {
                problem(row, column, "is \(text); it must be between \(PlainNumber.text(range.lowerBound)) and \(PlainNumber.text(range.upperBound))")
                return nil
            }
            return value
        }
        for row in rows {
            let actor = row["actor"]
            if actor.isEmpty { problem(row, "actor", "is blank; name the actor (a dataset id such as RUS fills a blank capability)") }
            var capability: Double?
            if row["capability"].isEmpty, !actor.isEmpty {
                if let index = capabilityIndex[ActorID(actor)] {
                    capability = index * BargainingActor.capabilityIndexScale
                    reading.filled.insert(row.number)
                } else {
                    problem(row, "capability", "is blank and the dataset has no capability index for '\(actor)' on \(date); "
                        + "give a number, or use an actor id the dataset has attributes for",
                        allowed: capabilityIndex.keys.map(\.rawValue).sorted())
                }
            } else if !row["capability"].isEmpty {
                capability = number(row, "capability", 0...Double.greatestFiniteMagnitude)
            }
            let position = number(row, "position", nil)
            let salience = number(row, "salience", 0...1)
            if let capability, let position, let salience, !actor.isEmpty {
                reading.actors.append(BargainingActor(name: actor, capability: capability, position: position, salience: salience))
            }
        }
        return reading
    }

}
