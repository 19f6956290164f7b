import PactModel

extension AlignmentLandscape {
    /// The two-bloc assignment of lowest energy when the actors in `fixed` must be in bloc 0:
    /// where the landscape puts everyone else, given that the alliance's members stand together.
    ///
    /// The outlook uses it to tell which outsiders stand with the alliance (China and Iran beside
    /// Russia) from those that stand against it, so that a member's friendship with a partner of the
    /// lead state does not count as a pull out of the alliance's bloc.
    ///
    /// Exhaustive over the free actors up to `exhaustiveLimit` of them (at most 30; ties go to the
    /// assignment met first, counting the free actors in bloc 0 as the bits of a binary number
    /// from 0, all in bloc 1); beyond, the best single-actor moves from "every free actor in bloc 1"
    /// until none lowers the energy (a local minimum).
    public func placement(fixedInBlocZero fixed: Set<Int>, exhaustiveLimit: Int = 16) -> [Int] {
        let n = count
        let free = (0..<n).filter { !fixed.contains($0) }
        var blocs = (0..<n).map { fixed.contains($0) ? 0 : 1 }
        guard !free.isEmpty else { return blocs }
        let tolerance = 1e-12 * max(scale, 1e-300)
        if free.count <= min(exhaustiveLimit, 30) {
            var best = blocs, bestEnergy = energy(of: blocs)
            for mask in 1..<(1 << free.count) {
                var trial = blocs
                for (bit, i) in free.enumerated() where mask & (1 << bit) != 0 { trial[i] = 0 }
                let e = energy(of: trial)
                if e < bestEnergy - tolerance {
                    best = trial
                    bestEnergy = e
                }
            }
            return best
        }
        while true {
            var bestMove: (actor: Int, delta: Double)?
            for i in free {
                let delta = moveDelta(of: i, to: 1 - blocs[i], in: blocs)
                if delta < -tolerance && delta < (bestMove?.delta ?? 0) { bestMove = (i, delta) }
            }
            guard let move = bestMove else { return blocs }
            blocs[move.actor] = 1 - blocs[move.actor]
        }
    }
}
