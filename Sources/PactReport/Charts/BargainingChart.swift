/// A bargaining run as a chart can draw it: the scale and, per round, the median, the
/// mean and every actor's position. Plain values, so PactReport needs nothing from the engine;
/// the CLI fills it from the bargaining model's rounds.
public struct BargainingTrajectory: Hashable, Sendable {
    public struct Round: Hashable, Sendable {
        public var round: Int
        public var median: Double
        public var mean: Double
        /// One position per actor, in `actors` order.
        public var positions: [Double]
        public init(round: Int, median: Double, mean: Double, positions: [Double]) {
            self.round = round
            self.median = median
            self.mean = mean
            self.positions = positions
        }
    }

    public var actors: [String]
    public var rounds: [Round]
    public var scaleMin: Double
    public var scaleMax: Double
    public var minLabel: String
    public var maxLabel: String

    public init(actors: [String], rounds: [Round], scaleMin: Double, scaleMax: Double, minLabel: String = "",
                maxLabel: String = "") {
        precondition(rounds.allSatisfy { $0.positions.count == actors.count }, "one position per actor in every round")
        self.actors = actors
        self.rounds = rounds
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.minLabel = minLabel
        self.maxLabel = maxLabel
    }
}

/// Every actor's position by round (thin coloured lines), the median forecast (thick black)
/// and the weighted mean (dashed), with actors labelled at their final positions.
public struct BargainingChart: Sendable {
    public var trajectory: BargainingTrajectory
    public var title: String

    public init(_ trajectory: BargainingTrajectory, title: String = "Bargaining: positions by round") {
        self.trajectory = trajectory
        self.title = title
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let t = trajectory
        let height = 380.0
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let labelWidth = 150.0
        let plot = PlotArea(width: theme.width, height: height, theme: theme, extraRight: labelWidth)
        let lastRound = Double(t.rounds.map(\.round).max() ?? 1)
        let x = LinearScale(domain: Double(t.rounds.map(\.round).min() ?? 0)...max(1, lastRound), range: plot.x...plot.maxX)
        let lo = min(t.scaleMin, t.scaleMax), hi = max(t.scaleMin, t.scaleMax)
        let y = LinearScale(domain: lo...hi, range: plot.y...plot.maxY, inverted: true)
        for tick in y.ticks(5) {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(Format.compact(tick), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        for tick in x.ticks(min(10, max(1, Int(lastRound)))) where tick == tick.rounded() {
            svg.text(String(Int(tick)), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        if !t.maxLabel.isEmpty {
            svg.text(t.maxLabel, x: plot.x + 4, y: plot.y + 12, size: theme.tickSize, color: theme.mutedText)
        }
        if !t.minLabel.isEmpty {
            svg.text(t.minLabel, x: plot.x + 4, y: plot.maxY - 5, size: theme.tickSize, color: theme.mutedText)
        }
        for (i, actor) in t.actors.enumerated() {
            let points = t.rounds.map { (x(Double($0.round)), y($0.positions[i])) }
            svg.polyline(points, stroke: theme.seriesColor(i), width: 1.5,
                         extra: [("class", "series actor"), ("data-actor", actor), ("stroke-opacity", "0.85")])
        }
        svg.polyline(t.rounds.map { (x(Double($0.round)), y($0.mean)) }, stroke: theme.mutedText, width: 2, dash: "6 4",
                     extra: [("class", "series mean")])
        svg.polyline(t.rounds.map { (x(Double($0.round)), y($0.median)) }, stroke: theme.text, width: 3,
                     extra: [("class", "series median")])
        // End labels, nudged apart so that close positions stay readable.
        if let last = t.rounds.last {
            var labels = t.actors.indices.map { (y: y(last.positions[$0]), text: t.actors[$0], color: theme.seriesColor($0)) }
            labels.append((y(last.median), "median \(Format.fixed(last.median, 1))", theme.text))
            labels.append((y(last.mean), "mean \(Format.fixed(last.mean, 1))", theme.mutedText))
            for (label, placed) in zip(labels, Self.spreadLabels(labels.map(\.y), gap: 13, within: plot.y...plot.maxY)) {
                svg.text(label.text, x: plot.maxX + 8, y: placed + 4, size: theme.tickSize, color: label.color)
            }
        }
        svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: theme.axis)
        svg.xAxisLabel("round", plot: plot)
        svg.yAxisLabel("position on the issue scale", plot: plot)
        let caption = "Thin lines: each actor's position after each round (round 0 is the starting point). Thick black: the median position, the model's forecast. Dashed: the capability- and salience-weighted mean."
        return Chart(id: "bargaining", title: title, svg: svg.finish(), caption: caption)
    }

    /// Label heights moved apart to at least `gap` pixels, keeping their order, inside `within`
    /// when they fit: pushed down from the top, then back up from the bottom.
    public static func spreadLabels(_ ys: [Double], gap: Double, within: ClosedRange<Double>) -> [Double] {
        let order = ys.indices.sorted { (ys[$0], $0) < (ys[$1], $1) }
        var sorted = order.map { min(max(ys[$0], within.lowerBound), within.upperBound) }
        for i in sorted.indices.dropFirst() { sorted[i] = max(sorted[i], sorted[i - 1] + gap) }
        if let last = sorted.last, last > within.upperBound {
            sorted[sorted.count - 1] = within.upperBound
            for i in sorted.indices.dropLast().reversed() { sorted[i] = min(sorted[i], sorted[i + 1] - gap) }
        }
        var placed = Array(repeating: 0.0, count: ys.count)
        for (rank, index) in order.enumerated() { placed[index] = sorted[rank] }
        return placed
    }
}
