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
