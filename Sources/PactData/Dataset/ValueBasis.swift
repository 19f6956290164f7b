import PactModel

/// How many of a dataset's numbers rest on a published dataset, a primary document or a Pact
/// judgement: the first question a reviewer asks of a forecast's inputs.
///
/// - Actor attributes rest on a dataset; those whose source begins "Pact estimate" are computed
///   by Pact from dataset figures (counted as dataset values, and separately as estimates).
/// - Relation values (affinity and dependence of each ordered pair and period, the default
///   pairs included) rest on what the period's `basis` says; a period without one is unstated.
/// - Force sizes and contributions, base personnel and context shares rest on a document unless
///   their source says "Pact estimate" or "Pact judgement".
public struct ValueBasisSummary: Hashable, Sendable {
    public var dataset = 0
    /// Of `dataset`, the values Pact computed from dataset figures (a gap filled by a stated rule).
    public var estimatedFromDatasets = 0
    public var document = 0
    public var judgement = 0
    /// Relation values whose period does not state a basis.
    public var unstated = 0

    public var total: Int { dataset + document + judgement + unstated }

    /// One line for `pact data sources`.
    public var line: String {
        var text = "Values: \(total) in all; \(dataset) rest on a dataset"
        if estimatedFromDatasets > 0 { text += " (\(estimatedFromDatasets) of them Pact estimates computed from dataset figures)" }
        text += ", \(document) on a document, \(judgement) on a Pact judgement"
        if unstated > 0 { text += ", \(unstated) state no basis" }
        return text
    }

    static func isPactOwn(_ source: String) -> Bool {
        source.hasPrefix("Pact estimate") || source.hasPrefix("Pact judgement")
    }
}

extension Dataset {
    /// Counts every number of the dataset by what it rests on (see `ValueBasisSummary`).
    public func valueBasisSummary() -> ValueBasisSummary {
        var summary = ValueBasisSummary()
        for actor in actors.values {
            var seen: Set<String> = []
            for observation in actor.observations {
                let values = [("population", observation.population), ("gdp", observation.gdp),
                              ("military_expenditure", observation.militaryExpenditure),
                              ("active_personnel", observation.activePersonnel), ("regime_score", observation.regimeScore)]
                // Observations carry values forward; count each (attribute, year) once.
                for (name, value) in values where seen.insert("\(name) \(value.year)").inserted {
                    summary.dataset += 1
                    if value.source.hasPrefix("Pact estimate") { summary.estimatedFromDatasets += 1 }
                }
            }
        }
        for relation in relations {
            switch relation.basis {
            case .document: summary.document += 2
            case .dataset: summary.dataset += 2
            case .judgement: summary.judgement += 2
            case nil: summary.unstated += 2
            }
        }
        func count(_ source: String) {
            if ValueBasisSummary.isPactOwn(source) { summary.judgement += 1 } else { summary.document += 1 }
        }
        for force in forces {
            force.sizes.forEach { count($0.source) }
            force.contributions.forEach { count($0.size.source) }
        }
        bases.forEach { count($0.personnel.source) }
        context.compactMap(\.leadStateCommittedElsewhere).forEach { count($0.source) }
        return summary
    }
}
