import ArgumentParser
import Foundation
import PactData
import PactModel
import PactReport

/// `pact data TOPIC`: browse the dataset as of a date.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Browse the embedded dataset (or another alliance's) as of a date.",
        discussion: """
            members    members on the date (member or frozen), attributes and sources
            actors     every actor, its status on the date and its attributes
            relations  affinity and dependence of every ordered pair, with evidence
            forces     collective forces on the date: sizes and contributions
            bases      foreign bases and facilities open on the date
            timeline   memberships, Secretaries General, forces, bases, context
            sources    every distinct source and what cites it

            Attributes follow the as-of rule: the latest observation at or before the \
            date's year (the first observation for earlier dates); each figure shows the \
            year it describes. The capability index is CINC-style: the mean of an actor's \
            shares of the dataset's totals with one third per dimension (military expenditure \
            1/6, personnel 1/6, GDP 1/3 in place of CINC's industrial components, population 1/3).

            sources --citations lists the published datasets behind the actor attributes with \
            the citation each publisher asks for.
            """
    )

    @Argument(help: "What to show.")
    var topic: DataTopicTables.Topic

    @Option(name: .customLong("as-of"), help: .date("The date (default: today, UTC)."))
    var asOf: Day?

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    @Option(name: .customLong("dataset"), help: "A directory with the six dataset files (default: the embedded CSTO).")
    var datasetDirectory: String?

    @Option(help: "For relations: only pairs involving this actor id.")
    var actor: String?

    @Flag(help: "For sources: list the published datasets and the citation each publisher asks for.")
    var citations = false

    func validate() throws {
        try format.require(Self.formats, command: "data")
        if citations, topic != .sources {
            throw ValidationError("--citations goes with the topic 'sources' (pact data sources --citations)")
        }
    }

    func run() throws {
        if citations {
            print(DataTopicTables.datasetCitations(format))
            return
        }
        let day = asOf ?? Self.today()
        let dataset = try datasetDirectory.map { try DatasetLoader(directory: URL(fileURLWithPath: $0)).load() }
            ?? Embedded.dataset()
        if let actor, dataset.actors[ActorID(actor)] == nil {
            throw ValidationError("--actor '\(actor)' is not in the dataset; known actors are \(dataset.actorIDs.map(\.rawValue).joined(separator: ", "))")
        }
        print(DataTopicTables(dataset: dataset, day: day).render(topic, as: format, involving: actor.map { ActorID($0) }))
    }

    /// Today's date in UTC, the default as-of date. Read here, in the CLI, so the libraries stay clock-free.
    static func today() -> Day { Day(utc: Date()) }
}

extension DataTopicTables.Topic: ExpressibleByArgument {}

