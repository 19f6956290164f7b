import PactModel

/// When each contingent of a collective deployment lands, as Pact derives it from a forecast.
///
/// The engine reports, over the draws that end in a deployment, each member's mean contribution
/// and the days from the request to the first troops on the ground (it models the first echelon
/// only, by air: decision delay + staging + flying time from the nearest contributor). This
/// schedule spreads that figure over the contributors with the engine's own rule: contingent i
/// lands at
///
///     t_i = first arrival (mean) + (d_i - d_min) / (airlift speed x 24)
///
/// where d_i is the distance from contributor i's capital or nearest own base to the crisis
/// location's capital and d_min the smallest such distance. It is a schematic: each contingent
/// lands whole on its day; the model has no later echelons, sealift or road moves.
public struct ForceSchedule: Hashable, Sendable {
    public struct Contingent: Hashable, Sendable {
        public var actor: ActorID
        public var label: String
        public var troops: Double
        /// Days from the request to this contingent on the ground.
        public var arrivalDay: Double
        public init(actor: ActorID, label: String, troops: Double, arrivalDay: Double) {
            self.actor = actor
            self.label = label
            self.troops = troops
            self.arrivalDay = arrivalDay
        }
    }

    /// In order of arrival (ties: larger contingent first, then id).
    public var contingents: [Contingent]
    /// The 10th-90th percentile of days to first arrival over the deployment draws.
    public var firstArrival: CrisisForecast.Summary
    /// Mean total troops over the deployment draws.
    public var total: Double

    public init(contingents: [Contingent], firstArrival: CrisisForecast.Summary, total: Double) {
        self.contingents = contingents.sorted {
            ($0.arrivalDay, -$0.troops, $0.actor) < ($1.arrivalDay, -$1.troops, $1.actor)
        }
        self.firstArrival = firstArrival
        self.total = total
    }

    /// The schedule of a forecast, or nil when no draw ended in a deployment.
    /// - Parameters:
    ///   - location: the crisis location, whose capital is the destination.
    ///   - airliftSpeedKmh: the block speed the run used (parameter `airlift_speed_kmh`).
    public static func derive(from forecast: CrisisForecast, snapshot: DatasetSnapshot, location: ActorID,
                              airliftSpeedKmh: Double) -> ForceSchedule? {
        guard let first = forecast.daysToFirstArrival, let force = forecast.force else { return nil }
        let destination = snapshot.actors[location]?.capital
        func stagingKm(_ id: ActorID) -> Double {
            guard let destination else { return 0 }
            var best = id == location ? 0 : (snapshot.actors[id]?.capital.distance(to: destination) ?? 0)
            for base in snapshot.bases where base.user == id {
                best = min(best, base.coordinates.distance(to: destination))
            }
            return best
        }
        let contributors = forecast.members.filter { $0.contribution > 0 }
        guard !contributors.isEmpty else { return nil }
        let distances = contributors.map { stagingKm($0.id) }
        let nearest = distances.min() ?? 0
        let speed = max(1, airliftSpeedKmh) * 24
        let contingents = zip(contributors, distances).map { member, d in
            Contingent(actor: member.id, label: snapshot.actors[member.id]?.name ?? member.id.rawValue,
                       troops: member.contribution, arrivalDay: first.mean + (d - nearest) / speed)
        }
        return ForceSchedule(contingents: contingents, firstArrival: first, total: force.mean)
    }

    /// Troops on the ground at `day`.
    public func troops(onDay day: Double) -> Double {
        contingents.filter { $0.arrivalDay <= day }.map(\.troops).reduce(0, +)
    }
}

/// Troops on the ground against days since the request, stacked by contributor, with the
/// 10th-90th percentile band of the first arrival shaded.
public struct ForceBuildUpChart: Sendable {
    public var schedule: ForceSchedule
    public var title: String

    public init(_ schedule: ForceSchedule, title: String = "Force build-up: troops on the ground by contributor") {
        self.schedule = schedule
        self.title = title
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let height = 320.0
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        let legendWidth = 170.0
        let plot = PlotArea(width: theme.width, height: height, theme: theme, extraRight: legendWidth)
        let lastDay = max(schedule.contingents.map(\.arrivalDay).max() ?? 0, schedule.firstArrival.p90)
        let endDay = max(2, (lastDay * 1.5 + 0.5).rounded(.up))
        let totalTroops = schedule.contingents.map(\.troops).reduce(0, +)
        let x = LinearScale(domain: 0...endDay, range: plot.x...plot.maxX)
        let y = LinearScale(domain: 0...LinearScale.niceUpperBound(max(1, totalTroops)), range: plot.y...plot.maxY, inverted: true)
        // First-arrival band.
        let band = (x(schedule.firstArrival.p10), x(schedule.firstArrival.p90))
        svg.rect(x: band.0, y: plot.y, width: max(1, band.1 - band.0), height: plot.height, fill: "#f0f0f0",
                 extra: [("class", "arrival-band")],
                 tooltip: "first arrival, 10th-90th percentile: \(Format.fixed(schedule.firstArrival.p10, 1))-\(Format.fixed(schedule.firstArrival.p90, 1)) days")
        svg.text("first arrival p10-p90", x: band.0 + 3, y: plot.y + 12, size: theme.tickSize, color: theme.mutedText)
        for tick in y.ticks(5) {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(Format.grouped(tick), x: plot.x - 6, y: y(tick) + 4, anchor: .end, color: theme.mutedText)
        }
        let dayTicks = x.ticks(8)
        for tick in dayTicks {
            svg.line(x1: x(tick), y1: plot.maxY, x2: x(tick), y2: plot.maxY + 4, stroke: theme.axis)
            svg.text(LinearScale.tickLabel(tick, among: dayTicks), x: x(tick), y: plot.maxY + 16, anchor: .middle, color: theme.mutedText)
        }
        // Stacked step areas: contributor k's band lies on top of contributors 0..<k.
        var below = 0.0
        for (k, c) in schedule.contingents.enumerated() {
            let color = theme.seriesColor(k)
            let x0 = x(c.arrivalDay), x1 = x(endDay)
            // Earlier contingents are already stacked up to `below` from their own days; this band
            // starts on its arrival day and sits on the running total from then on.
            let bottom = y(below), top = y(below + c.troops)
            svg.polygon([(x0, bottom), (x0, top), (x1, top), (x1, bottom)], fill: color,
                        extra: [("class", "series contingent"), ("fill-opacity", "0.85"), ("data-actor", c.actor.rawValue),
                                ("data-troops", Format.fixed(c.troops, 1)), ("data-arrival-day", Format.fixed(c.arrivalDay, 3))],
                        tooltip: "\(c.label): \(Format.grouped(c.troops)) troops from day \(Format.fixed(c.arrivalDay, 2))")
            below += c.troops
            // Legend entry.
            let ly = plot.y + 8 + Double(k) * 20
            svg.rect(x: plot.maxX + 18, y: ly - 9, width: 12, height: 12, fill: color)
            svg.text("\(c.label) \(Format.grouped(c.troops))", x: plot.maxX + 36, y: ly + 1, size: theme.labelSize)
        }
        // The running total as a step line.
        var points: [(Double, Double)] = [(x(0), y(0))]
        var running = 0.0
        for c in schedule.contingents {
            points.append((x(c.arrivalDay), y(running)))
            running += c.troops
            points.append((x(c.arrivalDay), y(running)))
        }
        points.append((x(endDay), y(running)))
        svg.polyline(points, stroke: theme.text, width: 1.5, extra: [("class", "total")])
        svg.text("mean total \(Format.grouped(running))", x: plot.maxX - 4, y: y(running) - 6, anchor: .end,
                 color: theme.text, weight: "600")
        svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: theme.axis)
        svg.xAxisLabel("days since the request", plot: plot)
        svg.yAxisLabel("troops on the ground", plot: plot)
        let caption = "Mean contributions over the draws that end in a deployment. Each contingent lands whole on the first-arrival day plus its extra flying time from its nearest capital or base (the engine's airlift rule); the model has no later echelons. Shaded: the 10th-90th percentile of the first arrival."
        return Chart(id: "force", title: title, svg: svg.finish(), caption: caption)
    }
}
