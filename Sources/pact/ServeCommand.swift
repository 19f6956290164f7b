import ArgumentParser
import Foundation
import Logging
import PactServer

/// `pact serve`: the browser workbench and its JSON API.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the browser workbench and the JSON API.",
        discussion: """
            Opens (or creates) the SQLite file given by --db, where your scenarios and runs are \
            kept, and listens on http://HOST:PORT/. The API is described at /api/openapi.yaml. \
            By default only this machine can connect (127.0.0.1). On any other address every \
            change needs the token (--token or the PACT_TOKEN environment variable) and the server \
            refuses to start without one. Stop it with Ctrl-C: requests in flight finish first.
            """)

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "The SQLite file for your scenarios and runs (created if missing).")
    var db: String = "pact.sqlite"

    @Option(help: "Token required for changes when listening beyond this machine (default: $PACT_TOKEN).")
    var token: String?

    @Option(name: .customLong("max-draws"), help: "The most Monte Carlo draws one run may ask for.")
    var maxDraws: Int = 100_000

    @Option(name: .customLong("max-body"), help: "The largest request body accepted, in bytes.")
    var maxBody: Int = 256 * 1024

    @Option(name: .customLong("run-timeout"), help: "Seconds after which engine work still computing (a run, the case scores, bargaining) is stopped with 503.")
    var runTimeout: Double = 120

    @Option(name: .customLong("max-bargain-actors"), help: "The most stakeholders one bargaining request may list.")
    var maxBargainActors: Int = Limits().maxBargainActors

    @Option(name: .customLong("max-bargain-work"), help: "The most stakeholders times rounds one bargaining request may ask for.")
    var maxBargainWork: Int = Limits().maxBargainWork

    @Option(name: .customLong("max-jobs"), help: "Engine jobs (runs, bargaining, the case scores) computing at once (default: the number of cores).")
    var maxJobs: Int = Limits().maxJobs

    @Option(name: .customLong("job-queue"), help: "Engine jobs that may wait for a turn; beyond them a request answers 429 with Retry-After.")
    var jobQueue: Int = Limits().jobQueue

    @Option(name: .customLong("allow-host"), help: "A name clients use to reach the server (a DNS name or a proxy's), accepted in Host for changes; repeatable.")
    var allowHost: [String] = []

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    var limits: Limits {
        Limits(maxBodyBytes: maxBody, maxDraws: maxDraws, runTimeoutSeconds: runTimeout, maxBargainWork: maxBargainWork,
               maxBargainActors: maxBargainActors, maxJobs: maxJobs, jobQueue: jobQueue)
    }

    func validate() throws {
        if let refusal = limits.refusal { throw ValidationError(refusal) }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level '\(logLevel)' is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let configuration = ServerConfiguration(
            host: host, port: port, databasePath: db,
            token: token ?? ProcessInfo.processInfo.environment["PACT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            limits: limits, allowedHosts: allowHost)
        if let refusal = configuration.refusal { throw ValidationError(refusal) }
        var logger = Logger(label: "pact.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let log = logger
        let database = db
        // The root command is synchronous; the server runs on Swift's concurrency pool while this
        // thread waits for it to stop (Ctrl-C or SIGTERM shut it down gracefully).
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let app = try await PactServer.application(configuration, logger: log) { address in
                    FileHandle.standardOutput.write(Data("Pact workbench: \(address)  (database \(database); Ctrl-C stops)\n".utf8))
                }
                try await app.runService()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            if let refusal = error as? ServerStartError { throw ValidationError(refusal.description) }
            throw ServeFailure(description: "the server stopped: \(error)")
        }
    }
}

/// The server's failure, carried from its task to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    func set(_ error: Error) { lock.withLock { stored = error } }
    var error: Error? { lock.withLock { stored } }
}

struct ServeFailure: Error, CustomStringConvertible {
    var description: String
}
