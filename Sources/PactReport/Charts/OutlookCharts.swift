import PactModel

/// One date of a fan chart: the quantiles of a quantity over Monte Carlo runs.
public struct FanPoint: Hashable, Sendable {
    public var label: String
    public var years: Double
    public var p10: Double, p25: Double, p50: Double, p75: Double, p90: Double
    public init(label: String, years: Double, p10: Double, p25: Double, p50: Double, p75: Double, p90: Double) {
        self.label = label
        self.years = years
        self.p10 = p10
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p90 = p90
    }
}

/// A fan chart of a quantity over time: the 10–90 % band light, the 25–75 % band darker, the
/// median as a line. The outlook draws its cohesion index and its number of full members this way.
public struct FanChart: Sendable {
    public var points: [FanPoint]
    public var title: String
    public var yLabel: String
    /// The y axis's range; nil fits it to the data (from 0).
    public var yDomain: ClosedRange<Double>?
    public var id: String

    public init(points: [FanPoint], title: String, yLabel: String, yDomain: ClosedRange<Double>? = nil, id: String = "fan") {
        self.points = points
        self.title = title
        self.yLabel = yLabel
        self.yDomain = yDomain
        self.id = id
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let height = 360.0
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: 10)
        let lastYear = max(1, points.map(\.years).max() ?? 1)
        let x = LinearScale(domain: 0...lastYear, range: plot.x...plot.maxX)
        let top = yDomain?.upperBound ?? LinearScale.niceUpperBound(max(1e-9, points.map(\.p90).max() ?? 1))
        let y = LinearScale(domain: (yDomain?.lowerBound ?? 0)...top, range: plot.y...plot.maxY, inverted: true)
        let ticks = y.ticks(5)
        for tick in ticks {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: ticks), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        let step = max(1, points.count / 8)
        for (i, point) in points.enumerated() where i % step == 0 || i == points.count - 1 {
            svg.text(point.label, x: x(point.years), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: theme.axis)
        func band(_ low: (FanPoint) -> Double, _ high: (FanPoint) -> Double, opacity: String, name: String) {
            let upper = points.map { (x($0.years), y(high($0))) }
            let lower = points.reversed().map { (x($0.years), y(low($0))) }
            svg.polygon(upper + lower, fill: theme.primary, extra: [("fill-opacity", opacity), ("class", "band \(name)")])
        }
        band(\.p10, \.p90, opacity: "0.18", name: "p10-p90")
        band(\.p25, \.p75, opacity: "0.35", name: "p25-p75")
        svg.polyline(points.map { (x($0.years), y($0.p50)) }, stroke: theme.primary, width: 2, extra: [("class", "median")])
        for point in points {
            svg.circle(cx: x(point.years), cy: y(point.p50), r: 2.5, fill: theme.primary,
                       extra: [("class", "point"), ("data-p10", Format.fixed(point.p10, 4)), ("data-p50", Format.fixed(point.p50, 4)),
                               ("data-p90", Format.fixed(point.p90, 4))],
                       tooltip: "\(point.label): median \(Format.fixed(point.p50, 3)), 10–90 % \(Format.fixed(point.p10, 3))–\(Format.fixed(point.p90, 3))")
        }
        svg.xAxisLabel("date", plot: plot)
        svg.yAxisLabel(yLabel, plot: plot)
        let caption = "Median (line), 25–75 % (dark band) and 10–90 % (light band) over the Monte Carlo runs; relations move from the start as their history before it suggests."
        return Chart(id: id, title: title, svg: svg.finish(), caption: caption)
    }
}

/// Diverging bars of each actor's frustration in today's alignment (Axelrod–Bennett: its part of
/// the landscape's energy), misplaced actors marked.
public struct FrustrationChart: Sendable {
    public struct Row: Hashable, Sendable {
        public var actor: String
        public var frustration: Double
        public var misplaced: Bool
        public init(actor: String, frustration: Double, misplaced: Bool) {
            self.actor = actor
            self.frustration = frustration
            self.misplaced = misplaced
        }
    }

    public var rows: [Row]
    public var title: String

    public init(rows: [Row], title: String = "Frustration in today's alignment") {
        self.rows = rows.sorted { $0.frustration > $1.frustration }
        self.title = title
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let rowHeight = 24.0, header = 18.0
        let height = theme.margin.top + header + Double(max(1, rows.count)) * rowHeight + theme.margin.bottom
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        var plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: 60, extraRight: 60)
        plot.y += header
        plot.height -= header
        let bound = LinearScale.niceUpperBound(max(1e-9, rows.map { abs($0.frustration) }.max() ?? 0))
        let x = LinearScale(domain: -bound...bound, range: plot.x...plot.maxX)
        let ticks = x.ticks(6)
        for tick in ticks {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: tick == 0 ? theme.axis : theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: ticks), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        for (i, row) in rows.enumerated() {
            let cy = plot.y + (Double(i) + 0.5) * rowHeight
            let x0 = x(0), x1 = x(row.frustration)
            svg.rect(x: min(x0, x1), y: cy - 7, width: abs(x1 - x0), height: 14,
                     fill: row.frustration >= 0 ? theme.negative : theme.positive,
                     extra: [("class", "bar frustration"), ("data-actor", row.actor), ("data-frustration", Format.fixed(row.frustration, 6))],
                     tooltip: "\(row.actor): \(Format.fixed(row.frustration, 6))\(row.misplaced ? ", misplaced" : "")")
            svg.text(row.actor + (row.misplaced ? " *" : ""), x: plot.x - 10, y: cy + 4, size: theme.labelSize, anchor: .end,
                     weight: row.misplaced ? "600" : nil)
        }
        svg.xAxisLabel("frustration: size × Σ size × propensity over actors in other blocs", plot: plot)
        svg.yAxisHeader("actor", x: plot.x - 10, y: plot.y - 8)
        let caption = "Positive: the actor's friends are in other blocs (it would rather be elsewhere); negative: its rivals are. * marks actors whose bloc today differs from the landscape's global minimum."
        return Chart(id: "frustration", title: title, svg: svg.finish(), caption: caption)
    }
}
