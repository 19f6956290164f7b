import PactEngine
import PactModel

/// How `pact validate` and `pact calibrate` print an out-of-sample evaluation: the held-out cases
/// (as a backtest), then the two skill scores against the training cases' base rate, each with
/// its bootstrap interval.
public struct OutOfSampleReport: Sendable {
    public let evaluation: OutOfSampleEvaluation

    public init(evaluation: OutOfSampleEvaluation) { self.evaluation = evaluation }

    public var backtest: BacktestReport { BacktestReport(evaluation.backtest, label: evaluation.design) }

    /// "0.52 (90% interval 0.31 to 0.66)".
    public static func describe(_ s: SkillInterval) -> String {
        "\(Format.fixed(s.point, 3)) (\(Format.percentage(s.coverage, decimals: 0)) interval \(Format.fixed(s.low, 3)) to \(Format.fixed(s.high, 3)))"
    }

    /// The skill lines a reader needs, labelled with the design.
    public var skillLines: [String] {
        let e = evaluation
        let reference = e.referenceScores
        return [
            "\(e.design), \(e.backtest.cases.count) held-out cases: mean RPS \(Format.fixed(e.backtest.summary.model.rps, 4)) against "
                + "\(Format.fixed(reference.rps, 4)) for the training cases' base rate; skill 1 − RPS/RPS_base = \(Self.describe(e.rpsSkill))",
            "\(e.design): Brier of P(unilateral) \(Format.fixed(e.backtest.summary.model.unilateralBrier, 4)) against "
                + "\(Format.fixed(reference.unilateralBrier, 4)) for the base rate; skill \(Self.describe(e.unilateralSkill))",
        ]
    }

    public func renderText(markdown: Bool) -> String {
        var text = backtest.renderText(markdown: markdown)
        let heading = markdown ? "### Skill (\(evaluation.design))" : "Skill (\(evaluation.design); bootstrap over the held-out cases, \(evaluation.rpsSkill.resamples) resamples, seed \(evaluation.rpsSkill.seed))"
        text += "\n\n" + heading + "\n\n" + skillLines.map { (markdown ? "- " : "  ") + $0 }.joined(separator: "\n")
        return text
    }

    public static func json(_ s: SkillInterval) -> OrderedJSON {
        .object([
            "skill": .number(s.point.isFinite ? s.point : nil),
            "low": .number(s.low.isFinite ? s.low : nil),
            "high": .number(s.high.isFinite ? s.high : nil),
            "coverage": .number(s.coverage),
            "resamples": .number(s.resamples),
            "seed": .number(s.seed),
            "cases": .number(s.cases),
        ])
    }

    /// The held-out backtest (SPEC 8's shape) with the design, the reference's scores and both skills.
    public func json() -> OrderedJSON {
        let e = evaluation
        let r = e.referenceScores
        var members: [OrderedJSON.Member] = [
            .init("design", .string(e.design)),
            .init("reference", .object([
                "name": .string("base rate of the training cases"),
                "rps": .number(r.rps), "unilateral_brier": .number(r.unilateralBrier),
            ])),
            .init("rps_skill", Self.json(e.rpsSkill)),
            .init("unilateral_brier_skill", Self.json(e.unilateralSkill)),
        ]
        if !e.trainingIDs.isEmpty { members.append(.init("training", .array(e.trainingIDs.map(OrderedJSON.string)))) }
        return .object([.init("backtest", backtest.json(settings: []))] + members)
    }
}

/// One row per design: mean RPS and the Brier of `unilateral` beside the reference's, with both
/// skills and their intervals; what a reader compares to see how much of the in-sample figure
/// survives on cases the fit never saw.
public struct OutOfSampleComparison: Sendable {
    public let evaluations: [OutOfSampleEvaluation]
    public init(_ evaluations: [OutOfSampleEvaluation]) { self.evaluations = evaluations }

    public func render(markdown: Bool) -> String {
        var table = TextTable(columns: [
            .init("forecasts"), .init("n", .right), .init("modal right", .right), .init("mean RPS", .right),
            .init("base-rate RPS", .right), .init("RPS skill [interval]", .right), .init("Brier unilateral", .right),
            .init("base-rate Brier", .right), .init("unilateral skill [interval]", .right),
        ])
        func interval(_ s: SkillInterval) -> String {
            "\(Format.fixed(s.point, 2)) [\(Format.fixed(s.low, 2)), \(Format.fixed(s.high, 2))]"
        }
        for e in evaluations {
            let m = e.backtest.summary.model, r = e.referenceScores
            table.append([e.design, String(m.n), Format.fixed(m.accuracy, 3), Format.fixed(m.rps, 4), Format.fixed(r.rps, 4),
                          interval(e.rpsSkill), Format.fixed(m.unilateralBrier, 4), Format.fixed(r.unilateralBrier, 4),
                          interval(e.unilateralSkill)])
        }
        let coverage = evaluations.first.map { Format.percentage($0.rpsSkill.coverage, decimals: 0) } ?? "90%"
        return (markdown ? table.renderMarkdown() : table.renderAligned())
            + "\nskill = 1 − score / base-rate score; the base rate is the training cases' (for in-sample and leave-one-out, "
            + "the other cases'); \(coverage) percentile intervals from a bootstrap over the scored cases."
    }
}
