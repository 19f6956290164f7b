import Foundation
import PactEngine

/// One shard's results on disk: the sweep's spec (so `merge` can check every piece belongs to the
/// same sweep and rebuild the analysis without the dataset), which slice of the task list it
/// covers, and each task's outputs as exact IEEE-754 bit patterns, so that merging loses nothing
/// and the merged result is the unsharded one bit for bit.
public struct ShardFile: Sendable, Equatable {
    public static let formatName = "pact-sweep-shard"
    public static let version = 1

    public var spec: SweepSpec
    /// This shard's number, from 0, and the count of shards the sweep was split into.
    public var shard: Int
    public var shards: Int
    public var firstTask: Int
    /// `results[t][output]` for tasks firstTask, firstTask + 1, …
    public var results: [[Double]]

    public init(spec: SweepSpec, shard: Int, shards: Int, firstTask: Int, results: [[Double]]) {
        self.spec = spec
        self.shard = shard
        self.shards = shards
        self.firstTask = firstTask
        self.results = results
    }

    private struct Stored: Codable {
        var format: String
        var version: Int
        var fingerprint: String
        var spec: SweepSpec
        var shard: Int
        var shards: Int
        var first_task: Int
        var results: [String]
    }

    /// JSON with sorted keys: the same shard gives the same bytes.
    public func encoded() throws -> Data {
        let stored = Stored(format: Self.formatName, version: Self.version, fingerprint: spec.fingerprint, spec: spec,
                            shard: shard, shards: shards, first_task: firstTask,
                            results: results.map { $0.map { Self.hex($0.bitPattern) }.joined(separator: " ") })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(stored)
    }

    /// Reads a shard; errors name the file and what is wrong with it.
    public static func decode(_ data: Data, file: String) throws(ShardError) -> ShardFile {
        let stored: Stored
        do { stored = try JSONDecoder().decode(Stored.self, from: data) } catch {
            throw ShardError("\(file): not a sweep shard file (\(Self.reason(error)))")
        }
        guard stored.format == formatName else { throw ShardError("\(file): format is '\(stored.format)', expected '\(formatName)'") }
        guard stored.version == version else { throw ShardError("\(file): shard format version \(stored.version), this pact reads \(version)") }
        guard stored.spec.fingerprint == stored.fingerprint else {
            throw ShardError("\(file): the sweep description does not match its fingerprint \(stored.fingerprint); the file was altered")
        }
        var results: [[Double]] = []
        for (k, line) in stored.results.enumerated() {
            var row: [Double] = []
            for word in line.split(separator: " ") {
                guard word.count == 16, let bits = UInt64(word, radix: 16) else {
                    throw ShardError("\(file): results[\(k)]: '\(word)' is not a 16-digit hexadecimal number")
                }
                row.append(Double(bitPattern: bits))
            }
            results.append(row)
        }
        return ShardFile(spec: stored.spec, shard: stored.shard, shards: stored.shards, firstTask: stored.first_task, results: results)
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "field '\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty ? context.debugDescription
                : "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default: "\(error)"
        }
    }

    static func hex(_ bits: UInt64) -> String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Puts shards back together into the whole sweep's results, in task order. Refuses shards
    /// of different sweeps or split differently, the same shard twice, missing shards and shards
    /// whose slice is not the one their number names.
    public static func merge(_ shards: [(file: String, shard: ShardFile)]) throws(ShardError) -> (plan: SweepPlan, results: [[Double]]) {
        guard let first = shards.first else { throw ShardError("no shard files given") }
        for (file, s) in shards.dropFirst() {
            if s.spec != first.shard.spec {
                throw ShardError("\(file) is from a different sweep (fingerprint \(s.spec.fingerprint)) than \(first.file) (fingerprint \(first.shard.spec.fingerprint))")
            }
            if s.shards != first.shard.shards {
                throw ShardError("\(file) is shard \(s.shard) of \(s.shards), but \(first.file) is of \(first.shard.shards): the sweep was split differently")
            }
        }
        let n = first.shard.shards
        var byNumber: [Int: String] = [:]
        for (file, s) in shards {
            guard (0..<n).contains(s.shard) else { throw ShardError("\(file): shard \(s.shard) is outside 0...\(n - 1)") }
            if let other = byNumber[s.shard] { throw ShardError("shard \(s.shard) of \(n) given twice: \(other) and \(file)") }
            byNumber[s.shard] = file
        }
        let missing = (0..<n).filter { byNumber[$0] == nil }
        if !missing.isEmpty {
            throw ShardError("missing shard(s) \(missing.map(String.init).joined(separator: ", ")) of \(n) (numbered from 0); have \(byNumber.keys.sorted().map(String.init).joined(separator: ", "))")
        }
        let plan: SweepPlan
        do { plan = try SweepPlan(spec: first.shard.spec) } catch { throw ShardError("\(first.file): \(error)") }
        var results: [[Double]] = []
        results.reserveCapacity(plan.taskCount)
        for (file, s) in shards.sorted(by: { $0.shard.shard < $1.shard.shard }) {
            let range = plan.shardRange(s.shard, of: n)
            guard s.firstTask == range.lowerBound, s.results.count == range.count else {
                throw ShardError("\(file): shard \(s.shard) of \(n) should hold tasks \(range.lowerBound)..<\(range.upperBound), it holds \(s.firstTask)..<\(s.firstTask + s.results.count)")
            }
            results += s.results
        }
        return (plan, results)
    }
}

/// A shard file that cannot be read or merged.
public struct ShardError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
