import PactEngine
import PactModel

/// A backtest as users get it: the per-case table, the summary beside the baselines, and the
/// reliability view, as aligned text or Markdown; or the validate JSON document. `pact validate`,
/// `pact calibrate` and the server's `/api/validate` all write it through here.
public struct BacktestReport: Sendable {
    public let backtest: Backtest
    /// What the forecasts are: "in-sample" or "leave-one-out", printed with the summary.
    public let label: String

    public init(_ forecasts: [CaseForecast], label: String) {
        backtest = Backtest(forecasts)
        self.label = label
    }

    public init(_ backtest: Backtest, label: String) {
        self.backtest = backtest
        self.label = label
    }

    /// Every case: the predicted distribution, modal and actual level, RPS, and P(unilateral)
    /// against what happened.
    public var caseTable: TextTable {
        var columns: [TextTable.Column] = [.init("case")]
        for level in 0...5 { columns.append(.init("P\(level)", .right)) }
        columns += [.init("modal", .right), .init("actual", .right), .init("RPS", .right),
                    .init("P(unilateral)", .right), .init("unilateral", .right)]
        var table = TextTable(columns: columns)
        for score in backtest.cases {
            var row = [score.id]
            row += score.levels.map { Format.probability($0) }
            row += [String(score.modal.rawValue), String(score.actual.rawValue) + (score.isHit ? "" : " *"),
                    Format.fixed(score.rps, 4), Format.probability(score.unilateral), score.actualUnilateral ? "yes" : "no"]
            table.append(row)
        }
        return table
    }

    /// The model's mean scores beside the two baselines'.
    public var summaryTable: TextTable {
        var table = TextTable(columns: [.init("forecaster"), .init("n", .right), .init("modal right", .right),
                                        .init("within one", .right), .init("mean RPS", .right),
                                        .init("Brier", .right), .init("Brier unilateral", .right)])
        let s = backtest.summary
        for (name, scores) in [("Pact (\(label))", s.model), ("base rate (leave-one-out)", s.baseRate),
                               ("always none", s.alwaysNone)] {
            table.append([name, String(scores.n), Format.fixed(scores.accuracy, 3), Format.fixed(scores.withinOne, 3),
                          Format.fixed(scores.rps, 4), Format.fixed(scores.brier, 4), Format.fixed(scores.unilateralBrier, 4)])
        }
        return table
    }

    /// P(level >= 3) in five bins against how often level 3 or more happened.
    public var reliabilityTable: TextTable {
        var table = TextTable(columns: [.init("P(level >= 3)"), .init("cases", .right), .init("mean predicted", .right),
                                        .init("observed", .right)])
        for bin in backtest.reliability() {
            table.append(["[\(Format.fixed(bin.lower, 1)), \(Format.fixed(bin.upper, 1))\(bin.upper == 1 ? "]" : ")")",
                          String(bin.count), bin.meanPredicted.map { Format.probability($0) } ?? "-",
                          bin.observedFrequency.map { Format.probability($0) } ?? "-"])
        }
        return table
    }

    /// The accuracy targets, each with the figure reached.
    public var targetLines: [String] {
        let s = backtest.summary
        let skill = s.rpsSkillOverBaseRate
        let fives = backtest.cases.filter { $0.actual == .deployment }
        let belowFour = backtest.cases.filter { $0.actual < .aid }
        let worstFive = fives.map { $0.levels[5] }.min()
        let worstBelow = belowFour.map { $0.levels[5] }.max()
        func mark(_ ok: Bool) -> String { ok ? "met" : "not met" }
        var lines = [
            "mean RPS \(Format.percentage(skill, decimals: 0)) below the base rate (target 40%): \(mark(skill >= 0.4))",
            "modal right \(Format.percentage(s.model.accuracy, decimals: 0)) (target 75%): \(mark(s.model.accuracy >= 0.75))",
            "within one \(Format.percentage(s.model.withinOne, decimals: 0)) (target 90%): \(mark(s.model.withinOne >= 0.9))",
        ]
        if let worstFive {
            lines.append("lowest P(5) among \(fives.count) level-5 case(s) \(Format.probability(worstFive)) (target > 0.5): \(mark(worstFive > 0.5))")
        }
        if let worstBelow {
            lines.append("highest P(5) among \(belowFour.count) cases below level 4 \(Format.probability(worstBelow)) (target < 0.15): \(mark(worstBelow < 0.15))")
        }
        return lines
    }

    public func renderText(markdown: Bool) -> String {
        func render(_ table: TextTable) -> String { markdown ? table.renderMarkdown() : table.renderAligned() }
        func heading(_ text: String) -> String { markdown ? "### \(text)" : text }
        var blocks = [
            heading("Cases (\(label); * marks a wrong modal level)") + "\n\n" + render(caseTable),
            heading("Summary (\(label))") + "\n\n" + render(summaryTable),
            heading("Reliability of P(level >= 3) (\(label))") + "\n\n" + render(reliabilityTable),
        ]
        let targets = targetLines.map { (markdown ? "- " : "  ") + $0 }.joined(separator: "\n")
        blocks.append(heading("Accuracy targets") + "\n\n" + targets)
        return blocks.joined(separator: "\n\n")
    }

    /// The validate document (`pact schema --output validate`): `cases` with id, actual, levels,
    /// modal, rps and the rest, `summary` with n, accuracy, within_one, rps, brier and
    /// `baselines`, the reliability bins, then `settings`: how the forecasts were made.
    public func json(settings: [OrderedJSON.Member]) -> OrderedJSON {
        let cases = backtest.cases.map { c -> OrderedJSON in
            .object([
                "id": .string(c.id),
                "actual": .number(c.actual.rawValue),
                "levels": .array(c.levels.map(OrderedJSON.number)),
                "modal": .number(c.modal.rawValue),
                "rps": .number(c.rps),
                "brier": .number(c.brier),
                "unilateral": .number(c.unilateral),
                "actual_unilateral": .bool(c.actualUnilateral),
                "unilateral_brier": .number(c.unilateralBrier),
            ])
        }
        func scores(_ s: ForecasterScores) -> [OrderedJSON.Member] {
            [.init("n", .number(s.n)), .init("accuracy", .number(s.accuracy)), .init("within_one", .number(s.withinOne)),
             .init("rps", .number(s.rps)), .init("brier", .number(s.brier)),
             .init("unilateral_brier", .number(s.unilateralBrier))]
        }
        let s = backtest.summary
        let summary = OrderedJSON.object(scores(s.model) + [
            .init("baselines", .object([
                "base_rate": .object(scores(s.baseRate)),
                "always_none": .object(scores(s.alwaysNone)),
            ])),
            .init("rps_skill_over_base_rate", .number(s.rpsSkillOverBaseRate)),
        ])
        let reliability = backtest.reliability().map { bin -> OrderedJSON in
            .object([
                "lower": .number(bin.lower),
                "upper": .number(bin.upper),
                "count": .number(bin.count),
                "mean_predicted": .number(bin.meanPredicted),
                "observed_frequency": .number(bin.observedFrequency),
            ])
        }
        return .object([
            .init("cases", .array(cases)),
            .init("summary", summary),
            .init("reliability", .object([
                "event": .string("level >= 3"),
                "bins": .array(reliability),
            ])),
        ] + settings)
    }
}
