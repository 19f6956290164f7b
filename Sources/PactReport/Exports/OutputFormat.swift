/// The forms Pact writes its results in. One enumeration for every command and renderer: aligned
/// text tables, JSON (each document with a schema), CSV (one tidy table), Markdown and HTML.
/// Not every output comes in every form; the commands say which.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown, html

    /// A format by name; `md` is accepted for `markdown`, as the file extension suggests.
    public init?(name: String) {
        self.init(rawValue: name == "md" ? "markdown" : name)
    }
}
