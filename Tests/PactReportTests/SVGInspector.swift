import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed SVG (or any XML) document: every element with its attributes and text, in document
/// order. Parsing fails, and so does the test, when the text is not well-formed XML.
struct SVGInspector {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    let elements: [Element]

    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        elements = delegate.finished
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var description: String { "not well-formed XML at line \(line): \(message)" }
    }

    /// Elements with `name` (and, if given, the class `cls`).
    func all(_ name: String? = nil, class cls: String? = nil) -> [Element] {
        elements.filter { e in (name == nil || e.name == name) && (cls == nil || e.classes.contains(cls!)) }
    }

    /// The document's `<title>`: the first child of the root `<svg>`.
    var title: String? { elements.first { $0.name == "title" }?.text }

    /// Every text drawn with `<text>`, in order.
    var texts: [String] { all("text").map(\.text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var finished: [Element] = []
        var order: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(Element(name: elementName, attributes: attributeDict, text: ""))
            finished.append(stack.last!)
            order.append(finished.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
            finished[order.last!].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
            order.removeLast()
        }
    }
}
