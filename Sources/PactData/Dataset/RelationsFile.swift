import PactModel

/// Reads `relations.yaml` and expands it to a `Relation` for every ordered pair of actors and
/// every day from the file's `coverage_start` on.
///
/// The file lists unordered pairs (`ARM-RUS`), each as periods that start on a `since` day and
/// run until the next period's `since` (the last one stays open). Each period gives both
/// directions: `affinity: [ARM toward RUS, RUS toward ARM]`, likewise `dependence`. Because a
/// period ends where the next begins, the periods of a pair tile time by construction; the
/// loader checks that the first starts on `coverage_start` (no gap) and that the days strictly
/// increase (no overlap). Pairs the file does not list take the `default` entry for the whole
/// coverage, with its own evidence and source.
enum RelationsFile {
    static func read(_ input: YAMLInput, actors: [ActorID]) -> [Relation] {
        guard let root = input.root.mapping(allowed: ["coverage_start", "default", "pairs"]) else { return [] }
        let known = Set(actors)
        let startField = root.required("coverage_start", hint: "the first day relations must cover")
        let start = startField?.day()
        let fallback = root.required("default").flatMap(readDefault)
        guard let pairsField = root.required("pairs"), let pairs = pairsField.anyMapping(), let start else { return [] }

        var relations: [Relation] = []
        var listed: [Set<ActorID>: String] = [:]
        for (key, value) in pairs.entries {
            guard let (a, b) = parsePair(key, value: value, known: known) else { continue }
            if let other = listed[[a, b]] {
                value.diagnostics.report(line: key.line, field: value.path, found: key.key,
                    "the pair \(a)-\(b) is already listed as '\(other)'; list each pair once, with both directions")
                continue
            }
            listed[[a, b]] = key.key
            relations += readPeriods(value, a: a, b: b, coverageStart: start)
        }
        guard let fallback else { return relations }
        let sorted = actors.sorted()
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] where listed[[a, b]] == nil {
                for (from, to) in [(a, b), (b, a)] {
                    relations.append(Relation(from: from, to: to, period: DayInterval(start: start, end: nil),
                                              affinity: fallback.affinity, dependence: fallback.dependence,
                                              evidence: fallback.evidence, source: fallback.source, year: start.year,
                                              basis: fallback.basis.basis, reason: fallback.basis.reason))
                }
            }
        }
        return relations
    }

    private struct Default {
        var affinity: Double, dependence: Double, evidence: String, source: String, basis: StatedBasis
    }

    /// The optional `basis` of a period and the `reason` a judgement must give.
    private struct StatedBasis {
        var basis: Relation.Basis?
        var reason: String?
    }

    static let periodKeys = ["since", "affinity", "dependence", "evidence", "source", "basis", "reason"]

    /// `basis: document | dataset | judgement`, optional; `reason` is required with `judgement`
    /// and refused with the others, so a judgement always says what it rests on.
    private static func readBasis(_ map: YAMLMapping) -> StatedBasis? {
        let basisField = map.optional("basis")
        let basis = basisField?.oneOf(Relation.Basis.self)
        if basisField != nil, basis == nil { return nil }
        let reasonField = map.optional("reason")
        if basis == .judgement {
            guard let reason = map.required("reason", hint: "one line on what the judgement rests on")?.string() else { return nil }
            return StatedBasis(basis: basis, reason: reason)
        }
        if let reasonField {
            reasonField.fail("a reason goes with 'basis: judgement' only; a document or dataset basis names its source instead")
            return nil
        }
        return StatedBasis(basis: basis, reason: nil)
    }

    private static func readDefault(_ field: YAMLField) -> Default? {
        guard let map = field.mapping(allowed: ["affinity", "dependence", "evidence", "source", "basis", "reason"]) else { return nil }
        let affinity = map.required("affinity")?.double(in: -1...1)
        let dependence = map.required("dependence")?.double(in: 0...1)
        let evidence = map.required("evidence")?.string()
        let source = map.required("source")?.string()
        let basis = readBasis(map)
        guard let affinity, let dependence, let evidence, let source, let basis else { return nil }
        return Default(affinity: affinity, dependence: dependence, evidence: evidence, source: source, basis: basis)
    }

    private static func parsePair(_ key: YAMLKey, value: YAMLField, known: Set<ActorID>) -> (ActorID, ActorID)? {
        let parts = key.key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts[0] != parts[1] else {
            value.diagnostics.report(line: key.line, field: value.path, found: key.key,
                "'\(key.key)' is not a pair of two different actor ids joined by a dash, such as ARM-RUS")
            return nil
        }
        let unknown = parts.filter { !known.contains(ActorID($0)) }
        if !unknown.isEmpty {
            let allowed = known.map(\.rawValue).sorted()
            value.diagnostics.report(line: key.line, field: value.path, found: key.key,
                "unknown actor '\(unknown.joined(separator: "', '"))'; known actors are \(allowed.joined(separator: ", "))",
                allowed: allowed)
            return nil
        }
        return (ActorID(parts[0]), ActorID(parts[1]))
    }

    private static func readPeriods(_ field: YAMLField, a: ActorID, b: ActorID, coverageStart: Day) -> [Relation] {
        guard let list = field.list() else { return [] }
        if list.isEmpty {
            field.fail("needs at least one period starting on \(coverageStart)")
            return []
        }
        struct Period {
            var since: Day; var affinity: [Double]; var dependence: [Double]; var evidence: String; var source: String
            var basis: StatedBasis
        }
        var periods: [Period] = []
        for (index, item) in list.enumerated() {
            guard let map = item.mapping(allowed: periodKeys) else { continue }
            let sinceField = map.required("since", hint: "the first day of the period")
            let since = sinceField?.day()
            let affinity = map.required("affinity", hint: "[\(a) toward \(b), \(b) toward \(a)]").flatMap {
                pairOfNumbers($0, range: -1...1, a: a, b: b)
            }
            let dependence = map.required("dependence", hint: "[\(a) on \(b), \(b) on \(a)]").flatMap {
                pairOfNumbers($0, range: 0...1, a: a, b: b)
            }
            let evidence = map.required("evidence", hint: "what the numbers rest on")?.string()
            let source = map.required("source")?.string()
            let basis = readBasis(map)
            if let since, let sinceField {
                if index == 0, since != coverageStart {
                    sinceField.fail("the first period must start on coverage_start \(coverageStart), "
                        + "otherwise the days before \(since) have no relation (a gap)")
                } else if let previous = periods.last?.since, since <= previous {
                    sinceField.fail("'\(since)' is not after the previous period's since \(previous); "
                        + "periods must be in date order without overlap")
                }
            }
            guard let since, let affinity, let dependence, let evidence, let source, let basis else { continue }
            periods.append(Period(since: since, affinity: affinity, dependence: dependence, evidence: evidence, source: source,
                                  basis: basis))
        }
        guard periods.count == list.count else { return [] }
        var relations: [Relation] = []
        for (index, period) in periods.enumerated() {
            let interval = DayInterval(start: period.since, end: index + 1 < periods.count ? periods[index + 1].since : nil)
            relations.append(Relation(from: a, to: b, period: interval, affinity: period.affinity[0],
                                      dependence: period.dependence[0], evidence: period.evidence,
                                      source: period.source, year: period.since.year,
                                      basis: period.basis.basis, reason: period.basis.reason))
            relations.append(Relation(from: b, to: a, period: interval, affinity: period.affinity[1],
                                      dependence: period.dependence[1], evidence: period.evidence,
                                      source: period.source, year: period.since.year,
                                      basis: period.basis.basis, reason: period.basis.reason))
        }
        return relations
    }

    private static func pairOfNumbers(_ field: YAMLField, range: ClosedRange<Double>, a: ActorID, b: ActorID) -> [Double]? {
        guard let items = field.list() else { return nil }
        guard items.count == 2 else {
            field.fail("expected two numbers [\(a) toward \(b), \(b) toward \(a)], found \(items.count)")
            return nil
        }
        let values = items.compactMap { $0.double(in: range) }
        return values.count == 2 ? values : nil
    }
}
