/// The workload behind `pact bench` for the bargaining model: synthetic actors, a fixed number of
/// rounds, repeated. It measures nothing itself (the engine never reads a clock); the caller times
/// the call and divides by `repetitions`.
///
/// ```swift
/// let start = ContinuousClock.now
/// let checksum = BargainingBenchmark.run(actors: 100, rounds: 10, repetitions: 20)
/// let perRun = (ContinuousClock.now - start) / 20
/// ```
public enum BargainingBenchmark {
    /// `count` actors drawn from a fixed seed: capability in (0, 1], position in [0, 100],
    /// salience in [0.1, 1]. The same count always gives the same actors.
    public static func actors(count: Int, seed: UInt64 = 1) -> [BargainingActor] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            BargainingActor(
                name: "A\(index + 1)",
                capability: 1 - generator.nextUnit(),
                position: (100 * generator.nextUnit()).rounded(),
                salience: 0.1 + 0.9 * generator.nextUnit())
        }
    }

    /// Runs the model on `actors` synthetic actors for `rounds` rounds, `repetitions` times, and
    /// returns the sum of the final medians: a value that depends on all the work, so that an
    /// optimiser cannot drop it, and that a caller can print to show the runs are identical.
    @discardableResult
    public static func run(actors: Int, rounds: Int, repetitions: Int, variant: BargainingVariant = .scholz) -> Double {
        precondition(actors >= 2, "the benchmark needs at least 2 actors")
        let model = try! BargainingModel(actors: Self.actors(count: actors), variant: variant)
        var checksum = 0.0
        for _ in 0..<repetitions {
            checksum += model.run(rounds: rounds).final.median
        }
        return checksum
    }
}
