import PactEngine
import PactModel

/// A calibration as users get it (`pact calibrate`): the fitted weights beside their priors, the
/// spread of bootstrap fits, the fit's terms in a line, and the calibrate JSON document.
public struct CalibrationReport: Sendable {
    /// The fit on every case.
    public let full: CalibrationFit
    public let problem: CalibrationProblem
    /// The leave-one-out fits, when they were made.
    public let folds: [(heldOut: BacktestCase, fit: CalibrationFit)]

    public init(full: CalibrationFit, problem: CalibrationProblem, folds: [(heldOut: BacktestCase, fit: CalibrationFit)]) {
        self.full = full
        self.problem = problem
        self.folds = folds
    }

    /// Prior, range and fitted value of each free weight; with folds, the range of the values
    /// the leave-one-out fits chose (how much one case moves the fit).
    public var parameterTable: TextTable {
        let folds = self.folds.map(\.fit)
        var columns: [TextTable.Column] = [.init("parameter"), .init("prior", .right), .init("low", .right),
                                           .init("high", .right), .init("fitted", .right)]
        if !folds.isEmpty { columns += [.init("LOO min", .right), .init("LOO max", .right)] }
        var table = TextTable(columns: columns)
        for (i, p) in problem.free.enumerated() {
            var row = [p.name, Self.number(p.prior), Self.number(p.low), Self.number(p.high), Self.number(full.values[i])]
            if !folds.isEmpty {
                let values = folds.map { $0.values[i] }
                row += [Self.number(values.min()!), Self.number(values.max()!)]
            }
            table.append(row)
        }
        return table
    }

    /// Each free weight's 5th, 50th and 95th percentile over the bootstrap fits.
    public func spreadTable(_ spread: ParameterSpread) -> TextTable {
        var table = TextTable(columns: [.init("parameter"), .init("prior", .right), .init("5%", .right), .init("median", .right),
                                        .init("95%", .right)])
        for p in problem.free {
            let values = spread.fits.compactMap { $0[p.name] }.sorted()
            table.append([p.name, Self.number(p.prior), Self.number(SkillBootstrap.quantile(values, 0.05)),
                          Self.number(SkillBootstrap.quantile(values, 0.5)), Self.number(SkillBootstrap.quantile(values, 0.95))])
        }
        return table
    }

    public func fitLine(cases: Int) -> String {
        let p = problem
        func terms(_ t: ObjectiveTerms) -> String {
            var parts = ["mean RPS \(Format.fixed(t.rps, 4))"]
            if let u = t.unilateralBrier { parts.append("Brier of unilateral \(Format.fixed(u, 4))") }
            if let h = t.meanHonoured, let g = t.reliabilityGap {
                parts.append("synthetic Article 4 requests' mean P(level >= 4) \(Format.fixed(h, 3)) (mean squared gap \(Format.fixed(g, 4)))")
            }
            parts.append("penalty \(Format.fixed(t.penalty, 4))")
            return parts.joined(separator: ", ") + "; objective \(Format.fixed(t.total, 4))"
        }
        var weights = "λ = \(p.penaltyWeight), unilateral weight \(p.unilateralWeight)"
        if let r = p.reliability {
            weights += ", reliability prior rate \(r.rate) weight \(r.weight) on \(r.requests.count) synthetic requests"
        }
        return "fit on \(cases) cases (\(weights)); \(full.evaluations) evaluations of \(p.settings.draws) draws per case, seed \(p.settings.seed)\n"
            + "  at the priors: \(terms(full.priorTerms))\n  fitted:        \(terms(full.terms))"
    }

    /// A parameter value as short as it reads exactly: "3", "-2.35", "0.15625" (at most six decimals).
    public static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        var text = Format.fixed(value, 6)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }


    /// The calibrate document: each free weight (prior, range, fitted value, and with folds the
    /// value each leave-one-out fit chose), the fit's terms, the in-sample backtest and the
    /// held-out one, and the draws the backtests were scored with.
    public func json(inSample: BacktestReport, outOfSample: BacktestReport?, draws: Int) -> OrderedJSON {
        let p = problem
        let parameters = p.free.enumerated().map { i, free -> OrderedJSON in
            var members: [OrderedJSON.Member] = [
                .init("name", .string(free.name)), .init("prior", .number(free.prior)), .init("low", .number(free.low)),
                .init("high", .number(free.high)), .init("fitted", .number(full.values[i])),
            ]
            if !folds.isEmpty {
                members.append(.init("leave_one_out", .array(folds.map { .number($0.fit.values[i]) })))
            }
            return .object(members)
        }
        var members: [OrderedJSON.Member] = [
            .init("parameters", .array(parameters)),
            .init("fit", .object([
                "cases": .number(full.trainingIDs.count),
                "prior_rps": .number(full.priorMeanRPS),
                "rps": .number(full.meanRPS),
                "penalty": .number(full.penalty),
                "objective": .number(full.objective),
                "penalty_weight": .number(p.penaltyWeight),
                "unilateral_weight": .number(p.unilateralWeight),
                "unilateral_brier": .number(full.terms.unilateralBrier),
                "prior_unilateral_brier": .number(full.priorTerms.unilateralBrier),
                "reliability_rate": .number(p.reliability?.rate),
                "reliability_weight": .number(p.reliability?.weight),
                "reliability_requests": .number(p.reliability.map { Double($0.requests.count) }),
                "reliability_mean_honoured": .number(full.terms.meanHonoured),
                "prior_reliability_mean_honoured": .number(full.priorTerms.meanHonoured),
                "evaluations": .number(full.evaluations),
                "fit_draws": .number(p.settings.draws),
                "seed": .number(p.settings.seed),
            ])),
            .init("in_sample", inSample.json(settings: [])),
        ]
        if let outOfSample { members.append(.init("leave_one_out", outOfSample.json(settings: []))) }
        members.append(.init("draws", .number(draws)))
        return .object(members)
    }
}
