import PactModel

/// One finished chart: a standalone SVG document and what a report needs around it.
public struct Chart: Hashable, Sendable {
    /// A short file-name stem, unique within a report (`ladder`, `members`, ...).
    public var id: String
    /// The title drawn on the chart and used as its `<title>` and caption.
    public var title: String
    /// The SVG document (`<svg xmlns=...>...</svg>`), every text escaped.
    public var svg: String
    /// How to read it, in a sentence, for the caption under the chart.
    public var caption: String

    public init(id: String, title: String, svg: String, caption: String) {
        self.id = id
        self.title = title
        self.svg = svg
        self.caption = caption
    }
}

/// The ladder's names for axes, from SPEC section 4 via `ResponseLevel`.
enum LadderLabels {
    /// `0 none` ... `5 deployment`.
    static func label(_ level: Int) -> String {
        ResponseLevelName.name(level).map { "\(level) \($0)" } ?? String(level)
    }
}

enum ResponseLevelName {
    static func name(_ level: Int) -> String? { ResponseLevel(rawValue: level)?.name }
}
