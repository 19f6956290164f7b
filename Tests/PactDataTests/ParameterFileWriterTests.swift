import PactData
import PactModel
import Testing

@Suite struct ParameterFileWriterTests {
    let text = """
        description: >
          Hand-set values.
        parameters:
          # --- a section comment that must survive -------------------------
          alpha:
            default: 1.0
            low: 0.5
            high: 1.5
            doc: >
              Alpha's reason.
          beta: {default: 2, low: 1, high: 3, doc: inline style}
          gamma:
            default: -2.2   # a comment of the author's
            low: -3
            high: -1.4
            doc: Gamma's reason.
        """

    @Test func replacesOnlyTheDefaultsNamedAndKeepsEverythingElse() throws {
        let updated = try ParameterFile.replacingDefaults(
            in: text, file: "p.yaml", with: [("alpha", 1.25), ("beta", 2.5), ("gamma", -2.6)], description: "Fitted values.")
        let unchanged = try ParameterFile.replacingDefaults(in: text, file: "p.yaml", with: [("alpha", 1.0)])
        #expect(unchanged == text, "a default the fit did not move keeps its line")
        let set = try ParameterFile.parse(text: updated, file: "p.yaml")
        #expect(set["alpha"]?.defaultValue == 1.25)
        #expect(set["beta"]?.defaultValue == 2.5)
        #expect(set["gamma"]?.defaultValue == -2.6)
        #expect(set["alpha"]?.low == 0.5 && set["alpha"]?.high == 1.5)
        #expect(set["alpha"]?.doc == "Alpha's reason.\n")
        #expect(set["beta"]?.doc == "inline style")
        #expect(updated.contains("# --- a section comment that must survive"))
        #expect(updated.contains("    default: 1.25  # fitted; prior 1.0\n"))
        #expect(updated.contains("  beta: {default: 2.5, low: 1, high: 3, doc: inline style}\n"))
        #expect(updated.contains("    default: -2.6  # fitted; prior -2.2\n"))
        #expect(updated.hasPrefix("description: >\n  Fitted values.\nparameters:\n"))
        #expect(!updated.contains("Hand-set"))
    }

    @Test func aDefaultOutsideItsRangeOrAnUnknownNameIsAnError() {
        #expect(throws: InputErrors.self) {
            try ParameterFile.replacingDefaults(in: text, file: "p.yaml", with: [("alpha", 2.0)])
        }
        #expect(throws: InputErrors.self) {
            try ParameterFile.replacingDefaults(in: text, file: "p.yaml", with: [("delta", 1.0)])
        }
    }

    @Test func theShippedDefaultsAreThePriorsWithFittedDefaults() throws {
        let priors = try Embedded.priorParameters()
        let shipped = try Embedded.defaultParameters()
        #expect(priors.names == shipped.names)
        for (prior, fitted) in zip(priors.parameters, shipped.parameters) {
            #expect(prior.low == fitted.low && prior.high == fitted.high, "\(prior.name)")
            #expect(prior.doc == fitted.doc, "\(prior.name)")
        }
    }
}
