/// Which reading of the expected-utility model a run follows. docs/BARGAINING.md states both in
/// full; in short:
///
/// - ``scholz``: the Scholz, Calbert & Smith (2011) reconstruction of Bueno de Mesquita's model,
///   exactly, quirks included, so that its output can be checked against their published run.
///   The probability that x_i beats x_j is the support for i over j divided by the total
///   disagreement over every ordered pair of actors, so probabilities are small and
///   P(i, j) + P(j, i) < 1. An actor takes any confrontation before any compromise before any
///   capitulation, and among compromises the one with the smallest weighted mean of the two
///   positions: a tie-break that drags every actor towards the low end of the scale.
/// - ``pairwise``: what a modern analyst would write. P(i, j) is the support for i over j divided
///   by the support for either in that contest alone, so P(i, j) + P(j, i) = 1 (1/2 each when
///   nobody cares either way), and an actor accepts, among all offers it would take, the one
///   that moves it least, whatever its kind.
///
/// Both share the utilities, the risk exponents and the offer conditions; the difference between
/// their forecasts measures how much a result owes to the reconstruction's quirks.
public enum BargainingVariant: String, CaseIterable, Hashable, Sendable, Codable {
    case scholz
    case pairwise

    /// One line for help texts and reports.
    public var summary: String {
        switch self {
        case .scholz:
            return "Scholz, Calbert & Smith (2011) reconstruction: probabilities normalised over all pairs, confrontation first, published compromise tie-break"
        case .pairwise:
            return "pairwise probabilities P(i,j) + P(j,i) = 1, least-move choice among all acceptable offers"
        }
    }
}
