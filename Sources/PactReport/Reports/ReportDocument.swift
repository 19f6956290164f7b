import Foundation

/// A report as a sequence of blocks, rendered to one self-contained HTML page or to Markdown
/// with the charts as SVG files beside it.
///
/// Every report Pact writes (a crisis run, a backtest, a bargaining run) is built as a
/// `ReportDocument`, so they share one look and one escaping path: blocks hold plain text, and
/// only the renderers turn it into markup.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(String)
        case subheading(String)
        case paragraph(String)
        case list([String])
        /// Label-value pairs shown as a two-column definition table.
        case facts([(String, String)])
        case table(TextTable, caption: String?)
        case chart(Chart)
        /// Text shown verbatim in a monospaced block (a command line).
        case code(String)
        /// A muted note in smaller type.
        case note(String)
    }

    public var title: String
    public var subtitle: String?
    public var blocks: [Block]

    public init(title: String, subtitle: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
    }

    public mutating func append(_ block: Block) { blocks.append(block) }

    /// Every chart in the report, in order.
    public var charts: [Chart] {
        blocks.compactMap { if case .chart(let chart) = $0 { chart } else { nil } }
    }

    /// One HTML file: inline CSS, charts as inline SVG, no script and no external resource.
    public func html() -> String {
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        out.append("<title>\(Markup.escape(title))</title>")
        out.append("<style>\n\(Self.css)\n</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<main>")
        out.append("<header><h1>\(Markup.escape(title))</h1>")
        if let subtitle { out.append("<p class=\"subtitle\">\(Markup.escape(subtitle))</p>") }
        out.append("</header>")
        var sectionOpen = false
        for block in blocks {
            switch block {
            case .heading(let text):
                if sectionOpen { out.append("</section>") }
                out.append("<section>")
                sectionOpen = true
                out.append("<h2>\(Markup.escape(text))</h2>")
            case .subheading(let text):
                out.append("<h3>\(Markup.escape(text))</h3>")
            case .paragraph(let text):
                out.append("<p>\(Markup.escape(text))</p>")
            case .list(let items):
                out.append("<ul>" + items.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>")
            case .facts(let pairs):
                out.append("<table class=\"facts\"><tbody>")
                for (label, value) in pairs {
                    out.append("<tr><th scope=\"row\">\(Markup.escape(label))</th><td>\(Markup.escape(value))</td></tr>")
                }
                out.append("</tbody></table>")
            case .table(let table, let caption):
                out.append("<div class=\"table-wrap\">" + table.renderHTML(caption: caption) + "</div>")
            case .chart(let chart):
                out.append("<figure id=\"chart-\(Markup.escape(chart.id))\">")
                out.append(chart.svg)
                out.append("<figcaption>\(Markup.escape(chart.caption))</figcaption>")
                out.append("</figure>")
            case .code(let text):
                out.append("<pre><code>\(Markup.escape(text))</code></pre>")
            case .note(let text):
                out.append("<p class=\"note\">\(Markup.escape(text))</p>")
            }
        }
        if sectionOpen { out.append("</section>") }
        out.append("</main>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown with each chart as an image link `PREFIX-ID.svg`; `images` are the files to write
    /// beside it (name and SVG text).
    public func markdown(imagePrefix: String) -> (text: String, images: [(name: String, svg: String)]) {
        var out: [String] = ["# " + Markup.escapeMarkdown(title)]
        if let subtitle { out.append("_" + Markup.escapeMarkdown(subtitle) + "_") }
        var images: [(name: String, svg: String)] = []
        for block in blocks {
            switch block {
            case .heading(let text): out.append("## " + Markup.escapeMarkdown(text))
            case .subheading(let text): out.append("### " + Markup.escapeMarkdown(text))
            case .paragraph(let text): out.append(Markup.escapeMarkdown(text))
            case .list(let items): out.append(items.map { "- " + Markup.escapeMarkdown($0) }.joined(separator: "\n"))
            case .facts(let pairs):
                var table = TextTable(columns: [.init("item"), .init("value")])
                for (label, value) in pairs { table.append([label, value]) }
                out.append(table.mapCells(Self.markdownCell).renderMarkdown())
            case .table(let table, let caption):
                var text = ""
                if let caption { text += "**" + Markup.escapeMarkdown(caption) + "**\n\n" }
                out.append(text + table.mapCells(Self.markdownCell).renderMarkdown())
            case .chart(let chart):
                let name = "\(imagePrefix)-\(chart.id).svg"
                images.append((name, chart.svg))
                out.append("![\(Markup.escapeMarkdown(chart.title))](\(Self.linkTarget(name)))\n\n_\(Markup.escapeMarkdown(chart.caption))_")
            case .code(let text):
                let fence = text.contains("```") ? "~~~~" : "```"
                out.append(fence + "\n" + text + "\n" + fence)
            case .note(let text): out.append("> " + Markup.escapeMarkdown(text))
            }
        }
        return (out.joined(separator: "\n\n") + "\n", images)
    }

    /// Free text as written in a YAML block (hard-wrapped lines, blank lines between paragraphs,
    /// `- ` items, continued by indented lines) turned into paragraphs and lists, so it reflows to the page's width.
    public static func reflow(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var items: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !items.isEmpty { blocks.append(.list(items)) }
            paragraph = []
            items = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty {
                    blocks.append(.paragraph(paragraph.joined(separator: " ")))
                    paragraph = []
                }
                items.append(String(line.dropFirst(2)))
            } else if !items.isEmpty, raw.first == " " || raw.first == "\t" {
                // An indented line continues the item above; an unindented one starts a paragraph.
                items[items.count - 1] += " " + line
            } else if !items.isEmpty {
                flush()
                paragraph.append(line)
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    /// A table cell for Markdown: markup characters escaped, pipes left to `renderMarkdown`.
    static func markdownCell(_ text: String) -> String {
        Markup.escapeMarkdown(text).replacingOccurrences(of: "\\|", with: "|")
    }

    /// A relative link target, percent-encoding what would end or break it.
    static func linkTarget(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The page's style: readable measure, print-friendly, charts scale down on narrow screens.
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f4f4f2; color: #1a1a1a;
      font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Helvetica, Arial, sans-serif; }
    main { max-width: 820px; margin: 0 auto; padding: 32px 40px 48px; background: #ffffff; }
    header { border-bottom: 3px solid #0072B2; margin-bottom: 8px; padding-bottom: 10px; }
    h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; }
    .subtitle { color: #5a5a5a; margin: 0; }
    h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #dddddd; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    p, ul { margin: 8px 0; }
    li { margin: 3px 0; }
    table { border-collapse: collapse; margin: 10px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
    td:first-child, th:first-child { white-space: nowrap; }
    thead th { border-bottom: 2px solid #8a8a8a; font-weight: 600; }
    td.num, th.num { text-align: right; }
    table.facts th { font-weight: 600; color: #444444; white-space: nowrap; padding-right: 18px; }
    .table-wrap { overflow-x: auto; }
    figure { margin: 18px 0 22px; }
    figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #eeeeee; }
    figcaption { color: #5a5a5a; font-size: 13px; margin-top: 6px; }
    pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: 10px 12px; overflow-x: auto; font-size: 13px; }
    code { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
    .note { color: #5a5a5a; font-size: 13px; }
    @media print {
      body { background: #ffffff; }
      main { max-width: none; padding: 0; }
      figure, tr { break-inside: avoid; }
      h2 { break-after: avoid; }
    }
    """
}
