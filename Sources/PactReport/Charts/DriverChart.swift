import PactModel

/// A tornado of the interest terms: each term's effect on the expected level (the expected level
/// with the term minus without it), bars to the right raising it, to the left lowering it,
/// largest magnitude on top.
public struct DriverChart: Sendable {
    public var drivers: [(term: String, effect: Double)]
    public var title: String

    public init(drivers: [(term: String, effect: Double)], title: String = "Drivers: each interest term's effect on the expected level") {
        self.drivers = drivers.sorted { abs($0.effect) > abs($1.effect) }
        self.title = title
    }

    public init(_ forecast: CrisisForecast) {
        self.init(drivers: forecast.drivers.map { ($0.term, $0.effect) })
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let rowHeight = 26.0
        let header = 18.0
        let height = theme.margin.top + header + Double(max(1, drivers.count)) * rowHeight + theme.margin.bottom
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let labelWidth = 170.0
        var plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: labelWidth - theme.margin.left,
                            extraRight: 40)
        plot.y += header
        plot.height -= header
        let extent = max(0.05, drivers.map { abs($0.effect) }.max() ?? 0)
        let bound = LinearScale.niceUpperBound(extent)
        let x = LinearScale(domain: -bound...bound, range: plot.x...plot.maxX)
        let ticks = x.ticks(6)
        for tick in ticks {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: tick == 0 ? theme.axis : theme.grid)
            let label = LinearScale.tickLabel(tick, among: ticks)
            svg.text(tick > 0 ? "+" + label : label, x: x(tick), y: plot.maxY + 16, anchor: .middle,
                     color: theme.mutedText)
        }
        for (i, driver) in drivers.enumerated() {
            let cy = plot.y + (Double(i) + 0.5) * rowHeight
            let x0 = x(0), x1 = x(driver.effect)
            let color = driver.effect >= 0 ? theme.positive : theme.negative
            svg.rect(x: min(x0, x1), y: cy - 8, width: abs(x1 - x0), height: 16, fill: color,
                     extra: [("class", "bar driver"), ("data-term", driver.term), ("data-effect", Format.fixed(driver.effect, 4))],
                     tooltip: "\(driver.term): \(Format.signed(driver.effect, 3)) levels")
            svg.text(driver.term.replacingOccurrences(of: "_", with: " "), x: plot.x - 10, y: cy + 4,
                     size: theme.labelSize, anchor: .end)
            let valueX = driver.effect >= 0 ? max(x0, x1) + 5 : min(x0, x1) - 5
            svg.text(Format.signed(driver.effect, 3), x: valueX, y: cy + 4, anchor: driver.effect >= 0 ? .start : .end,
                     color: theme.mutedText)
        }
        svg.xAxisLabel("change in expected level (ladder levels) when the term is included", plot: plot)
        svg.yAxisHeader("interest term", x: plot.x - 10, y: plot.y - 8)
        let caption = "Each bar is the expected level with the term minus the expected level with that term's weight set to 0, on the same random numbers: what moved this forecast under the model, not what caused history."
        return Chart(id: "drivers", title: title, svg: svg.finish(), caption: caption)
    }
}
