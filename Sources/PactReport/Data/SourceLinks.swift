/// A source citation split into plain text and web addresses, so a page can make each address
/// a link and leave the words around it whole.
///
/// Only `http://` and `https://` addresses become links; an address ends at the first space, and
/// punctuation that closes a sentence or a list (`,;.)`) is left outside it.
public enum SourceLinks {
    public struct Part: Equatable, Sendable {
        public var text: String
        /// The address when this part is one, nil for plain text.
        public var url: String?

        public init(text: String, url: String? = nil) {
            self.text = text
            self.url = url
        }
    }

    public static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var plain = ""
        var rest = Substring(text)
        while let start = rest.range(of: "http://") ?? rest.range(of: "https://") {
            // The earlier of the two schemes.
            let first = [rest.range(of: "http://"), rest.range(of: "https://")].compactMap { $0 }
                .min { $0.lowerBound < $1.lowerBound } ?? start
            plain += rest[..<first.lowerBound]
            var end = rest[first.lowerBound...].firstIndex(where: \.isWhitespace) ?? rest.endIndex
            while end > first.upperBound, ",;.)".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            if end == first.upperBound {
                // A bare scheme with no address after it: plain text.
                plain += rest[first.lowerBound..<end]
            } else {
                if !plain.isEmpty { parts.append(Part(text: plain)) }
                plain = ""
                let address = String(rest[first.lowerBound..<end])
                parts.append(Part(text: address, url: address))
            }
            rest = rest[end...]
        }
        plain += rest
        if !plain.isEmpty { parts.append(Part(text: plain)) }
        return parts
    }
}
