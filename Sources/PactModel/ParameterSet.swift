/// One named, documented model parameter: the value Pact uses when nothing is uncertain, and
/// the range the Monte Carlo samples it from.
///
/// A parameter is a claim about the world ("an ally 1,500 km away feels a crisis half as much as a
/// neighbour"), so it carries its own explanation: `doc` says what it does and why its default
/// and range are what they are.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var defaultValue: Double
    public var low: Double
    public var high: Double
    public var doc: String
    /// True when the parameter file marks it `fit: true`: `pact calibrate` fits its default to
    /// the record. Marking lives beside the parameter so a new parameter is made free where it is
    /// defined.
    public var fitted: Bool

    public init(name: String, defaultValue: Double, low: Double, high: Double, doc: String, fitted: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.low = low
        self.high = high
        self.doc = doc
        self.fitted = fitted
    }

    /// True when the parameter is not sampled: its range is a single point.
    public var isFixed: Bool { low == high }
}

/// The model's parameters by name, in a stable order (the order of the file they came from).
///
/// `ParameterSet` is the unit a calibrator changes and a run records: the engine reads every
/// weight and constant from it, never from a literal in code.
public struct ParameterSet: Hashable, Sendable {
    public private(set) var parameters: [Parameter]
    private var index: [String: Int]

    public init(_ parameters: [Parameter]) {
        self.parameters = parameters
        var index: [String: Int] = [:]
        for (position, parameter) in parameters.enumerated() where index[parameter.name] == nil {
            index[parameter.name] = position
        }
        self.index = index
    }

    public var names: [String] { parameters.map(\.name) }
    public func contains(_ name: String) -> Bool { index[name] != nil }
    public subscript(name: String) -> Parameter? { index[name].map { parameters[$0] } }

    /// The set with `name`'s range replaced by `range`; the default is clamped into the new range
    /// so that it stays the mode of the sampling distribution. Unknown names are ignored here;
    /// scenario validation reports them (see `unknownNames(in:)`).
    public func overriding(ranges: [String: ClosedRange<Double>]) -> ParameterSet {
        var copy = self
        for (name, range) in ranges {
            guard let position = index[name] else { continue }
            copy.parameters[position].low = range.lowerBound
            copy.parameters[position].high = range.upperBound
            copy.parameters[position].defaultValue = min(max(parameters[position].defaultValue, range.lowerBound), range.upperBound)
        }
        return copy
    }

    /// The names in `names` that this set does not define, sorted; for validating a scenario's
    /// `uncertainty` block.
    public func unknownNames<S: Sequence>(in names: S) -> [String] where S.Element == String {
        names.filter { index[$0] == nil }.sorted()
    }

    /// The set with `name` fixed at `value` (low = high = default = value). A calibrator uses it
    /// to try one weight; unknown names are ignored.
    public func fixing(_ name: String, at value: Double) -> ParameterSet {
        guard let position = index[name] else { return self }
        var copy = self
        copy.parameters[position].defaultValue = value
        copy.parameters[position].low = value
        copy.parameters[position].high = value
        return copy
    }

    /// Every parameter fixed at its default: runs then vary only by the model's own noise terms.
    public func fixedAtDefaults() -> ParameterSet {
        ParameterSet(parameters.map { Parameter(name: $0.name, defaultValue: $0.defaultValue, low: $0.defaultValue, high: $0.defaultValue, doc: $0.doc, fitted: $0.fitted) })
    }
}
