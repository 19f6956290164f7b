/// The report on a backtest: the scores against the baselines, the reliability diagram, the
/// per-case predicted-versus-actual chart, the case table and the command that reproduces it.
///
/// Takes plain values and tables already built by the caller (the CLI converts the engine's
/// `Backtest`: `CaseScore` to `CasePrediction`, `ReliabilityBin` to `ReliabilityPoint`), so
/// PactReport depends on PactModel only.
public struct ValidationReport: Sendable {
    public var title: String
    /// What the forecasts are ("in-sample", "leave-one-out") and on which cases.
    public var subtitle: String
    /// Sentences to open the report with (targets met or not, the headline scores).
    public var findings: [String]
    /// The model's scores beside the baselines'.
    public var summary: TextTable
    public var cases: [CasePrediction]
    /// The per-case table (probabilities, modal, actual, scores).
    public var caseTable: TextTable
    public var reliability: [ReliabilityPoint]
    /// The event the reliability diagram is about, e.g. "level 3 (mission) or higher".
    public var reliabilityEvent: String
    /// Parameter name, value pairs the forecasts used (fitted or default), shown as a table.
    public var parameters: [(name: String, value: String)]
    public var command: String
    public var theme: ChartTheme

    public init(title: String, subtitle: String, findings: [String], summary: TextTable, cases: [CasePrediction],
                caseTable: TextTable, reliability: [ReliabilityPoint], reliabilityEvent: String,
                parameters: [(name: String, value: String)], command: String, theme: ChartTheme = .standard) {
        self.title = title
        self.subtitle = subtitle
        self.findings = findings
        self.summary = summary
        self.cases = cases
        self.caseTable = caseTable
        self.reliability = reliability
        self.reliabilityEvent = reliabilityEvent
        self.parameters = parameters
        self.command = command
        self.theme = theme
    }

    public var charts: [Chart] {
        [ReliabilityChart(bins: reliability, event: reliabilityEvent).render(theme), CasePredictionChart(cases: cases).render(theme)]
    }

    /// Headline figures computed from the cases themselves: how often the modal level was right
    /// or within one rung, and the mean probability given to what happened.
    public var headline: String {
        guard !cases.isEmpty else { return "No cases." }
        let n = Double(cases.count)
        let hits = Double(cases.filter { $0.modal == $0.actual }.count)
        let withinOne = Double(cases.filter { abs($0.modal - $0.actual) <= 1 }.count)
        let meanActual = cases.map { $0.levels.indices.contains($0.actual) ? $0.levels[$0.actual] : 0 }.reduce(0, +) / n
        return "On \(cases.count) case\(cases.count == 1 ? "" : "s") the modal level was right in \(Format.percentage(hits / n, decimals: 0)) and within one rung in \(Format.percentage(withinOne / n, decimals: 0)); on average the forecast gave \(Format.percentage(meanActual)) to the level that happened."
    }

    public var document: ReportDocument {
        let charts = self.charts
        var doc = ReportDocument(title: title, subtitle: subtitle)
        doc.append(.heading("Summary"))
        doc.append(.paragraph(headline))
        if !findings.isEmpty { doc.append(.list(findings)) }
        doc.append(.table(summary, caption: "Mean scores against the baselines (lower RPS and Brier are better)"))
        doc.append(.heading("Calibration"))
        doc.append(.chart(charts[0]))
        doc.append(.heading("Cases"))
        doc.append(.chart(charts[1]))
        doc.append(.table(caseTable, caption: nil))
        if !parameters.isEmpty {
            doc.append(.heading("Parameters"))
            var table = TextTable(columns: [.init("parameter"), .init("value", .right)])
            for p in parameters { table.append([p.name, p.value]) }
            doc.append(.table(table, caption: nil))
        }
        doc.append(.heading("Reproduce"))
        doc.append(.code(command))
        doc.append(.note("RPS: ranked probability score over the six ordered levels, normalised to [0, 1] (SPEC section 8). Brier: multi-class, not halved, in [0, 2]."))
        return doc
    }

    public func html() -> String { document.html() }
}
