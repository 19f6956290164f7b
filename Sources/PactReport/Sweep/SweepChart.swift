import PactEngine

/// The chart of one output of one scenario of a sweep, in the method's natural form:
/// - OAT: a tornado, each parameter's bar running from the change at its low to the change at its
///   high, largest swing on top;
/// - Morris: μ* (how much a parameter moves the output) against σ (how much that depends on the
///   other parameters: interactions or non-linearity), one labelled dot per parameter;
/// - Sobol: first-order (S1) and total (ST) indices as paired bars with their bootstrap intervals.
public struct SweepChart: Sendable {
    public var cell: SweepAnalysis.Cell
    public var parameters: [String]
    /// The most important parameters shown (the tornado and bar charts), the rest summarised.
    public var limit: Int

    /// The output a sweep's chart shows unless asked for another: the expected level of a
    /// crisis, the forecast median of an issue, the mean cohesion of the outlook.
    public static func defaultOutput(for spec: SweepSpec) -> String {
        switch spec.model {
        case .crisis: "expected level"
        case .issue: "forecast median"
        case .outlook: "mean cohesion"
        }
    }

    public init(analysis: SweepAnalysis, scenario: String? = nil, output: String? = nil, limit: Int = 20) throws(SweepError) {
        let s = scenario.map { name in analysis.spec.scenarios.firstIndex(of: name) } ?? 0
        guard let s else {
            throw SweepError("scenario '\(scenario ?? "")' is not in this sweep; it has \(analysis.spec.scenarios.joined(separator: ", "))")
        }
        let o = output.map { name in analysis.spec.outputs.firstIndex(of: name) } ?? 0
        guard let o else {
            throw SweepError("output '\(output ?? "")' is not one of this sweep's: \(analysis.spec.outputs.joined(separator: ", "))")
        }
        self.cell = analysis.cells[s][o]
        self.parameters = analysis.spec.parameters.map(\.name)
        self.limit = limit
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        switch cell.measures {
        case .oat(let base, let swings): tornado(base: base, swings: swings, theme)
        case .morris(let effects): morris(effects, theme)
        case .sobol(let indices): sobol(indices, theme)
        }
    }

    private func rows(_ key: [Double]) -> [Int] { Array(SweepOutput.order(key).prefix(limit)) }

    private func frame(_ title: String, rows: Int, theme: ChartTheme) -> (SVGWriter, PlotArea) {
        let rowHeight = 24.0, header = 18.0
        let height = theme.margin.top + header + Double(max(1, rows)) * rowHeight + theme.margin.bottom
        let svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        var plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: 200 - theme.margin.left, extraRight: 50)
        plot.y += header
        plot.height -= header
        return (svg, plot)
    }

    private func tornado(base: Double, swings: [SweepEstimators.Swing], _ theme: ChartTheme) -> Chart {
        let title = "What \(cell.scenario)'s \(cell.output) depends on"
        let shown = rows(swings.map(\.magnitude))
        var (svg, plot) = frame(title, rows: shown.count, theme: theme)
        svg.heading(title)
        let extent = max(1e-9, shown.map { swings[$0].magnitude }.max() ?? 0)
        let bound = LinearScale.niceUpperBound(extent)
        let x = LinearScale(domain: -bound...bound, range: plot.x...plot.maxX)
        let ticks = x.ticks(6)
        for tick in ticks {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: tick == 0 ? theme.axis : theme.grid)
            let label = LinearScale.tickLabel(tick, among: ticks)
            svg.text(tick > 0 ? "+" + label : label, x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        let rowHeight = plot.height / Double(max(1, shown.count))
        for (row, i) in shown.enumerated() {
            let cy = plot.y + (Double(row) + 0.5) * rowHeight
            let name = parameters[i]
            for (end, value, color) in [("low", swings[i].low, theme.negative), ("high", swings[i].high, theme.positive)] {
                svg.rect(x: min(x(0), x(value)), y: cy - 8, width: abs(x(value) - x(0)), height: 16, fill: color,
                         extra: [("class", "bar swing-\(end)"), ("data-parameter", name), ("data-change", PactReport.Format.fixed(value, 4))],
                         tooltip: "\(name) at its \(end): \(PactReport.Format.signed(value, 3))")
            }
            svg.text(name.replacingOccurrences(of: "_", with: " "), x: plot.x - 10, y: cy + 4, size: theme.labelSize, anchor: .end)
        }
        svg.xAxisLabel("change in \(cell.output) from \(PactReport.Format.fixed(base, 3)) (all at defaults)", plot: plot, below: 36)
        svg.yAxisHeader("parameter", x: plot.x - 10, y: plot.y - 8)
        svg.text("■ at its low", x: plot.maxX - 150, y: plot.y - 8, color: theme.negative)
        svg.text("■ at its high", x: plot.maxX - 70, y: plot.y - 8, color: theme.positive)
        return Chart(id: "tornado", title: title, svg: svg.finish(),
                     caption: "Each parameter moved alone to the low (orange) and high (blue) end of its range, the others at their defaults; largest change on top.")
    }

    private func morris(_ e: [SweepEstimators.Elementary], _ theme: ChartTheme) -> Chart {
        let title = "Morris screening of \(cell.scenario)'s \(cell.output)"
        let height = 460.0
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let plot = PlotArea(width: theme.width, height: height, theme: theme, extraRight: 120)
        let xMax = LinearScale.niceUpperBound(max(1e-9, e.map(\.muStar).filter(\.isFinite).max() ?? 0))
        let yMax = LinearScale.niceUpperBound(max(1e-9, e.map(\.sigma).filter(\.isFinite).max() ?? 0))
        let x = LinearScale(domain: 0...xMax, range: plot.x...plot.maxX)
        let y = LinearScale(domain: 0...yMax, range: plot.y...plot.maxY, inverted: true)
        for tick in x.ticks(6) {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: x.ticks(6)), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        for tick in y.ticks(5) {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: y.ticks(5)), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        let labelled = Set(rows(e.map(\.muStar)).prefix(10))
        for (i, m) in e.enumerated() where m.muStar.isFinite && m.sigma.isFinite {
            svg.circle(cx: x(m.muStar), cy: y(m.sigma), r: 4, fill: theme.primary,
                       extra: [("class", "point"), ("data-parameter", parameters[i])],
                       tooltip: "\(parameters[i]): mu* \(PactReport.Format.fixed(m.muStar, 3)), sigma \(PactReport.Format.fixed(m.sigma, 3))")
            if labelled.contains(i) {
                svg.text(parameters[i].replacingOccurrences(of: "_", with: " "), x: x(m.muStar) + 6, y: y(m.sigma) - 5, color: theme.text)
            }
        }
        svg.xAxisLabel("mu*: mean absolute elementary effect (change per whole range)", plot: plot)
        svg.yAxisLabel("sigma: spread of the effects", plot: plot)
        return Chart(id: "morris", title: title, svg: svg.finish(),
                     caption: "Right means the output moves with the parameter; up means the effect depends on where the other parameters are (interactions or curvature).")
    }

    private func sobol(_ s: [SweepEstimators.Sobol], _ theme: ChartTheme) -> Chart {
        let title = "Sobol indices of \(cell.scenario)'s \(cell.output)"
        let shown = rows(s.map { $0.total.isFinite ? $0.total : -1 })
        var (svg, plot) = frame(title, rows: shown.count, theme: theme)
        svg.heading(title)
        let x = LinearScale(domain: 0...1, range: plot.x...plot.maxX)
        let ticks = x.ticks(5)
        for tick in ticks {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: tick == 0 ? theme.axis : theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: ticks), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        let rowHeight = plot.height / Double(max(1, shown.count))
        func clamp(_ v: Double) -> Double { min(1, max(0, v.isFinite ? v : 0)) }
        for (row, i) in shown.enumerated() {
            let cy = plot.y + (Double(row) + 0.5) * rowHeight
            let name = parameters[i]
            for (offset, label, value, interval, color) in [(-5.0, "S1", s[i].first, s[i].firstInterval, theme.primary),
                                                            (5.0, "ST", s[i].total, s[i].totalInterval, theme.accent)] {
                svg.rect(x: x(0), y: cy + offset - 4, width: x(clamp(value)) - x(0), height: 8, fill: color,
                         extra: [("class", "bar \(label.lowercased())"), ("data-parameter", name)],
                         tooltip: "\(name) \(label): \(SweepOutput.number(value))")
                if let interval {
                    svg.line(x1: x(clamp(interval.lowerBound)), y1: cy + offset, x2: x(clamp(interval.upperBound)), y2: cy + offset,
                             stroke: theme.text)
                }
            }
            svg.text(name.replacingOccurrences(of: "_", with: " "), x: plot.x - 10, y: cy + 4, size: theme.labelSize, anchor: .end)
        }
        svg.xAxisLabel("share of the output's variance", plot: plot, below: 36)
        svg.yAxisHeader("parameter", x: plot.x - 10, y: plot.y - 8)
        svg.text("■ first order S1", x: plot.maxX - 200, y: plot.y - 8, color: theme.primary)
        svg.text("■ total ST", x: plot.maxX - 80, y: plot.y - 8, color: theme.accent)
        return Chart(id: "sobol", title: title, svg: svg.finish(),
                     caption: "S1: the share of variance the parameter explains alone; ST: including its interactions. Lines are 95% bootstrap intervals.")
    }
}
