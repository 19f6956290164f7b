import Foundation
import Hummingbird
import Mustache
import PactModel
import PactReport

/// How a stored run reads on the pages: parameters and times in words, the inputs two runs
/// differ in, and the files a run page offers for download.
enum RunPresentation {
    /// The run's parameter overrides in words: "shipped defaults" when there are none, else
    /// "airlift_speed 400 to 600; obligation_weight 0.5".
    static func parameters(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], !object.isEmpty else {
            return "shipped defaults"
        }
        let parts = object.keys.sorted().map { name -> String in
            let values = (object[name] as? [Any])?.compactMap { ForecastJSON.number($0) } ?? ForecastJSON.number(object[name]).map { [$0] } ?? []
            guard let low = values.first, let high = values.last else { return name }
            return low == high ? "\(name) \(Format.exact(low))" : "\(name) \(Format.exact(low)) to \(Format.exact(high))"
        }
        return "shipped defaults except " + parts.joined(separator: "; ")
    }

    /// An ISO 8601 timestamp as "30 Nov 2026, 17:45 UTC"; the text unchanged when it is not one.
    static func time(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.day ?? 0) \(months[(c.month ?? 1) - 1]) \(c.year ?? 0), \(two(c.hour)):\(two(c.minute)) UTC"
    }

    /// What differs between two runs' inputs, in words; empty when they ran the same inputs.
    static func differences(_ a: Store.RunRow, _ b: Store.RunRow) -> [String] {
        var found: [String] = []
        if a.run.scenarioID != b.run.scenarioID {
            found.append("scenario: \(a.run.scenarioID) (A) and \(b.run.scenarioID) (B)")
        } else if a.run.scenarioYAML != b.run.scenarioYAML {
            found.append("scenario text: version \(a.run.scenarioVersion) (A) and version \(b.run.scenarioVersion) (B)")
        }
        if a.run.draws != b.run.draws {
            found.append("draws: \(Format.grouped(Double(a.run.draws))) (A) and \(Format.grouped(Double(b.run.draws))) (B)")
        }
        if a.run.seed != b.run.seed { found.append("seed: \(a.run.seed) (A) and \(b.run.seed) (B)") }
        let pa = parameters(a.run.params), pb = parameters(b.run.params)
        if pa != pb { found.append("parameters: \(pa) (A) and \(pb) (B)") }
        return found
    }

    /// A download: the body with its type and a file name for the browser.
    static func download(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The run's result as `pact run --format json` writes it: one forecast under `results`.
    static func json(_ forecast: CrisisForecast) -> String {
        OrderedJSON.object([.init("results", .array([forecast.orderedJSON]))]).versioned.rendered() + "\n"
    }

    /// The run's table as `pact run --format csv` writes it (`members` for the member table).
    static func csv(_ forecast: CrisisForecast, table: String) -> String {
        let rendered = table == "members" ? RunTables.members([forecast], style: .export) : RunTables.forecasts([forecast], style: .export)
        return rendered.renderCSV() + "\n"
    }
}

/// Unknown pages answer with a page, not an empty 404: HTML for the browser, the API's JSON
/// error under `/api`.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let templates: MustacheLibrary

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            let message = "There is no page at \(path)."
            if path.hasPrefix("/api/") || path == "/api" { return APIError(.notFound, "\(path) does not exist").response() }
            let html = templates.render(["status": 404, "message": message, "notFound": true], withTemplate: "error") ?? message
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }
}
