import PactModel

/// The probability of each response level as vertical bars, the modal level in the accent
/// colour and labelled, each bar topped by its probability in percent.
public struct LadderChart: Sendable {
    /// `levels[k]` is the probability of level k (six values).
    public var levels: [Double]
    /// The most probable level, marked.
    public var modal: Int
    public var title: String
    /// The top of the y axis; nil fits it to the highest bar. Charts set side by side share one,
    /// so equal bars look equal.
    public var top: Double?

    public init(levels: [Double], modal: Int, title: String = "Probability of each response level", top: Double? = nil) {
        self.levels = levels
        self.modal = modal
        self.title = title
        self.top = top
    }

    /// The y-axis top that fits every one of `forecasts`, for charts compared side by side.
    public static func sharedTop(_ forecasts: [CrisisForecast]) -> Double {
        min(1, LinearScale.niceUpperBound(forecasts.flatMap(\.levels).max() ?? 1))
    }

    public init(_ forecast: CrisisForecast, top: Double? = nil) {
        self.init(levels: forecast.levels, modal: forecast.modal, top: top)
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let height = 300.0
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        let plot = PlotArea(width: theme.width, height: height, theme: theme)
        svg.heading(title)
        let top = self.top ?? min(1, LinearScale.niceUpperBound(levels.max() ?? 1))
        let y = LinearScale(domain: 0...top, range: plot.y...plot.maxY, inverted: true)
        for tick in y.ticks(5) {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(Format.percentage(tick, decimals: 0), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        let slot = plot.width / Double(max(1, levels.count))
        let barWidth = slot * 0.62
        for (k, p) in levels.enumerated() {
            let x = plot.x + Double(k) * slot + (slot - barWidth) / 2
            let isModal = k == modal
            svg.rect(x: x, y: y(p), width: barWidth, height: plot.maxY - y(p), fill: isModal ? theme.accent : theme.primary,
                     extra: [("class", isModal ? "bar modal" : "bar"), ("data-level", String(k)),
                             ("data-probability", Format.fixed(p, 4))],
                     tooltip: "\(LadderLabels.label(k)): \(Format.percentage(p))")
            svg.text(Format.percentage(p), x: x + barWidth / 2, y: y(p) - 5, anchor: .middle,
                     color: isModal ? theme.accent : theme.text, weight: isModal ? "600" : nil)
            svg.text(LadderLabels.label(k), x: x + barWidth / 2, y: plot.maxY + 16, anchor: .middle)
            if isModal {
                svg.text("modal", x: x + barWidth / 2, y: y(p) - 19, size: theme.tickSize, anchor: .middle,
                         color: theme.accent, weight: "600", extra: [("class", "modal-label")])
            }
        }
        svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: theme.axis)
        svg.xAxisLabel("response level (0 none to 5 deployment)", plot: plot)
        svg.yAxisLabel("probability", plot: plot)
        let caption = "Share of Monte Carlo draws ending at each level; the modal level (\(LadderLabels.label(modal))) is in orange."
        return Chart(id: "ladder", title: title, svg: svg.finish(), caption: caption)
    }
}
