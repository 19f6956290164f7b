/// A table of text cells that renders aligned for a terminal, as CSV, or as Markdown.
///
/// Every tabular command output goes through this one type so that `--format table|csv|markdown`
/// mean the same thing everywhere.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    /// Appends a row; missing cells are blank, extra cells are a programming error.
    public mutating func append(_ cells: [String]) {
        precondition(cells.count <= columns.count, "row has more cells than the table has columns")
        rows.append(cells + Array(repeating: "", count: columns.count - cells.count))
    }

    /// Columns padded to their widest cell, two spaces apart, a rule under the header.
    public func renderAligned() -> String {
        let widths = columns.indices.map { index in
            max(columns[index].title.count, rows.map { $0[index].count }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { index -> String in
                let cell = cells[index]
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .right ? pad + cell : cell + pad
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        var lines = [line(columns.map(\.title))]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
    public func renderCSV() -> String {
        ([columns.map(\.title)] + rows).map { $0.map(TextTable.csvField).joined(separator: ",") }
            .joined(separator: "\n")
    }

    /// A GitHub-flavoured Markdown table; pipes in cells are escaped.
    public func renderMarkdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined()
        return ([line(columns.map(\.title)), rule] + rows.map(line)).joined(separator: "\n")
    }

    public static func csvField(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

extension TextTable {
    /// An HTML `<table>`; every cell and title is escaped, right-aligned columns get class `num`.
    public func renderHTML(caption: String? = nil) -> String {
        var lines = ["<table>"]
        if let caption { lines.append("<caption>\(Markup.escape(caption))</caption>") }
        func cell(_ tag: String, _ text: String, _ index: Int) -> String {
            let cls = columns[index].alignment == .right ? " class=\"num\"" : ""
            return "<\(tag)\(cls)>\(Markup.escape(text))</\(tag)>"
        }
        lines.append("<thead><tr>" + columns.indices.map { cell("th", columns[$0].title, $0) }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in rows {
            lines.append("<tr>" + row.indices.map { cell("td", row[$0], $0) }.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

    /// The table with every cell and title passed through `transform` (e.g. escaping for Markdown).
    public func mapCells(_ transform: (String) -> String) -> TextTable {
        var copy = TextTable(columns: columns.map { Column(transform($0.title), $0.alignment) })
        for row in rows { copy.append(row.map(transform)) }
        return copy
    }
}
