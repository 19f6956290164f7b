/// The look shared by every Pact chart: one font stack, one palette, one set of margins.
///
/// Print-friendly on purpose: white ground, dark text, thin grey grid, no gradients or
/// transparency tricks that printers drop. The series palette is Okabe and Ito's, which stays
/// distinct for the common colour-vision deficiencies, with its yellow and black replaced by Paul
/// Tol's wine, green and olive so that every colour also reads as text on white and none is
/// confused with the black median line. Charts read the theme; nothing else sets a colour or a size.
public struct ChartTheme: Hashable, Sendable {
    public var fontFamily: String
    public var titleSize: Double
    public var labelSize: Double
    public var tickSize: Double
    public var width: Double
    /// Space around the plot area for the title, tick labels and axis labels.
    public var margin: Margins
    public var text: String
    public var mutedText: String
    public var grid: String
    public var axis: String
    public var background: String
    /// The main series colour (bars, the forecast's own marks).
    public var primary: String
    /// The emphasised mark (the modal level, the crisis location).
    public var accent: String
    /// Categorical colours for series by index (contributors, actors).
    public var series: [String]
    public var support: String
    public var abstain: String
    public var block: String
    public var positive: String
    public var negative: String

    public struct Margins: Hashable, Sendable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double
        public init(top: Double, right: Double, bottom: Double, left: Double) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }
    }

    public init(fontFamily: String, titleSize: Double, labelSize: Double, tickSize: Double, width: Double,
                margin: Margins, text: String, mutedText: String, grid: String, axis: String, background: String,
                primary: String, accent: String, series: [String], support: String, abstain: String, block: String,
                positive: String, negative: String) {
        self.fontFamily = fontFamily
        self.titleSize = titleSize
        self.labelSize = labelSize
        self.tickSize = tickSize
        self.width = width
        self.margin = margin
        self.text = text
        self.mutedText = mutedText
        self.grid = grid
        self.axis = axis
        self.background = background
        self.primary = primary
        self.accent = accent
        self.series = series
        self.support = support
        self.abstain = abstain
        self.block = block
        self.positive = positive
        self.negative = negative
    }

    /// Pact's house style: 720 px wide, system sans-serif, Okabe-Ito colours.
    public static let standard = ChartTheme(
        fontFamily: "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Helvetica, Arial, sans-serif",
        titleSize: 15, labelSize: 12, tickSize: 11, width: 720,
        margin: Margins(top: 44, right: 24, bottom: 52, left: 64),
        text: "#1a1a1a", mutedText: "#5a5a5a", grid: "#e3e3e3", axis: "#8a8a8a", background: "#ffffff",
        primary: "#0072B2", accent: "#D55E00",
        series: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255", "#117733", "#999933", "#AA4499"],
        support: "#009E73", abstain: "#E69F00", block: "#D55E00",
        positive: "#0072B2", negative: "#D55E00")

    /// The colour of series `index`, cycling through the palette.
    public func seriesColor(_ index: Int) -> String { series[index % series.count] }
}
