import Foundation
import PactModel

/// What a schematic map shows: places by their coordinates, no coastlines or borders.
public struct MapData: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, CaseIterable {
        /// The crisis location.
        case location
        /// A full member on the day.
        case member
        /// A frozen or suspended member: still bound by the treaty, not deciding.
        case inactiveMember = "inactive-member"
        /// The adversary state, or another actor the scenario names.
        case other
    }

    public struct Place: Hashable, Sendable {
        public var id: String
        public var name: String
        public var coordinates: Coordinates
        public var roles: [Role]
        public init(id: String, name: String, coordinates: Coordinates, roles: [Role]) {
            self.id = id
            self.name = name
            self.coordinates = coordinates
            self.roles = roles
        }
    }

    public struct Site: Hashable, Sendable {
        public var name: String
        public var coordinates: Coordinates
        public var detail: String
        public init(name: String, coordinates: Coordinates, detail: String) {
            self.name = name
            self.coordinates = coordinates
            self.detail = detail
        }
    }

    public var places: [Place]
    /// The lead state's bases abroad (Russian bases for the CSTO).
    public var bases: [Site]
    /// Whose bases they are, for the legend ("Russian bases" reads better than "RUS bases").
    public var baseOwner: String
    /// Actors in the scenario too far away to draw without shrinking the region to a dot, named
    /// in the legend with their distance from the crisis location instead.
    public var offMap: [Distant]

    public struct Distant: Hashable, Sendable {
        public var name: String
        public var distanceKm: Double
        public init(name: String, distanceKm: Double) {
            self.name = name
            self.distanceKm = distanceKm
        }
    }

    public init(places: [Place], bases: [Site], baseOwner: String, offMap: [Distant] = []) {
        self.places = places
        self.bases = bases
        self.baseOwner = baseOwner
        self.offMap = offMap
    }

    /// How far from the crisis location an adversary may be and still be drawn: beyond this the
    /// map would span continents and the members would crowd into one corner.
    public static let adversaryReachKm = 3000.0

    /// The organization's parties on the snapshot's day, the crisis location and the adversary
    /// state (if any, and within `adversaryReachKm` of the location; otherwise listed in `offMap`),
    /// each at its capital, and the lead state's open bases.
    public static func crisis(_ crisis: Crisis?, snapshot: DatasetSnapshot) -> MapData {
        var order: [ActorID] = []
        var roles: [ActorID: [Role]] = [:]
        func add(_ id: ActorID, _ role: Role) {
            guard snapshot.actors[id] != nil else { return }
            if roles[id] == nil { order.append(id) }
            if !(roles[id] ?? []).contains(role) { roles[id, default: []].append(role) }
        }
        let members = Set(snapshot.members)
        for id in snapshot.parties { add(id, members.contains(id) ? .member : .inactiveMember) }
        var offMap: [Distant] = []
        if let crisis {
            add(crisis.location, .location)
            if let adversary = crisis.adversary.actor {
                let distance = snapshot.distance(from: adversary, to: crisis.location) ?? 0
                if distance <= adversaryReachKm || roles[adversary] != nil {
                    add(adversary, .other)
                } else if let actor = snapshot.actors[adversary] {
                    offMap.append(Distant(name: actor.name, distanceKm: distance))
                }
            }
        }
        let places = order.map { id in
            Place(id: id.rawValue, name: snapshot.actors[id]!.name, coordinates: snapshot.actors[id]!.capital, roles: roles[id]!)
        }
        let lead = snapshot.leadState
        let bases = snapshot.bases.filter { $0.user == lead && $0.host != lead }
            .sorted { $0.id < $1.id }
            .map { Site(name: $0.name, coordinates: $0.coordinates, detail: "\($0.place), \(snapshot.actors[$0.host]?.name ?? $0.host.rawValue)") }
        let owner = snapshot.actors[lead]?.name ?? lead.rawValue
        return MapData(places: places, bases: bases, baseOwner: owner, offMap: offMap)
    }
}

/// A map: country borders (Natural Earth 1:110m), capitals and bases placed by longitude and
/// latitude in an equirectangular projection of their bounding box (longitude scaled by the
/// cosine of the box's middle latitude so that distances look right in the middle), members'
/// territory shaded and the crisis location ringed.
public struct MapChart: Sendable {
    public var data: MapData
    public var title: String
    /// The outlines drawn under the places; nil draws places on a bare grid.
    public var borders: CountryBorders?

    public init(_ data: MapData, title: String = "Map: members, crisis location and bases",
                borders: CountryBorders? = CountryBorders.shipped) {
        self.data = data
        self.title = title
        self.borders = borders
    }

    public func render(_ theme: ChartTheme = .standard) -> Chart {
        let coordinates = data.places.map(\.coordinates) + data.bases.map(\.coordinates)
        var minLon = coordinates.map(\.longitude).min() ?? 0, maxLon = coordinates.map(\.longitude).max() ?? 1
        var minLat = coordinates.map(\.latitude).min() ?? 0, maxLat = coordinates.map(\.latitude).max() ?? 1
        // Pad the box so labels fit, at least 2 degrees each way (more on the right for names).
        let spanLon = maxLon - minLon, spanLat = maxLat - minLat
        minLon -= max(2, spanLon * 0.06); maxLon += max(3, spanLon * 0.12)
        minLat -= max(2, spanLat * 0.1); maxLat += max(2, spanLat * 0.1)
        let aspect = cos((minLat + maxLat) / 2 * .pi / 180)
        let degreesWide = (maxLon - minLon) * aspect, degreesHigh = maxLat - minLat
        var plot = PlotArea(width: theme.width, height: 100, theme: theme)
        plot.height = max(200, min(520, plot.width * degreesHigh / max(1e-9, degreesWide)))
        // Keep the scale equal on both axes: widen whichever range is short.
        let pxPerDegree = min(plot.width / degreesWide, plot.height / degreesHigh)
        let midLon = (minLon + maxLon) / 2, midLat = (minLat + maxLat) / 2
        let halfLon = plot.width / pxPerDegree / aspect / 2, halfLat = plot.height / pxPerDegree / 2
        let x = LinearScale(domain: (midLon - halfLon)...(midLon + halfLon), range: plot.x...plot.maxX)
        let y = LinearScale(domain: (midLat - halfLat)...(midLat + halfLat), range: plot.y...plot.maxY, inverted: true)
        // Bases numbered west to east, listed under the map.
        let bases = data.bases.sorted { ($0.coordinates.longitude, $0.name) < ($1.coordinates.longitude, $1.name) }
        let legendRows = 1 + bases.count + data.offMap.count
        let legendTop = plot.maxY + 56
        let height = legendTop + Double(legendRows) * 16 + 14

        var svg = SVGWriter(width: theme.width, height: height, title: title, theme: theme)
        svg.heading(title)
        svg.rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height, fill: borders == nil ? "#f7f9fb" : Self.water,
                 stroke: theme.grid)
        if let borders { drawCountries(borders, into: &svg, plot: plot, x: x, y: y, theme: theme) }
        let lonTicks = x.ticks(8), latTicks = y.ticks(5)
        for tick in lonTicks {
            svg.line(x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.maxY, stroke: theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: lonTicks) + "°", x: x(tick), y: plot.maxY + 16, anchor: .middle,
                     color: theme.mutedText)
        }
        for tick in latTicks {
            svg.line(x1: plot.x, y1: y(tick), x2: plot.maxX, y2: y(tick), stroke: theme.grid)
            svg.text(LinearScale.tickLabel(tick, among: latTicks) + "°", x: plot.x - 6, y: y(tick) + 4, anchor: .end,
                     color: theme.mutedText)
        }
        // Bases first, so capitals draw over them.
        for (i, base) in bases.enumerated() {
            let bx = x(base.coordinates.longitude), by = y(base.coordinates.latitude)
            svg.polygon([(bx, by - 7), (bx + 6.5, by + 5), (bx - 6.5, by + 5)], fill: theme.accent, stroke: "#ffffff",
                        extra: [("class", "point base"), ("data-name", base.name)],
                        tooltip: "\(base.name): \(base.detail)")
            svg.text(String(i + 1), x: bx, y: by + 17, size: theme.tickSize, anchor: .middle, color: theme.accent,
                     weight: "600", extra: [("paint-order", "stroke"), ("stroke", "#f7f9fb"), ("stroke-width", "3")])
        }
        let location = data.places.first { $0.roles.contains(.location) }
        for place in data.places {
            let px = x(place.coordinates.longitude), py = y(place.coordinates.latitude)
            let isLocation = place.roles.contains(.location)
            if isLocation {
                svg.circle(cx: px, cy: py, r: 14, fill: "none", stroke: theme.accent,
                           extra: [("stroke-width", "3"), ("class", "crisis-location")])
            }
            svg.circle(cx: px, cy: py, r: 6.5, fill: color(place, theme), stroke: "#ffffff",
                       extra: [("class", "point place"), ("data-id", place.id),
                               ("data-roles", place.roles.map(\.rawValue).joined(separator: " "))],
                       tooltip: "\(place.name) (\(place.roles.map(\.rawValue).joined(separator: ", ")))")
            svg.text(place.name, x: px + (isLocation ? 17 : 10), y: py - 6, size: theme.labelSize, color: theme.text,
                     weight: isLocation ? "600" : nil,
                     extra: [("paint-order", "stroke"), ("stroke", "#f7f9fb"), ("stroke-width", "3")])
        }
        svg.xAxisLabel("longitude (degrees east)", plot: plot)
        svg.yAxisLabel("latitude (degrees north)", plot: plot)
        // Legend under the map: symbols on the first row, the numbered bases in two columns below.
        var lx = plot.x
        let ly = legendTop
        func key(_ label: String, _ draw: (inout SVGWriter, Double) -> Void) {
            draw(&svg, lx + 7)
            svg.text(label, x: lx + 18, y: ly + 4, color: theme.text)
            lx += 34 + Double(label.count) * 6.6
        }
        key("member (capital)") { $0.circle(cx: $1, cy: ly, r: 6, fill: theme.primary) }
        if data.places.contains(where: { $0.roles.contains(.inactiveMember) }) {
            key("frozen or suspended member") { $0.circle(cx: $1, cy: ly, r: 6, fill: "#9bbcd6") }
        }
        if data.places.contains(where: { !$0.roles.contains(.member) && !$0.roles.contains(.inactiveMember) }) {
            key("adversary") { $0.circle(cx: $1, cy: ly, r: 6, fill: theme.mutedText) }
        }
        if let location {
            key("crisis: \(location.name)") {
                $0.circle(cx: $1, cy: ly, r: 8, fill: "none", stroke: theme.accent, extra: [("stroke-width", "3")])
            }
        }
        if !bases.isEmpty {
            key("\(data.baseOwner) base") { $0.polygon([($1, ly - 7), ($1 + 6.5, ly + 5), ($1 - 6.5, ly + 5)], fill: theme.accent) }
        }
        for (i, place) in data.offMap.enumerated() {
            svg.text("Off the map: \(place.name), \(Format.grouped(place.distanceKm)) km from \(location?.name ?? "the crisis")",
                     x: plot.x, y: ly + 21 + Double(bases.count + i) * 16, size: theme.tickSize, color: theme.text,
                     extra: [("class", "off-map")])
        }
        for (i, base) in bases.enumerated() {
            svg.text("\(i + 1)  \(base.name), \(base.detail)", x: plot.x, y: ly + 21 + Double(i) * 16,
                     size: theme.tickSize, color: theme.mutedText, extra: [("class", "base-key")])
        }
        if let borders {
            svg.text(borders.credit, x: plot.maxX - 4, y: plot.maxY - 6, anchor: .end, color: theme.mutedText,
                     extra: [("class", "credit"), ("paint-order", "stroke"), ("stroke", Self.water), ("stroke-width", "3")])
        }
        let caption = borders.map { b in
            "Capitals and the lead state's bases abroad placed by coordinates (equirectangular projection), members' territory shaded: "
                + "the distances that drive cost and arrival times in the model. Borders: \(b.attribution)"
        } ?? "Capitals and the lead state's bases abroad placed by coordinates (equirectangular, no borders drawn): a schematic of the distances that drive cost and arrival times in the model."
        return Chart(id: "map", title: title, svg: svg.finish(), caption: caption)
    }

    static let water = "#f8fbfd"
    static let land = "#ebe8df"

    /// Every country as one SVG path, clipped to the plot; members' and the crisis location's
    /// territory shaded by role, the rest plain land. Country lines stay thin so places read first.
    private func drawCountries(_ borders: CountryBorders, into svg: inout SVGWriter, plot: PlotArea,
                               x: LinearScale, y: LinearScale, theme: ChartTheme) {
        let roles = Dictionary(data.places.map { ($0.id, $0.roles) }, uniquingKeysWith: { a, _ in a })
        svg.open("defs")
        svg.open("clipPath", [("id", "map-plot")])
        svg.rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height, fill: "#000")
        svg.close("clipPath")
        svg.close("defs")
        svg.open("g", [("clip-path", "url(#map-plot)"), ("class", "countries")])
        for country in borders.countries {
            let d = country.rings.map { ring in
                ring.enumerated().map { i, p in
                    (i == 0 ? "M" : "L") + SVGWriter.number(x(p[0])) + " " + SVGWriter.number(y(p[1]))
                }.joined() + "Z"
            }.joined()
            let role = roles[country.id] ?? []
            let fill = role.contains(.location) ? "#f3cdb3"
                : role.contains(.member) ? "#b9d6ee"
                : role.contains(.inactiveMember) ? "#d9e4ec" : Self.land
            svg.element("path", [("d", d), ("fill", fill), ("stroke", "#9aa3ad"), ("stroke-width", "0.8"),
                                 ("stroke-linejoin", "round"), ("class", "country"), ("data-id", country.id)],
                        tooltip: country.name)
        }
        svg.close("g")
    }

    private func color(_ place: MapData.Place, _ theme: ChartTheme) -> String {
        if place.roles.contains(.member) { return theme.primary }
        if place.roles.contains(.inactiveMember) { return "#9bbcd6" }
        return theme.mutedText
    }
}
