/// The scores of one backtest design as shipped beside the parameters (`Parameters/scores.json`,
/// written by `pact validate --record FILE`): what the web case page shows next to its in-sample
/// figures, so that a reader sees how much of them survives on cases the fit never saw.
public struct ValidationRecord: Hashable, Sendable, Codable {
    /// One design: "in-sample", "leave-one-out", "time split at 2016".
    public struct Design: Hashable, Sendable, Codable {
        public var design: String
        public var cases: Int
        public var accuracy: Double
        public var withinOne: Double
        public var rps: Double
        /// The training cases' base rate on the same cases.
        public var baseRPS: Double
        /// 1 − rps / baseRPS with the bootstrap interval.
        public var rpsSkill: Double
        public var rpsSkillLow: Double
        public var rpsSkillHigh: Double
        public var unilateralBrier: Double
        public var baseUnilateralBrier: Double
        public var unilateralSkill: Double
        public var unilateralSkillLow: Double
        public var unilateralSkillHigh: Double

        public init(design: String, cases: Int, accuracy: Double, withinOne: Double, rps: Double, baseRPS: Double,
                    rpsSkill: Double, rpsSkillLow: Double, rpsSkillHigh: Double, unilateralBrier: Double,
                    baseUnilateralBrier: Double, unilateralSkill: Double, unilateralSkillLow: Double,
                    unilateralSkillHigh: Double) {
            self.design = design
            self.cases = cases
            self.accuracy = accuracy
            self.withinOne = withinOne
            self.rps = rps
            self.baseRPS = baseRPS
            self.rpsSkill = rpsSkill
            self.rpsSkillLow = rpsSkillLow
            self.rpsSkillHigh = rpsSkillHigh
            self.unilateralBrier = unilateralBrier
            self.baseUnilateralBrier = baseUnilateralBrier
            self.unilateralSkill = unilateralSkill
            self.unilateralSkillLow = unilateralSkillLow
            self.unilateralSkillHigh = unilateralSkillHigh
        }
    }

    /// The command that wrote the record, to reproduce it.
    public var command: String
    /// Draws per case and the seed of the scoring, the coverage of the intervals.
    public var draws: Int
    public var seed: UInt64
    public var coverage: Double
    public var designs: [Design]

    public init(command: String, draws: Int, seed: UInt64, coverage: Double, designs: [Design]) {
        self.command = command
        self.draws = draws
        self.seed = seed
        self.coverage = coverage
        self.designs = designs
    }
}
