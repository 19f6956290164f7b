import PactData
import PactModel
import Testing

@Suite struct ParameterFileTests {
    @Test func theShippedDefaultsAreDocumentedAndConsistent() throws {
        let set = try Embedded.defaultParameters()
        #expect(set.parameters.count >= 30)
        for p in set.parameters {
            #expect(p.low <= p.defaultValue && p.defaultValue <= p.high, "\(p.name)")
            #expect(p.doc.count > 20, "\(p.name) needs a real explanation")
        }
        // The shipped file is the prior file with the fitted defaults: every weight the priors do
        // not free keeps its prior default, and every range is the prior's.
        let priors = try Embedded.priorParameters()
        #expect(set.parameters.map(\.name) == priors.parameters.map(\.name))
        for prior in priors.parameters {
            let shipped = try #require(set[prior.name])
            #expect(shipped.low == prior.low && shipped.high == prior.high, "\(prior.name)")
            if !prior.fitted { #expect(shipped.defaultValue == prior.defaultValue, "\(prior.name)") }
        }
        #expect(priors.parameters.contains { $0.fitted })
    }

    @Test func errorsNameTheLineFieldAndProblem() {
        let text = """
            parameters:
              good: {default: 1, low: 0, high: 2, doc: fine}
              inverted: {default: 3, low: 0, high: 2, doc: default above high}
              typo: {default: 1, low: 0, hihg: 2, doc: misspelt key}
            """
        do {
            _ = try ParameterFile.parse(text: text, file: "p.yaml")
            Issue.record("expected errors")
        } catch let errors as InputErrors {
            let text = errors.description
            #expect(text.contains("p.yaml:3: parameters.inverted"))
            #expect(text.contains("unknown key 'hihg'"))
            #expect(text.contains("parameters.typo.high: is required but missing"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func checkReportsMissingAndUnknownNames() {
        let set = ParameterSet([Parameter(name: "a", defaultValue: 0, low: 0, high: 0, doc: "x")])
        #expect(throws: InputErrors.self) { try ParameterFile.check(set, against: ["a", "b"], file: "f") }
        #expect(throws: Never.self) { try ParameterFile.check(set, against: ["a"], file: "f") }
    }
}
