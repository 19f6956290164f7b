import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The JSON API under `/api`, as `openapi.yaml` documents it.
struct APIRoutes: Sendable {
    let workbench: Workbench
    var catalog: Catalog { workbench.catalog }
    var store: Store { workbench.store }

    func register(on router: Router<WorkbenchContext>) {
        let api = router.group("api")
        api.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: Resources.openAPI)))
        }
        api.get("schemas/:name", use: handle { _, context in
            let name = try context.parameters.require("name")
            guard let schema = OutputSchemas.schema(named: name) else { throw APIError.notFound("schema '\(name)'") }
            return .json(text: schema.rendered())
        })
        api.get("scenarios", use: handle { _, _ in try listScenarios() })
        api.post("scenarios", use: handle { request, _ in
            let body = try await JSONBody.read(request, limit: workbench.limits.maxBodyBytes)
            let saved = try workbench.save(yaml: try body.string("yaml"), mode: .create)
            return Response.json(text: try scenarioJSON(saved), status: .created)
        })
        api.get("scenarios/:id", use: handle { _, context in
            .json(text: try scenarioJSON(try workbench.scenario(try context.parameters.require("id"))))
        })
        api.put("scenarios/:id", use: handle { request, context in
            let id = try context.parameters.require("id")
            if catalog.builtIn(id) != nil { throw APIError(.forbidden, "built-in scenarios cannot be changed; create a copy with another id", field: "id") }
            let body = try await JSONBody.read(request, limit: workbench.limits.maxBodyBytes)
            let saved = try workbench.save(yaml: try body.string("yaml"), mode: .update, expectedID: id)
            return .json(text: try scenarioJSON(saved))
        })
        api.delete("scenarios/:id", use: handle { _, context in
            let id = try context.parameters.require("id")
            if catalog.builtIn(id) != nil { throw APIError(.forbidden, "built-in scenarios cannot be deleted", field: "id") }
            guard try store.deleteScenario(id, now: Workbench.timestamp()) else { throw APIError.notFound("scenario '\(id)'") }
            return Response(status: .noContent)
        })
        api.get("runs", use: handle { request, _ in
            let scenario = request.uri.queryParameters.get("scenario")
            let runs = try store.runs(scenario: scenario)
            return .json(text: "[" + runs.map { $0.json(withResult: false) }.joined(separator: ",") + "]")
        })
        api.post("runs", use: handle { request, _ in
            let body = try await JSONBody.read(request, limit: workbench.limits.maxBodyBytes)
            let row = try await workbench.run(try body.runRequest())
            return Response.json(text: row.json(withResult: true), status: .created)
        })
        api.get("runs/:id", use: handle { _, context in
            guard let id = Int64(try context.parameters.require("id")), let row = try store.run(id) else {
                throw APIError.notFound("run '\(context.parameters.get("id") ?? "")'")
            }
            return .json(text: row.json(withResult: true))
        })
        api.post("bargain", use: handle { request, _ in
            let body = try await JSONBody.read(request, limit: workbench.limits.maxBodyBytes)
            // A stakeholder without a capability gets the dataset's index on the issue's date (today
            // without an issue), as `pact bargain` fills a scenario's stakeholder.
            let bargain = try body.bargainRequest { scenarioID in
                let day = try scenarioID.map { try workbench.scenario($0).scenario.date } ?? Day(utc: Date())
                return (catalog.dataset.snapshot(on: day).capabilityIndex, day)
            }
            let result = try await Bargain.run(bargain, workbench: workbench)
            guard body.object["save"] as? Bool == true else { return .json(result.json) }
            let id = try Bargain.store(result, request: bargain, actors: result.run.actors, in: store)
            var response = Response.json(result.json, status: .created)
            response.headers[.location] = "/bargain/runs/\(id)"
            return response
        })
        api.get("bargains", use: handle { _, _ in
            .json(text: "[" + (try store.bargains()).map { Bargain.json($0, full: false) }.joined(separator: ",") + "]")
        })
        api.get("bargains/:id", use: handle { _, context in
            guard let id = Int64(try context.parameters.require("id")), let row = try store.bargain(id) else {
                throw APIError.notFound("bargaining run '\(context.parameters.get("id") ?? "")'")
            }
            return .json(text: Bargain.json(row, full: true))
        })
        api.get("data/:topic", use: handle { request, context in
            let topic = try context.parameters.require("topic")
            let day = try DataTopics.day(request.uri.queryParameters.get("as_of"))
            let actor = try DataTopics.actor(request.uri.queryParameters.get("actor"), in: catalog.dataset)
            return .json(try DataTopics.json(topic, in: DataTopicTables(dataset: catalog.dataset, day: day), involving: actor))
        })
        api.get("cases", use: handle { _, _ in .json(.array(catalog.cases.map(CaseJSON.json))) })
        api.get("validate", use: handle { _, _ in
            .json(try await workbench.caseScores.backtest(catalog, timeout: workbench.limits.runTimeoutSeconds).serverJSON)
        })
        for (path, allowed) in Self.methods {
            for method in Self.answered where !allowed.contains(method) {
                api.on(RouterPath(stringLiteral: path), method: method, use: { _, _ in Self.methodNotAllowed(method, allowed) })
            }
        }
    }

    /// Every API path and the methods it answers (as registered above and documented in openapi.yaml).
    static let methods: [(path: String, allowed: [HTTPRequest.Method])] = [
        ("openapi.yaml", [.get]), ("scenarios", [.get, .post]), ("scenarios/:id", [.get, .put, .delete]),
        ("runs", [.get, .post]), ("runs/:id", [.get]), ("bargain", [.post]), ("bargains", [.get]),
        ("bargains/:id", [.get]), ("data/:topic", [.get]),
        ("cases", [.get]), ("validate", [.get]), ("schemas/:name", [.get]),
    ]

    /// Methods that get a 405 on a path that does not take them (any other method is unknown: 404).
    static let answered: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

    /// 405 with the `Allow` header: the path exists, the method does not apply to it.
    static func methodNotAllowed(_ method: HTTPRequest.Method, _ allowed: [HTTPRequest.Method]) -> Response {
        var response = APIError(.methodNotAllowed, "\(method.rawValue) is not allowed here; this path answers "
                                    + allowed.map(\.rawValue).joined(separator: ", "),
                                allowed: allowed.map(\.rawValue)).response()
        response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return response
    }

    /// Wraps a handler so every failure answers with the JSON error body.
    func handle(_ body: @escaping @Sendable (Request, WorkbenchContext) async throws -> Response)
        -> @Sendable (Request, WorkbenchContext) async throws -> Response
    {
        { request, context in
            do {
                return try await body(request, context)
            } catch let error as APIError {
                return error.response()
            } catch let errors as InputErrors {
                return APIError(errors).response()
            } catch let error as any HTTPResponseError {
                let message = error.status == .contentTooLarge
                    ? "the request body is larger than \(workbench.limits.maxBodyBytes) bytes" : "\(error.status)"
                return APIError(error.status, message).response()
            }
        }
    }

    func listScenarios() throws -> Response {
        var items: [OrderedJSON] = catalog.builtIns.map { summary($0.scenario, version: 0) }
        for row in try store.scenarios() {
            guard let scenario = try? workbench.parse(row.yaml, file: row.id) else { continue }
            items.append(summary(scenario, version: row.version))
        }
        return .json(.array(items))
    }

    /// A scenario as `pact scenarios --format json` lists it, with the store's version.
    func summary(_ scenario: Scenario, version: Int) -> OrderedJSON { ScenarioListing.entry(scenario, version: version) }

    func scenarioJSON(_ resolved: ResolvedScenario) throws -> String {
        let versions = resolved.isBuiltIn ? [0] : try store.versions(of: resolved.scenario.id).map(\.version)
        var members: [OrderedJSON.Member]
        if case .object(let m) = summary(resolved.scenario, version: resolved.version) { members = m } else { members = [] }
        members.append(.init("versions", .array(versions.map { .number($0) })))
        members.append(.init("yaml", .string(resolved.yaml)))
        return OrderedJSON.object(members).rendered(pretty: false)
    }
}

/// A JSON request body, read with a size cap, with typed accessors whose errors name the field.
struct JSONBody {
    var object: [String: Any]

    static func read(_ request: Request, limit: Int) async throws -> JSONBody {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, "send the body as application/json, found \(type)", field: nil,
                           allowed: ["application/json"])
        }
        let buffer = try await request.body.collect(upTo: limit)
        let data = Data(String(buffer: buffer).utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw APIError(.badRequest, "the body must be a JSON object")
        }
        return JSONBody(object: object)
    }

    func string(_ key: String) throws -> String {
        guard let value = object[key] else { throw APIError(.unprocessableContent, "is required", field: key) }
        guard let text = value as? String else { throw APIError(.unprocessableContent, "must be a string", field: key) }
        return text
    }

    func integer(_ key: String, default fallback: Int) throws -> Int {
        guard let value = object[key] else { return fallback }
        guard let n = Self.number(value), n == n.rounded(), abs(n) < 1e15 else {
            throw APIError(.unprocessableContent, "must be a whole number", field: key)
        }
        return Int(n)
    }

    /// A JSON number; nil for anything else, `true` and `false` included (Foundation hands
    /// booleans over as numbers 1 and 0, and `"draws": true` must not mean one draw).
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is String), !isBoolean(value) else { return nil }
        return ForecastJSON.number(value)
    }

    static func isBoolean(_ value: Any) -> Bool {
        if type(of: value) == Bool.self { return true }
        guard let number = value as? NSNumber else { return false }
        // JSON numbers arrive as integers ("q") or doubles ("d"); booleans as chars ("c").
        return String(cString: number.objCType) == "c"
    }

    func runRequest() throws -> RunRequest {
        let scenario = try string("scenario")
        let draws = try integer("draws", default: 10_000)
        let seedValue = try integer("seed", default: 1)
        guard seedValue >= 0 else { throw APIError(.unprocessableContent, "must be 0 or more", field: "seed") }
        var params: [String: ClosedRange<Double>] = [:]
        if let raw = object["params"] {
            guard let map = raw as? [String: Any] else {
                throw APIError(.unprocessableContent, "must be an object of parameter name to a number or [low, high]", field: "params")
            }
            for (name, value) in map {
                if let pair = value as? [Any] {
                    let bounds = pair.compactMap(Self.number)
                    guard pair.count == 2, bounds.count == 2, let low = bounds.first, let high = bounds.last else {
                        throw APIError(.unprocessableContent, "must be a number or [low, high]", field: "params.\(name)")
                    }
                    guard low <= high else {
                        throw APIError(.unprocessableContent, "low must not exceed high", field: "params.\(name)")
                    }
                    params[name] = low...high
                } else if let single = Self.number(value) {
                    params[name] = single...single
                } else {
                    throw APIError(.unprocessableContent, "must be a number or [low, high]", field: "params.\(name)")
                }
            }
        }
        return RunRequest(scenarioID: scenario, draws: draws, seed: UInt64(seedValue), params: params)
    }

    /// `capabilities` gives the dataset's capability index (and its day) for the request's scenario
    /// id, for stakeholders that leave the capability out.
    func bargainRequest(capabilities: (String?) throws -> ([ActorID: Double], Day)) throws -> Bargain.Request {
        let rounds = try integer("rounds", default: 10)
        guard (0...1000).contains(rounds) else {
            throw APIError(.unprocessableContent, "must be between 0 and 1000", field: "rounds")
        }
        let variantName = (object["variant"] as? String) ?? "scholz"
        guard let variant = BargainingVariant(rawValue: variantName) else {
            throw APIError(.unprocessableContent, "'\(variantName)' is not a variant", field: "variant",
                           allowed: BargainingVariant.allCases.map(\.rawValue))
        }
        var request = Bargain.Request(rounds: rounds, variant: variant)
        if let id = object["scenario"] as? String { request.scenario = id }
        if let stop = object["stop_when_settled"] {
            guard let stop = stop as? Bool else {
                throw APIError(.unprocessableContent, "must be true or false", field: "stop_when_settled", allowed: ["true", "false"])
            }
            request.stopWhenSettled = stop
        }
        if let list = object["stakeholders"] {
            guard let rows = list as? [[String: Any]] else {
                throw APIError(.unprocessableContent, "must be a list of {actor, capability, position, salience}", field: "stakeholders")
            }
            var filled: Set<Int> = []
            request.stakeholders = try rows.enumerated().map { index, row in
                func value(_ key: String) throws -> Double {
                    guard let n = Self.number(row[key]), n.isFinite else {
                        throw APIError(.unprocessableContent, "must be a number", field: "stakeholders[\(index)].\(key)")
                    }
                    return n
                }
                guard let actor = row["actor"] as? String, !actor.isEmpty else {
                    throw APIError(.unprocessableContent, "must be a non-empty name", field: "stakeholders[\(index)].actor")
                }
                var capability: Double
                if row["capability"] == nil || row["capability"] is NSNull {
                    let (indexByActor, day) = try capabilities(request.scenario)
                    guard let known = indexByActor[ActorID(actor)] else {
                        throw APIError(.unprocessableContent, "is missing and the dataset has no capability index for '\(actor)' on \(day); "
                                           + "give a number, or use an actor id the dataset has attributes for",
                                       field: "stakeholders[\(index)].capability", allowed: indexByActor.keys.map(\.rawValue).sorted())
                    }
                    capability = known * BargainingActor.capabilityIndexScale
                    filled.insert(index)
                } else {
                    capability = try value("capability")
                }
                return BargainingActor(name: actor, capability: capability, position: try value("position"),
                                       salience: try value("salience"))
            }
            request.filled = filled
        }
        if request.scenario == nil && request.stakeholders == nil {
            throw APIError(.unprocessableContent, "give a scenario id or a stakeholders list", field: "stakeholders")
        }
        return request
    }
}
