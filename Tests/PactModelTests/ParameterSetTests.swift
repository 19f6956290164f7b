import PactModel
import Testing

@Suite struct ParameterSetTests {
    let set = ParameterSet([
        Parameter(name: "a", defaultValue: 1, low: 0, high: 2, doc: "first"),
        Parameter(name: "b", defaultValue: 5, low: 4, high: 6, doc: "second"),
    ])

    @Test func looksUpByNameInFileOrder() {
        #expect(set.names == ["a", "b"])
        #expect(set["b"]?.defaultValue == 5)
        #expect(set["c"] == nil)
    }

    @Test func overridingARangeClampsTheDefaultIntoIt() {
        let narrowed = set.overriding(ranges: ["a": 1.5...1.8, "zzz": 0...1])
        #expect(narrowed["a"]?.low == 1.5)
        #expect(narrowed["a"]?.high == 1.8)
        #expect(narrowed["a"]?.defaultValue == 1.5)
        #expect(narrowed["b"] == set["b"])
        #expect(set.unknownNames(in: ["zzz", "a"]) == ["zzz"])
    }

    @Test func fixingMakesAPointRange() {
        let fixed = set.fixing("b", at: 4.5)
        #expect(fixed["b"]?.isFixed == true)
        #expect(fixed["b"]?.defaultValue == 4.5)
        #expect(set.fixedAtDefaults().parameters.allSatisfy { $0.isFixed })
    }
}
