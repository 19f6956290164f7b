import Foundation

/// Builds one SVG document as text, escaping every string it is given.
///
/// Charts call the drawing methods in paint order; `finish()` wraps them in a standalone
/// `<svg>` element with the XML namespace, a `<title>` (read by screen readers and shown as a
/// tooltip) and a white ground, so the same text works inline in HTML and as a `.svg` file.
public struct SVGWriter {
    public let width: Double
    public let height: Double
    public let theme: ChartTheme
    private let title: String
    private var body: [String] = []

    public init(width: Double, height: Double, title: String, theme: ChartTheme) {
        self.width = width
        self.height = height
        self.title = title
        self.theme = theme
    }

    /// A number for an SVG attribute: at most two decimals, no exponent, no locale.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), rounded)
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(Markup.escape($0.1))\"" }.joined()
    }

    /// Any element without content; `attributes` values are escaped.
    public mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
        if let tooltip {
            body.append("<\(name)\(Self.attributes(attributes))><title>\(Markup.escape(tooltip))</title></\(name)>")
        } else {
            body.append("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, extra: [(String, String)] = [], tooltip: String? = nil) {
        var a: [(String, String)] = [("x", Self.number(x)), ("y", Self.number(y)),
                                     ("width", Self.number(max(0, width))), ("height", Self.number(max(0, height))),
                                     ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("rect", a + extra, tooltip: tooltip)
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                              dash: String? = nil, extra: [(String, String)] = []) {
        var a: [(String, String)] = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
                                     ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a + extra)
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
                                extra: [(String, String)] = [], tooltip: String? = nil) {
        var a: [(String, String)] = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("circle", a + extra, tooltip: tooltip)
    }

    /// A polyline through `points` (no fill).
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil,
                                  extra: [(String, String)] = []) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        var a: [(String, String)] = [("points", list), ("fill", "none"), ("stroke", stroke),
                                     ("stroke-width", Self.number(width)), ("stroke-linejoin", "round")]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("polyline", a + extra)
    }

    /// A closed filled polygon.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil,
                                 extra: [(String, String)] = [], tooltip: String? = nil) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        var a: [(String, String)] = [("points", list), ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("polygon", a + extra, tooltip: tooltip)
    }

    public enum Anchor: String { case start, middle, end }

    /// A line of text; `text` is escaped. `rotate` turns it about its anchor point (for a y-axis label).
    public mutating func text(_ text: String, x: Double, y: Double, size: Double? = nil, anchor: Anchor = .start,
                              color: String? = nil, weight: String? = nil, rotate: Double? = nil,
                              extra: [(String, String)] = []) {
        var a: [(String, String)] = [("x", Self.number(x)), ("y", Self.number(y)),
                                     ("font-size", Self.number(size ?? theme.tickSize)), ("fill", color ?? theme.text)]
        if anchor != .start { a.append(("text-anchor", anchor.rawValue)) }
        if let weight { a.append(("font-weight", weight)) }
        if let rotate { a.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))")) }
        body.append("<text\(Self.attributes(a + extra))>\(Markup.escape(text))</text>")
    }

    /// The chart's visible title, top left.
    public mutating func heading(_ text: String) {
        self.text(text, x: theme.margin.left, y: 24, size: theme.titleSize, weight: "600", extra: [("class", "chart-title")])
    }

    /// A label under the plot area, centred on it.
    public mutating func xAxisLabel(_ text: String, plot: PlotArea, below: Double = 40) {
        self.text(text, x: plot.x + plot.width / 2, y: plot.y + plot.height + below, size: theme.labelSize,
                  anchor: .middle, color: theme.mutedText, extra: [("class", "axis-label x-axis-label")])
    }

    /// A label left of the plot area, rotated to read bottom to top.
    public mutating func yAxisLabel(_ text: String, plot: PlotArea) {
        let x = 16.0, y = plot.y + plot.height / 2
        self.text(text, x: x, y: y, size: theme.labelSize, anchor: .middle, color: theme.mutedText, rotate: -90,
                  extra: [("class", "axis-label y-axis-label")])
    }

    /// A y-axis label written as a header above a column of row labels (for charts whose rows are
    /// named, where a rotated label would collide with the names).
    public mutating func yAxisHeader(_ text: String, x: Double, y: Double, anchor: Anchor = .end) {
        self.text(text, x: x, y: y, size: theme.labelSize, anchor: anchor, color: theme.mutedText, weight: "600",
                  extra: [("class", "axis-label y-axis-label")])
    }

    /// Opens a group; close it with `close("g")`.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body.append("<\(name)\(Self.attributes(attributes))>")
    }

    public mutating func close(_ name: String) { body.append("</\(name)>") }

    /// The finished document.
    public func finish() -> String {
        var lines: [String] = []
        lines.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" font-family=\"\(Markup.escape(theme.fontFamily))\">")
        lines.append("<title>\(Markup.escape(title))</title>")
        lines.append("<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(Markup.escape(theme.background))\"/>")
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }
}

/// The rectangle inside the margins where a chart draws its data.
public struct PlotArea: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    /// The area inside `theme`'s margins of a `width` x `height` chart.
    public init(width: Double, height: Double, theme: ChartTheme, extraLeft: Double = 0, extraRight: Double = 0) {
        let m = theme.margin
        self.init(x: m.left + extraLeft, y: m.top, width: width - m.left - m.right - extraLeft - extraRight,
                  height: height - m.top - m.bottom)
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// A linear map from data values to pixels.
public struct LinearScale: Hashable, Sendable {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// When true, the domain's lower bound maps to the range's upper bound (y axes grow upward).
    public var inverted: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool = false) {
        self.domain = domain.lowerBound == domain.upperBound
            ? domain.lowerBound...(domain.lowerBound + 1) : domain
        self.range = range
        self.inverted = inverted
    }

    public func callAsFunction(_ value: Double) -> Double {
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        let u = inverted ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }

    /// About `count` round tick values (steps of 1, 2 or 5 times a power of ten) inside the domain.
    public func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        let raw = span / Double(max(1, count))
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        var ticks: [Double] = []
        var value = (domain.lowerBound / step).rounded(.up) * step
        while value <= domain.upperBound + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// `value` printed with as many decimals as the tick spacing of `ticks` needs (0.5 -> "0.5", 2 -> "2").
    public static func tickLabel(_ value: Double, among ticks: [Double]) -> String {
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 1
        let decimals = step >= 1 ? 0 : min(4, Int((-log10(step)).rounded(.up)))
        return Format.fixed(value, decimals)
    }

    /// A domain from 0 (or the data's minimum if negative) up to a round number above `maxValue`.
    public static func niceUpperBound(_ maxValue: Double) -> Double {
        guard maxValue > 0 else { return 1 }
        let power = pow(10, floor(log10(maxValue)))
        return [1.0, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * power }.first { $0 >= maxValue } ?? 10 * power
    }
}
