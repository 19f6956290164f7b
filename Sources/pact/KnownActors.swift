import PactModel

/// The actor ids scenario files may name when read by the CLI.
enum KnownActors {
    /// The actors of the embedded CSTO dataset.
    ///
    /// Until the embedded dataset (`Embedded.dataset()`) is part of the build, this is the list of
    /// actors that dataset is specified to hold (issue 2): the six members, the former members and
    /// the states that matter to its crises.
    static func builtIn() throws -> Set<ActorID> {
        ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO", "AFG", "TUR", "CHN", "USA", "UKR", "IRN"]
    }
}
