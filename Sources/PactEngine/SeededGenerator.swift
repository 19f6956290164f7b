/// A small, fast, seedable random number generator: SplitMix64 (Steele, Lea and Flood, 2014).
///
/// Every random draw in Pact comes from one of these, created from the run's seed and passed
/// in explicitly, never from a global generator. SplitMix64 has a 64-bit state, passes BigCrush
/// and, crucially for parallel Monte Carlo, `init(seed:stream:)` gives statistically independent
/// streams so that draw `i` gets the same numbers whichever thread computes it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator for stream `stream` of run seed `seed`: the pair is mixed so that nearby
    /// seeds and streams give unrelated sequences.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ 0x6A09_E667_F3BC_C909)
        let a = mixer.next()
        var second = SeededGenerator(seed: a &+ stream &* 0x9E37_79B9_7F4A_7C15)
        state = second.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
