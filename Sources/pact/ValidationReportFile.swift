import Foundation
import PactEngine
import PactModel
import PactReport

extension BacktestReport {
    /// The backtest as an HTML report: PactReport's `ValidationReport` fed from the engine's scores.
    /// - Parameter parameters: the parameter set every case used; nil when each case had its own
    ///   (leave-one-out fits), so no single table applies.
    func validationReport(subtitle: String, parameters: ParameterSet?, command: String) -> ValidationReport {
        ValidationReport(
            title: "Backtest of the crisis model on \(backtest.cases.count) historical case\(backtest.cases.count == 1 ? "" : "s")",
            subtitle: subtitle,
            findings: targetLines,
            summary: summaryTable,
            cases: backtest.cases.map { CasePrediction(id: $0.id, levels: $0.levels, actual: $0.actual.rawValue) },
            caseTable: caseTable,
            reliability: backtest.reliability().map {
                ReliabilityPoint(lower: $0.lower, upper: $0.upper, count: $0.count, meanPredicted: $0.meanPredicted,
                                 observedFrequency: $0.observedFrequency)
            },
            reliabilityEvent: "level 3 (mission) or higher",
            parameters: parameters.map { set in
                set.parameters.map { p in
                    (p.name, p.isFixed ? Self.figure(p.defaultValue)
                        : "\(Self.figure(p.defaultValue)) (\(Self.figure(p.low))-\(Self.figure(p.high)))")
                }
            } ?? [],
            command: command)
    }

    private static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : PactReport.Format.fixed(value, 3)
    }
}

/// The command line that reproduces a run: the arguments as given, less those that cannot change a
/// figure (`--threads`), each quoted for a POSIX shell.
enum ReproducingCommand {
    static func current(dropping options: Set<String> = ["--threads"]) -> String {
        var words = ["pact"]
        var arguments = Array(CommandLine.arguments.dropFirst())
        while !arguments.isEmpty {
            let word = arguments.removeFirst()
            if options.contains(word) {
                if !arguments.isEmpty { arguments.removeFirst() }
                continue
            }
            if let equals = word.firstIndex(of: "="), options.contains(String(word[..<equals])) { continue }
            words.append(word)
        }
        return words.map(ShellQuote.quote).joined(separator: " ")
    }
}

extension BacktestReport {
    /// The reliability diagram of P(level >= 3), the chart of the HTML report, as a standalone SVG.
    func reliabilityChart() -> Chart {
        ReliabilityChart(bins: backtest.reliability().map {
            ReliabilityPoint(lower: $0.lower, upper: $0.upper, count: $0.count, meanPredicted: $0.meanPredicted,
                             observedFrequency: $0.observedFrequency)
        }, event: "level 3 (mission) or higher", title: "Reliability (\(label))").render()
    }
}
