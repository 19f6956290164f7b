import PactModel

/// Each member's preferred level (a dot on the ladder, its area growing with salience, its colour
/// the member's most frequent stance) and, to the right, the shares of draws in which it
/// supported, abstained or blocked. A dashed line marks the expected level of the outcome.
public struct MemberChart: Sendable {
    public struct Row: Hashable, Sendable {
        public var label: String
        public var position: Double
        public var salience: Double
        public var stance: Stance
        public var support: Double
        public var abstain: Double
        public var block: Double
        public init(label: String, position: Double, salience: Double, stance: Stance, support: Double, abstain: Double,
                    block: Double) {
            self.label = label
            self.position = position
            self.salience = salience
            self.stance = stance
            self.support = support
            self.abstain = abstain
            self.block = block
        }
    }

    public var rows: [Row]
    public var expectedLevel: Double?
    public var title: String

    public init(rows: [Row], expectedLevel: Double?, title: String = "Members: preferred level, salience and stance") {
        self.rows = rows
        self.expectedLevel = expectedLevel
        self.title = title
    }

    /// Rows in the forecast's member order, labelled "Name (role)" with names from `names`.
    public init(_ forecast: CrisisForecast, names: [ActorID: String] = [:]) {
        self.init(rows: forecast.members.map { m in
            Row(label: "\(names[m.id] ?? m.id.rawValue) (\(m.role))", position: m.position, salience: m.salience,
                stance: m.stance, support: m.stances.support, abstain: m.stances.abstain, block: m.stances.block)
        }, expectedLevel: forecast.expectedLevel)
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let rowHeight = 34.0
        let legendSpace = 30.0
        let height = theme.margin.top + legendSpace + Double(rows.count) * rowHeight + theme.margin.bottom + 10
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let labelWidth = 150.0, stanceWidth = 130.0, gap = 24.0
        var plot = PlotArea(width: theme.width, height: height, theme: theme, extraLeft: labelWidth - theme.margin.left + 16,
                            extraRight: stanceWidth + gap)
        plot.y += legendSpace
        plot.height -= legendSpace + 10
        let x = LinearScale(domain: 0...5, range: plot.x...plot.maxX)
        // Legend.
        var lx = plot.x
        for (stance, color) in [(Stance.support, theme.support), (.abstain, theme.abstain), (.block, theme.block)] {
            svg.circle(cx: lx + 5, cy: theme.margin.top + 2, r: 5, fill: color)
            svg.text(stance.rawValue, x: lx + 14, y: theme.margin.top + 6, color: theme.mutedText)
            lx += 80
        }
        svg.text("dot area: salience", x: lx + 6, y: theme.margin.top + 6, color: theme.mutedText)
        for level in 0...5 {
            let px = x(Double(level))
            svg.line(x1: px, y1: plot.y, x2: px, y2: plot.maxY, stroke: theme.grid)
            svg.text(String(level), x: px, y: plot.maxY + 14, anchor: .middle, color: theme.text)
            svg.text(ResponseLevelName.name(level) ?? "", x: px, y: plot.maxY + 26, size: theme.tickSize,
                     anchor: .middle, color: theme.mutedText)
        }
        if let expectedLevel {
            let px = x(expectedLevel)
            svg.line(x1: px, y1: plot.y - 4, x2: px, y2: plot.maxY, stroke: theme.accent, width: 1.5, dash: "5 4",
                     extra: [("class", "expected-level")])
            svg.text("expected level \(Format.fixed(expectedLevel, 2))", x: px, y: plot.y - 8, anchor: .middle,
                     color: theme.accent)
        }
        let stanceX = plot.maxX + gap
        svg.text("share of draws", x: stanceX, y: plot.y - 6, color: theme.mutedText)
        for (i, row) in rows.enumerated() {
            let cy = plot.y + (Double(i) + 0.5) * rowHeight
            if i > 0 { svg.line(x1: 8, y1: cy - rowHeight / 2, x2: theme.width - 8, y2: cy - rowHeight / 2, stroke: theme.grid) }
            svg.text(row.label, x: plot.x - 14, y: cy + 4, size: theme.labelSize, anchor: .end)
            let color = color(for: row.stance, theme)
            let r = 3 + 10 * max(0, min(1, row.salience)).squareRoot()
            svg.circle(cx: x(max(0, min(5, row.position))), cy: cy, r: r, fill: color, stroke: "#ffffff",
                       extra: [("class", "member"), ("fill-opacity", "0.9"), ("data-position", Format.fixed(row.position, 4)),
                               ("data-salience", Format.fixed(row.salience, 4)), ("data-stance", row.stance.rawValue)],
                       tooltip: "\(row.label): preferred level \(Format.fixed(row.position, 2)), salience \(Format.fixed(row.salience, 2)), \(row.stance.rawValue)")
            var sx = stanceX
            for (share, c, name) in [(row.support, theme.support, "support"), (row.abstain, theme.abstain, "abstain"),
                                     (row.block, theme.block, "block")] where share > 0 {
                let w = share * stanceWidth
                svg.rect(x: sx, y: cy - 8, width: w, height: 16, fill: c,
                         extra: [("class", "stance-share"), ("data-stance", name), ("data-share", Format.fixed(share, 4))],
                         tooltip: "\(name) \(Format.percentage(share))")
                if w > 34 {
                    svg.text(Format.percentage(share, decimals: 0), x: sx + w / 2, y: cy + 4, size: theme.tickSize,
                             anchor: .middle, color: "#ffffff", weight: "600")
                }
                sx += w
            }
        }
        svg.xAxisLabel("preferred response level (mean over draws)", plot: plot, below: 46)
        svg.yAxisHeader("member (role)", x: plot.x - 14, y: plot.y - 8)
        let caption = "Each dot is a member's mean preferred level; its area grows with salience and its colour is the member's most frequent stance on the first proposal. The bars on the right split the draws by stance."
        return Chart(id: "members", title: title, svg: svg.finish(), caption: caption)
    }

    private func color(for stance: Stance, _ theme: ChartTheme) -> String {
        switch stance {
        case .support: theme.support
        case .abstain: theme.abstain
        case .block: theme.block
        }
    }
}
