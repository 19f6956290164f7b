/// Refuses YAML aliases (`*name`) before the document is composed.
///
/// An alias repeats an anchored node without repeating its text, so a few hundred bytes of
/// nested aliases stand for billions of nodes ("billion laughs"). The composer shares them
/// cheaply, but anything that walks or hashes the tree (the composer itself does, to find
/// duplicate keys, when an alias is used as a key) takes time exponential in the text. Pact's
/// files never need aliases: every value is written out. So a document that uses one is
/// refused with its line, before any work is spent on it.
///
/// The scan is lexical: it follows quoted scalars, comments, flow collections and block scalars
/// far enough to find `*` where a node starts. A `*` inside text (a quoted string, a block
/// scalar, the middle of a plain scalar) is not an alias and passes. It errs on the side of
/// refusing: a plain multi-line scalar whose continuation line starts with `*` is refused too,
/// with a message that says to quote it.
enum AliasGuard {
    struct Problem {
        var line: Int
        var message: String
    }

    static func problem(in text: String) -> Problem? {
        // Most documents have no '*' at all.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var scanner = Scanner()
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            if let alias = scanner.scan(Array(line.unicodeScalars)) {
                return Problem(line: number, message: "'*\(YAMLField.excerpt(alias, limit: 80))' is a YAML alias; Pact's files do not use anchors and "
                    + "aliases: write the value out (text that starts with '*' must be quoted)")
            }
        }
        return nil
    }

    /// The state carried from one line to the next.
    struct Scanner {
        enum Quote { case none, single, double }
        var quote = Quote.none
        var flowDepth = 0
        /// Inside a block scalar (`|` or `>`): lines indented more than this are its text.
        var blockIndent: Int?

        /// The alias name when `line` uses one at the start of a node.
        mutating func scan(_ line: [Unicode.Scalar]) -> String? {
            let indent = line.prefix { $0 == " " }.count
            if let parent = blockIndent {
                let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
                if blank || indent > parent { return nil }
                blockIndent = nil
            }
            var index = 0
            // A line starts a node unless it continues a quoted scalar.
            var nodeStart = quote == .none
            while index < line.count {
                let c = line[index]
                switch quote {
                case .double:
                    if c == "\\" { index += 2; continue }
                    if c == "\"" { quote = .none; nodeStart = false }
                    index += 1
                    continue
                case .single:
                    if c == "'" {
                        if index + 1 < line.count, line[index + 1] == "'" { index += 2; continue }
                        quote = .none
                        nodeStart = false
                    }
                    index += 1
                    continue
                case .none:
                    break
                }
                let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
                let nextIsBlank = next.map { $0 == " " || $0 == "\t" || $0 == "\r" } ?? true
                if c == " " || c == "\t" || c == "\r" { index += 1; continue }
                if c == "#", index == 0 || line[index - 1] == " " || line[index - 1] == "\t" { return nil }
                if nodeStart {
                    if c == "*" {
                        let name = line[(index + 1)...].prefix { !" \t\r,[]{}".unicodeScalars.contains($0) }
                        if !name.isEmpty { return String(String.UnicodeScalarView(name)) }
                        nodeStart = false
                    } else if c == "\"" || c == "'" {
                        quote = c == "\"" ? .double : .single
                        index += 1
                        continue
                    } else if c == "[" || c == "{" {
                        flowDepth += 1
                        index += 1
                        continue
                    } else if (c == "-" || c == "?" || c == ":") && nextIsBlank {
                        index += 1
                        continue
                    } else if c == "&" || c == "!" {
                        // An anchor or a tag: the node itself follows it.
                        while index < line.count, !" \t\r".unicodeScalars.contains(line[index]) { index += 1 }
                        continue
                    } else if (c == "|" || c == ">") && flowDepth == 0 {
                        blockIndent = indent
                        return nil
                    } else {
                        nodeStart = false
                    }
                }
                if c == ":" && (nextIsBlank || flowDepth > 0) {
                    nodeStart = true
                } else if flowDepth > 0 {
                    if c == "," { nodeStart = true }
                    if c == "[" || c == "{" { flowDepth += 1; nodeStart = true }
                    if c == "]" || c == "}" { flowDepth -= 1 }
                }
                index += 1
            }
            return nil
        }
    }
}
