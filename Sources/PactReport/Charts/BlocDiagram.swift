import Foundation

/// The alignment landscape's blocs in one picture: a column for each bloc of the predicted
/// alignment (the landscape's global minimum), each actor drawn in the column the landscape puts
/// it in and filled with the colour of its bloc today, so an actor whose colour differs from its
/// column's is in the wrong bloc; it also carries a dark ring and a `*`.
///
/// Circle **area** is proportional to the actor's size (its capability index), the honest
/// encoding for a quantity: a radius proportional to size would make the United States look
/// twice as large as it is next to Russia. Tiny actors therefore get tiny circles; their label
/// still says who they are. The strongest ties (by |size × size × propensity|, the pair's weight
/// in the energy) are drawn underneath: solid for a positive propensity (the pair wants to be
/// together), dashed for a negative one; only the `strongestTies` heaviest, so the picture stays
/// readable. Ties within a column bow to the left of the circles so that they do not run through
/// the actors stacked between them.
///
/// The diagram takes plain values, not the engine's analysis, so the report module stays free of
/// the engine; `pact align --bloc-chart` builds it from `AlignmentAnalysis`.
public struct BlocDiagram: Sendable {
    /// One actor: its id, its size and its bloc today and in the predicted alignment.
    public struct Actor: Hashable, Sendable {
        public var id: String
        /// The capability index (any non-negative scale; only ratios matter).
        public var size: Double
        /// Index into `blocNames` of the actor's bloc today.
        public var today: Int
        /// Index into `blocNames` of the actor's bloc in the predicted alignment, with the
        /// predicted blocs labelled to match today's.
        public var predicted: Int
        public var misplaced: Bool { today != predicted }

        public init(id: String, size: Double, today: Int, predicted: Int) {
            self.id = id
            self.size = size
            self.today = today
            self.predicted = predicted
        }
    }

    /// A pair's propensity (−1 … 1): positive when the two want to be in one bloc.
    public struct Tie: Hashable, Sendable {
        public var first: String
        public var second: String
        public var propensity: Double

        public init(_ first: String, _ second: String, propensity: Double) {
            self.first = first
            self.second = second
            self.propensity = propensity
        }
    }

    public var actors: [Actor]
    /// The blocs' names by label (`CSTO members`, `outside`, ...).
    public var blocNames: [String]
    /// Candidate ties; those naming an unknown actor or with zero weight are ignored, and only
    /// the `strongestTies` heaviest are drawn.
    public var ties: [Tie]
    public var strongestTies: Int
    public var title: String
    /// The landscape's energy today and at the predicted alignment, shown under the title when given.
    public var energyToday: Double?
    public var energyPredicted: Double?
    /// The radius of the largest actor's circle; every other radius is this times
    /// √(size / largest size), so areas are proportional to sizes.
    public var maxRadius: Double

    public init(actors: [Actor], blocNames: [String], ties: [Tie] = [], strongestTies: Int = 12,
                title: String = "Blocs today and predicted", energyToday: Double? = nil, energyPredicted: Double? = nil,
                maxRadius: Double = 34) {
        self.actors = actors
        self.blocNames = blocNames
        self.ties = ties
        self.strongestTies = strongestTies
        self.title = title
        self.energyToday = energyToday
        self.energyPredicted = energyPredicted
        self.maxRadius = maxRadius
    }

    /// The radius of a circle of `size` when the largest actor has `largest`: area ∝ size.
    public static func radius(size: Double, largest: Double, maxRadius: Double) -> Double {
        guard largest > 0, size > 0 else { return 0 }
        return maxRadius * (size / largest).squareRoot()
    }

    /// A tie resolved to actor indices, with its weight s_i s_j p_ij in the energy.
    struct DrawnTie {
        var i: Int
        var j: Int
        var propensity: Double
        var weight: Double
    }

    /// The `strongestTies` heaviest ties by |weight|, heaviest first; ties in weight by actor ids,
    /// so the choice never depends on the input's order.
    func drawnTies() -> [DrawnTie] {
        var index: [String: Int] = [:]
        for (k, actor) in actors.enumerated() where index[actor.id] == nil { index[actor.id] = k }
        var seen: Set<[Int]> = []
        var candidates: [DrawnTie] = []
        for tie in ties {
            guard let a = index[tie.first], let b = index[tie.second], a != b else { continue }
            let key = [min(a, b), max(a, b)]
            guard !seen.contains(key) else { continue }
            let weight = max(0, actors[a].size) * max(0, actors[b].size) * tie.propensity
            guard weight != 0, weight.isFinite else { continue }
            seen.insert(key)
            candidates.append(DrawnTie(i: key[0], j: key[1], propensity: tie.propensity, weight: weight))
        }
        candidates.sort { x, y in
            if abs(x.weight) != abs(y.weight) { return abs(x.weight) > abs(y.weight) }
            let xa = (actors[x.i].id, actors[x.j].id), ya = (actors[y.i].id, actors[y.j].id)
            return xa < ya
        }
        return Array(candidates.prefix(max(0, strongestTies)))
    }

    /// Today's bloc colour: the palette from its third colour, so blocs never share a colour
    /// with the ties (the theme's positive and negative colours are its first and sixth).
    func blocColor(_ bloc: Int, _ theme: ChartTheme) -> String { theme.seriesColor(bloc + 2) }

    func blocName(_ bloc: Int) -> String { blocNames.indices.contains(bloc) ? blocNames[bloc] : "bloc \(bloc + 1)" }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let largest = actors.map(\.size).max() ?? 0
        let radius = { (actor: Actor) in Self.radius(size: actor.size, largest: largest, maxRadius: maxRadius) }
        // Predicted blocs that hold an actor, in label order; each is a column.
        let columns = Set(actors.map(\.predicted)).sorted()
        let subtitleSpace = energyToday != nil || energyPredicted != nil ? 18.0 : 0
        let legendTop = 36 + subtitleSpace
        let legendRows = 2.0
        let columnTop = legendTop + legendRows * 18 + 14
        let headerHeight = 40.0, rowGap = 8.0, minRow = 16.0
        let left = 16.0, right = theme.width - 16
        let columnWidth = (right - left) / Double(max(1, columns.count))
        // Place actors: largest first in each column, each row as tall as its circle.
        var centre = [(x: Double, y: Double)](repeating: (0, 0), count: actors.count)
        var columnBottom: [Double] = []
        for (c, bloc) in columns.enumerated() {
            let axis = left + Double(c) * columnWidth + min(columnWidth * 0.45, 40 + maxRadius + 30)
            var y = columnTop + headerHeight + 6
            let members = actors.indices.filter { actors[$0].predicted == bloc }
                .sorted { (-actors[$0].size, actors[$0].id) < (-actors[$1].size, actors[$1].id) }
            for k in members {
                let h = max(minRow, 2 * radius(actors[k]))
                centre[k] = (axis, y + h / 2)
                y += h + rowGap
            }
            columnBottom.append(y)
        }
        let height = (columnBottom.max() ?? columnTop + headerHeight) + 24
        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        if subtitleSpace > 0 {
            var parts: [String] = []
            if let energyToday { parts.append("energy today \(Format.fixed(energyToday, 6))") }
            if let energyPredicted { parts.append("predicted (global minimum) \(Format.fixed(energyPredicted, 6))") }
            svg.text(parts.joined(separator: ", "), x: theme.margin.left, y: 44, size: theme.labelSize,
                     color: theme.mutedText, extra: [("class", "subtitle")])
        }
        drawLegend(&svg, top: legendTop, theme: theme)
        // Column grounds and headers.
        for (c, bloc) in columns.enumerated() {
            let x0 = left + Double(c) * columnWidth
            svg.rect(x: x0 + 4, y: columnTop, width: columnWidth - 8, height: height - 12 - columnTop, fill: "#f7f7f7",
                     stroke: theme.grid, extra: [("class", "bloc-column"), ("data-bloc", blocName(bloc))])
            svg.rect(x: x0 + 14, y: columnTop + 9, width: 12, height: 12, fill: blocColor(bloc, theme))
            svg.text("predicted: \(blocName(bloc))", x: x0 + 32, y: columnTop + 19, size: theme.labelSize, weight: "600",
                     extra: [("class", "bloc-name")])
            let members = actors.filter { $0.predicted == bloc }
            let total = members.reduce(0) { $0 + max(0, $1.size) }
            let moved = members.filter(\.misplaced).count
            svg.text("\(members.count) actor\(members.count == 1 ? "" : "s"), size \(Format.fixed(total, 3))"
                     + (moved > 0 ? ", \(moved) from another bloc today" : ""),
                     x: x0 + 32, y: columnTop + 34, color: theme.mutedText)
        }
        // Ties under the circles: straight across columns, bowed to the left within one.
        let drawn = drawnTies()
        let heaviest = drawn.map { abs($0.weight) }.max() ?? 1
        for tie in drawn {
            let a = centre[tie.i], b = centre[tie.j]
            let width = 0.75 + 3.25 * abs(tie.weight) / heaviest
            let positive = tie.propensity > 0
            var attributes: [(String, String)]
            if a.x == b.x {
                let bow = min(abs(b.y - a.y) * 0.35, maxRadius + 30)
                let d = "M \(SVGWriter.number(a.x)) \(SVGWriter.number(a.y)) Q \(SVGWriter.number(a.x - 2 * bow)) "
                    + "\(SVGWriter.number((a.y + b.y) / 2)) \(SVGWriter.number(b.x)) \(SVGWriter.number(b.y))"
                attributes = [("d", d), ("fill", "none")]
            } else {
                attributes = [("x1", SVGWriter.number(a.x)), ("y1", SVGWriter.number(a.y)),
                              ("x2", SVGWriter.number(b.x)), ("y2", SVGWriter.number(b.y))]
            }
            attributes += [("stroke", positive ? theme.positive : theme.negative), ("stroke-width", SVGWriter.number(width)),
                           ("stroke-opacity", "0.7")]
            if !positive { attributes.append(("stroke-dasharray", "6 4")) }
            attributes += [("class", "tie \(positive ? "together" : "apart")"), ("data-actors", "\(actors[tie.i].id) \(actors[tie.j].id)"),
                           ("data-propensity", Format.fixed(tie.propensity, 4))]
            svg.element(a.x == b.x ? "path" : "line", attributes,
                        tooltip: "\(actors[tie.i].id)–\(actors[tie.j].id): propensity \(Format.fixed(tie.propensity, 3)), weight \(Format.fixed(tie.weight, 6))")
        }
        // Actors: circle (fill = bloc today) and label.
        for (k, actor) in actors.enumerated() {
            let r = radius(actor)
            var extra: [(String, String)] = [("class", actor.misplaced ? "actor misplaced" : "actor"), ("fill-opacity", "0.9"),
                                             ("data-actor", actor.id), ("data-size", Format.fixed(actor.size, 6)),
                                             ("data-today", blocName(actor.today)), ("data-predicted", blocName(actor.predicted))]
            extra.append(("stroke-width", actor.misplaced ? "2.5" : "1"))
            let tooltip = "\(actor.id): size \(Format.fixed(actor.size, 4)); today \(blocName(actor.today)), predicted \(blocName(actor.predicted))"
                + (actor.misplaced ? " (misplaced)" : "")
            svg.circle(cx: centre[k].x, cy: centre[k].y, r: r, fill: blocColor(actor.today, theme),
                       stroke: actor.misplaced ? theme.text : "#ffffff", extra: extra, tooltip: tooltip)
            svg.text(actor.id + (actor.misplaced ? " *" : ""), x: centre[k].x + max(r, 3) + 6, y: centre[k].y + 4,
                     size: theme.labelSize, weight: actor.misplaced ? "600" : nil,
                     extra: [("class", actor.misplaced ? "actor-label misplaced" : "actor-label"), ("stroke", "#ffffff"),
                             ("stroke-width", "4"), ("stroke-linejoin", "round"), ("paint-order", "stroke")])
        }
        let caption = "Columns are the blocs of the landscape's global minimum; each circle is an actor in the bloc the landscape puts it in, its area proportional to its capability and its colour its bloc today. A dark ring and * mark actors whose bloc today differs. Lines are the \(drawn.count) strongest ties (size × size × propensity): solid to be together, dashed to be apart."
        return Chart(id: "blocs", title: title, svg: svg.finish(), caption: caption)
    }

    /// Two rows: today's bloc colours; then the ring, the ties and the size key.
    private func drawLegend(_ svg: inout SVGWriter, top: Double, theme: ChartTheme) {
        var x = theme.margin.left
        let y1 = top + 12, y2 = top + 30
        svg.text("fill = bloc today:", x: x, y: y1 + 4, color: theme.mutedText)
        x += 100
        let used = Set(actors.map(\.today)).sorted()
        for bloc in used {
            svg.circle(cx: x + 6, cy: y1, r: 6, fill: blocColor(bloc, theme), extra: [("class", "legend-bloc")])
            let name = blocName(bloc)
            svg.text(name, x: x + 16, y: y1 + 4, color: theme.text)
            x += 30 + 6.5 * Double(name.count)
        }
        x = theme.margin.left
        svg.circle(cx: x + 6, cy: y2, r: 6, fill: "#ffffff", stroke: theme.text, extra: [("stroke-width", "2.5")])
        svg.text("* misplaced", x: x + 16, y: y2 + 4, color: theme.text, weight: "600")
        x += 100
        svg.line(x1: x, y1: y2, x2: x + 24, y2: y2, stroke: theme.positive, width: 2.5)
        svg.text("together (propensity > 0)", x: x + 30, y: y2 + 4, color: theme.mutedText)
        x += 180
        svg.line(x1: x, y1: y2, x2: x + 24, y2: y2, stroke: theme.negative, width: 2.5, dash: "6 4")
        svg.text("apart (< 0)", x: x + 30, y: y2 + 4, color: theme.mutedText)
        x += 104
        svg.text("circle area ∝ capability", x: x, y: y2 + 4, color: theme.mutedText)
    }
}
