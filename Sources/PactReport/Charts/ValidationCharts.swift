/// One bin of a reliability table as a chart draws it (the engine's `ReliabilityBin` in plain values).
public struct ReliabilityPoint: Hashable, Sendable {
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var meanPredicted: Double?
    public var observedFrequency: Double?
    public init(lower: Double, upper: Double, count: Int, meanPredicted: Double?, observedFrequency: Double?) {
        self.lower = lower
        self.upper = upper
        self.count = count
        self.meanPredicted = meanPredicted
        self.observedFrequency = observedFrequency
    }
}

/// A reliability diagram: for each non-empty bin, the mean predicted probability of an event
/// against how often it happened, dot area growing with the number of cases. A calibrated
/// forecaster's dots lie on the diagonal.
public struct ReliabilityChart: Sendable {
    public var bins: [ReliabilityPoint]
    /// What was forecast, e.g. "level 3 (mission) or higher".
    public var event: String
    public var title: String

    public init(bins: [ReliabilityPoint], event: String, title: String = "Reliability") {
        self.bins = bins
        self.event = event
        self.title = title
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let size = 420.0
        let width = size + 250
        var svg = SVGWriter(width: width, height: size, title: "\(title): \(event)", theme: theme)
        svg.heading("\(title): \(event)")
        let plot = PlotArea(x: theme.margin.left, y: theme.margin.top, width: size - theme.margin.left - theme.margin.right,
                            height: size - theme.margin.top - theme.margin.bottom)
        // A little room beyond 0 and 1 so that a large dot at a corner does not cover the ticks.
        let x = LinearScale(domain: -0.05...1.05, range: plot.x...plot.maxX)
        let y = LinearScale(domain: -0.05...1.05, range: plot.y...plot.maxY, inverted: true)
        for tick in [0, 0.2, 0.4, 0.6, 0.8, 1.0] {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: theme.grid)
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(Format.fixed(tick, 1), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
            svg.text(Format.fixed(tick, 1), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        svg.line(x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: theme.axis, width: 1, dash: "4 4",
                 extra: [("class", "diagonal")])
        let maxCount = max(1, bins.map(\.count).max() ?? 1)
        let filled = bins.compactMap { bin -> (ReliabilityPoint, Double, Double)? in
            guard let p = bin.meanPredicted, let o = bin.observedFrequency, bin.count > 0 else { return nil }
            return (bin, p, o)
        }
        svg.polyline(filled.map { (x($0.1), y($0.2)) }, stroke: theme.primary, width: 1.5)
        for (bin, p, o) in filled {
            let r = 4 + 10 * (Double(bin.count) / Double(maxCount)).squareRoot()
            svg.circle(cx: x(p), cy: y(o), r: r, fill: theme.primary, stroke: "#ffffff",
                       extra: [("class", "point bin"), ("fill-opacity", "0.85"), ("data-count", String(bin.count)),
                               ("data-predicted", Format.fixed(p, 4)), ("data-observed", Format.fixed(o, 4))],
                       tooltip: "[\(Format.fixed(bin.lower, 1)), \(Format.fixed(bin.upper, 1))): \(bin.count) cases, predicted \(Format.fixed(p, 2)), observed \(Format.fixed(o, 2))")
            svg.text("n=\(bin.count)", x: x(p) + r + 3, y: y(o) + 4, size: theme.tickSize, color: theme.mutedText)
        }
        // The table beside the plot.
        let tx = size + 40
        svg.text("bin", x: tx, y: plot.y + 4, weight: "600")
        svg.text("cases", x: tx + 90, y: plot.y + 4, anchor: .end, weight: "600")
        svg.text("pred.", x: tx + 145, y: plot.y + 4, anchor: .end, weight: "600")
        svg.text("obs.", x: tx + 195, y: plot.y + 4, anchor: .end, weight: "600")
        for (i, bin) in bins.enumerated() {
            let ty = plot.y + 24 + Double(i) * 18
            svg.text("[\(Format.fixed(bin.lower, 1)), \(Format.fixed(bin.upper, 1))\(bin.upper >= 1 ? "]" : ")")", x: tx, y: ty)
            svg.text(String(bin.count), x: tx + 90, y: ty, anchor: .end)
            svg.text(bin.meanPredicted.map { Format.fixed($0, 2) } ?? "-", x: tx + 145, y: ty, anchor: .end)
            svg.text(bin.observedFrequency.map { Format.fixed($0, 2) } ?? "-", x: tx + 195, y: ty, anchor: .end)
        }
        svg.xAxisLabel("mean predicted probability", plot: plot)
        svg.yAxisLabel("observed frequency", plot: plot)
        let caption = "Cases binned by the predicted probability of \(event); each dot is a bin's mean prediction against how often the event happened, its area growing with the number of cases. Dots on the dashed diagonal mean the probabilities can be taken at face value."
        return Chart(id: "reliability", title: "\(title): \(event)", svg: svg.finish(), caption: caption)
    }
}

/// One case's forecast beside what happened, for the per-case chart.
public struct CasePrediction: Hashable, Sendable {
    public var id: String
    /// The six level probabilities.
    public var levels: [Double]
    /// The level that actually happened, 0...5.
    public var actual: Int
    public init(id: String, levels: [Double], actual: Int) {
        self.id = id
        self.levels = levels
        self.actual = actual
    }

    /// The probability-weighted mean level.
    public var expectedLevel: Double { levels.enumerated().map { Double($0.offset) * $0.element }.reduce(0, +) }
    /// The most probable level, lower on ties.
    public var modal: Int {
        var best = 0
        for k in levels.indices where levels[k] > levels[best] { best = k }
        return best
    }
}

/// Predicted versus actual, one row per case: six cells shaded by the predicted probability of
/// each level (darker is likelier), an outline on the level that happened and a tick at the expected
/// level. A good forecast has its dark cells inside the outlines.
public struct CasePredictionChart: Sendable {
    public var cases: [CasePrediction]
    public var title: String

    public init(cases: [CasePrediction], title: String = "Predicted distribution versus what happened, by case") {
        self.cases = cases
        self.title = title
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let rowHeight = 22.0
        let legend = 24.0
        let height = theme.margin.top + legend + Double(cases.count) * rowHeight + theme.margin.bottom
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let labelWidth = 140.0
        var plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: labelWidth - theme.margin.left,
                            extraRight: 120)
        plot.y += legend
        plot.height -= legend
        let cell = plot.width / 6
        svg.rect(x: plot.x, y: theme.margin.top - 3, width: 16, height: 14, fill: "none", stroke: theme.accent,
                 extra: [("stroke-width", "2.5")])
        svg.text("what happened", x: plot.x + 18, y: theme.margin.top + 8, color: theme.mutedText)
        svg.line(x1: plot.x + 130, y1: theme.margin.top - 4, x2: plot.x + 130, y2: theme.margin.top + 12, stroke: theme.text, width: 2)
        svg.text("expected level", x: plot.x + 138, y: theme.margin.top + 8, color: theme.mutedText)
        svg.text("cell shade: predicted probability", x: plot.x + 250, y: theme.margin.top + 8, color: theme.mutedText)
        for level in 0...5 {
            svg.text(LadderLabels.label(level), x: plot.x + (Double(level) + 0.5) * cell, y: plot.maxY + 16,
                     size: theme.tickSize, anchor: .middle, color: theme.mutedText)
        }
        svg.text("P(actual)", x: plot.maxX + 60, y: plot.y - 6, anchor: .middle, color: theme.mutedText)
        for (i, c) in cases.enumerated() {
            let top = plot.y + Double(i) * rowHeight
            svg.open("g", [("class", "case"), ("data-case", c.id), ("data-actual", String(c.actual))])
            svg.text(c.id, x: plot.x - 8, y: top + rowHeight / 2 + 4, size: theme.labelSize, anchor: .end)
            for (k, p) in c.levels.enumerated() {
                svg.rect(x: plot.x + Double(k) * cell, y: top + 1, width: cell - 2, height: rowHeight - 2, fill: theme.primary,
                         extra: [("fill-opacity", Format.fixed(0.06 + 0.94 * p, 3)), ("data-probability", Format.fixed(p, 4))],
                         tooltip: "\(c.id), \(LadderLabels.label(k)): \(Format.percentage(p))")
                if p >= 0.2 {
                    svg.text(Format.percentage(p, decimals: 0), x: plot.x + (Double(k) + 0.5) * cell - 1, y: top + rowHeight / 2 + 4,
                             size: theme.tickSize, anchor: .middle, color: p > 0.5 ? "#ffffff" : theme.text)
                }
            }
            svg.rect(x: plot.x + Double(c.actual) * cell + 1, y: top + 2, width: cell - 4, height: rowHeight - 4, fill: "none",
                     stroke: theme.accent, extra: [("stroke-width", "2.5"), ("class", "point actual")])
            let ex = plot.x + (c.expectedLevel + 0.5) * cell - 1
            svg.line(x1: ex, y1: top + 3, x2: ex, y2: top + rowHeight - 3, stroke: theme.text, width: 2,
                     extra: [("class", "expected")])
            let pActual = c.levels.indices.contains(c.actual) ? c.levels[c.actual] : 0
            svg.text(Format.percentage(pActual), x: plot.maxX + 60, y: top + rowHeight / 2 + 4, anchor: .middle,
                     color: c.modal == c.actual ? theme.support : theme.block, weight: "600")
            svg.close("g")
        }
        svg.xAxisLabel("response level", plot: plot)
        svg.yAxisLabel("case", plot: plot)
        let caption = "Rows are cases; the six cells are the predicted probabilities of the levels (darker is likelier), the orange outline is the level that happened, the black tick the expected level. Right: the probability given to what happened, green where the modal level was right."
        return Chart(id: "cases", title: title, svg: svg.finish(), caption: caption)
    }
}
