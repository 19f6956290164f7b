import Foundation
import GRDB

/// The server's SQLite file: user scenarios (every edit a new version), finished runs and
/// bargaining runs.
///
/// Nothing here knows about HTTP or the engine: rows in, rows out. A run is written in one
/// transaction after it has finished, so a run that fails or is cancelled leaves no row.
public final class Store: Sendable {
    let database: any DatabaseWriter

    /// Opens (creating if needed) the file at `path` and brings its schema up to date;
    /// nil gives a private in-memory database, for tests.
    public init(path: String?) throws {
        if let path {
            database = try DatabasePool(path: path)
        } else {
            database = try DatabaseQueue()
        }
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: scenarios and runs") { db in
            try db.execute(sql: """
                CREATE TABLE scenario_version (
                    scenario_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    yaml TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    deleted_at TEXT,
                    PRIMARY KEY (scenario_id, version)
                );
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    scenario_id TEXT NOT NULL,
                    scenario_version INTEGER NOT NULL,
                    scenario_yaml TEXT NOT NULL,
                    draws INTEGER NOT NULL,
                    seed TEXT NOT NULL,
                    params TEXT NOT NULL,
                    result TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL
                );
                CREATE INDEX run_by_scenario ON run (scenario_id, id);
                """)
        }
        migrator.registerMigration("v2: bargaining runs") { db in
            try db.execute(sql: """
                CREATE TABLE bargain_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    scenario_id TEXT,
                    title TEXT NOT NULL,
                    variant TEXT NOT NULL,
                    rounds INTEGER NOT NULL,
                    stop_when_settled INTEGER NOT NULL,
                    stakeholders TEXT NOT NULL,
                    result TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    // MARK: Scenarios

    public struct ScenarioRow: Sendable, Hashable {
        public var id: String
        public var version: Int
        public var title: String
        public var kind: String
        public var yaml: String
        public var createdAt: String

        init(_ row: Row) {
            id = row["scenario_id"]
            version = row["version"]
            title = row["title"]
            kind = row["kind"]
            yaml = row["yaml"]
            createdAt = row["created_at"]
        }
    }

    /// The latest version of every user scenario that has not been deleted, by id.
    public func scenarios() throws -> [ScenarioRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM scenario_version s
                WHERE s.deleted_at IS NULL
                  AND s.version = (SELECT MAX(version) FROM scenario_version WHERE scenario_id = s.scenario_id)
                ORDER BY s.scenario_id
                """).map(ScenarioRow.init)
        }
    }

    /// The latest live version of `id`, or a given version (even of a deleted scenario: runs name it).
    public func scenario(_ id: String, version: Int? = nil) throws -> ScenarioRow? {
        try database.read { db in
            if let version {
                return try Row.fetchOne(db, sql: "SELECT * FROM scenario_version WHERE scenario_id = ? AND version = ?",
                                        arguments: [id, version]).map(ScenarioRow.init)
            }
            return try Row.fetchOne(db, sql: """
                SELECT * FROM scenario_version WHERE scenario_id = ? ORDER BY version DESC LIMIT 1
                """, arguments: [id]).flatMap { $0["deleted_at"] as String? == nil ? ScenarioRow($0) : nil }
        }
    }

    /// Every version of `id`, newest first.
    public func versions(of id: String) throws -> [ScenarioRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario_version WHERE scenario_id = ? ORDER BY version DESC",
                             arguments: [id]).map(ScenarioRow.init)
        }
    }

    public enum SaveMode: Sendable { case create, update }

    public enum SaveOutcome: Sendable, Equatable { case saved(version: Int), exists, missing }

    /// Adds a version of `id`: `.create` refuses an id that is live, `.update` one that is not.
    /// Earlier versions stay, so runs keep pointing at what they ran.
    public func save(id: String, title: String, kind: String, yaml: String, mode: SaveMode, now: String) throws -> SaveOutcome {
        try database.write { db in
            let latest = try Row.fetchOne(db, sql: """
                SELECT version, deleted_at FROM scenario_version WHERE scenario_id = ? ORDER BY version DESC LIMIT 1
                """, arguments: [id])
            let live = latest.map { ($0["deleted_at"] as String?) == nil } ?? false
            switch mode {
            case .create where live: return .exists
            case .update where !live: return .missing
            default: break
            }
            let version = (latest?["version"] as Int? ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO scenario_version (scenario_id, version, title, kind, yaml, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, version, title, kind, yaml, now])
            return .saved(version: version)
        }
    }

    /// Marks every version of `id` deleted (runs still show what they ran); false if it was not live.
    public func deleteScenario(_ id: String, now: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE scenario_version SET deleted_at = ? WHERE scenario_id = ? AND deleted_at IS NULL",
                           arguments: [now, id])
            return db.changesCount > 0
        }
    }

    // MARK: Runs

    public struct NewRun: Sendable {
        public var scenarioID: String
        /// 0 for a built-in scenario.
        public var scenarioVersion: Int
        public var scenarioYAML: String
        public var draws: Int
        public var seed: UInt64
        /// The parameter overrides as compact JSON.
        public var params: String
        /// The forecast as compact JSON.
        public var result: String
        public var startedAt: String
        public var finishedAt: String
    }

    public struct RunRow: Sendable {
        public var id: Int64
        public var run: NewRun

        public init(id: Int64, run: NewRun) {
            self.id = id
            self.run = run
        }

        init(_ row: Row) {
            id = row["id"]
            run = NewRun(scenarioID: row["scenario_id"], scenarioVersion: row["scenario_version"],
                         scenarioYAML: row["scenario_yaml"], draws: row["draws"],
                         seed: UInt64(row["seed"] as String) ?? 0, params: row["params"], result: row["result"],
                         startedAt: row["started_at"], finishedAt: row["finished_at"])
        }
    }

    /// Writes a finished run in one transaction and returns its id.
    public func insert(_ run: NewRun) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO run (scenario_id, scenario_version, scenario_yaml, draws, seed, params, result, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run.scenarioID, run.scenarioVersion, run.scenarioYAML, run.draws, String(run.seed),
                                 run.params, run.result, run.startedAt, run.finishedAt])
            return db.lastInsertedRowID
        }
    }

    public func run(_ id: Int64) throws -> RunRow? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map(RunRow.init) }
    }

    /// Runs newest first, optionally of one scenario.
    public func runs(scenario: String? = nil, limit: Int = 100) throws -> [RunRow] {
        try database.read { db in
            if let scenario {
                return try Row.fetchAll(db, sql: "SELECT * FROM run WHERE scenario_id = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [scenario, limit]).map(RunRow.init)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(RunRow.init)
        }
    }

    public func runCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0 }
    }

    // MARK: Bargaining runs

    /// A bargaining run as asked for and as answered: the inputs replay it (the model has no
    /// randomness), the result is the JSON the API answered with.
    public struct NewBargain: Sendable {
        /// The issue scenario the table started from; nil for a table typed from scratch.
        public var scenarioID: String?
        public var title: String
        public var variant: String
        /// Rounds asked for (at most, with the stop rule).
        public var rounds: Int
        public var stopWhenSettled: Bool
        /// The stakeholder table as compact JSON: `[{"actor", "capability", "position", "salience", "filled"}]`.
        public var stakeholders: String
        /// The bargaining answer as compact JSON.
        public var result: String
        public var createdAt: String
    }

    public struct BargainRow: Sendable {
        public var id: Int64
        public var bargain: NewBargain

        init(_ row: Row) {
            id = row["id"]
            bargain = NewBargain(scenarioID: row["scenario_id"], title: row["title"], variant: row["variant"],
                                 rounds: row["rounds"], stopWhenSettled: (row["stop_when_settled"] as Int) != 0,
                                 stakeholders: row["stakeholders"], result: row["result"], createdAt: row["created_at"])
        }
    }

    /// Writes a finished bargaining run and returns its id.
    public func insert(_ bargain: NewBargain) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO bargain_run (scenario_id, title, variant, rounds, stop_when_settled, stakeholders, result, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [bargain.scenarioID, bargain.title, bargain.variant, bargain.rounds,
                                 bargain.stopWhenSettled ? 1 : 0, bargain.stakeholders, bargain.result, bargain.createdAt])
            return db.lastInsertedRowID
        }
    }

    public func bargain(_ id: Int64) throws -> BargainRow? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM bargain_run WHERE id = ?", arguments: [id]).map(BargainRow.init)
        }
    }

    /// Bargaining runs newest first.
    public func bargains(limit: Int = 100) throws -> [BargainRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM bargain_run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(BargainRow.init)
        }
    }
}
