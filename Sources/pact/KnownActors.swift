import PactData
import PactModel

/// The actor ids scenario files may name when read by the CLI.
enum KnownActors {
    /// The actors of the embedded CSTO dataset (`Embedded.dataset()`), the ids a built-in or
    /// user scenario may name.
    static func builtIn() throws -> Set<ActorID> {
        Set(try Embedded.dataset().actorIDs)
    }
}
