import Foundation
import PactModel
import Testing

@testable import PactData

/// Hostile and careless input: every problem located (FILE:LINE:, field), no document echoed
/// back, no range outside a parameter's bounds, no work exponential in the text.
@Suite struct InputHardeningTests {
    // MARK: Syntax errors

    @Test("a duplicated key names the line of its second use and the key, and does not repeat the document")
    func duplicateKeys() throws {
        let text = replacing("  location: KAZ\n", with: "  location: KAZ\n  location: KGZ\n", in: validCrisisYAML)
        let errors = problems(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 8)
        #expect(error.field == "location")
        #expect(error.message == "duplicate key 'location' in one mapping (first used on line 7); each key may appear once")
        #expect(error.description.hasPrefix("test.yaml:8: location: duplicate key"))
        #expect(!error.message.contains("Test crisis"))
    }

    @Test("a control character is located by line and column, outside the message text")
    func controlCharacter() throws {
        let text = replacing("title: Test crisis", with: "title: Test \u{07}crisis", in: validCrisisYAML)
        let error = try #require(problems(text).first)
        #expect(error.line == 2)
        #expect(error.message == "YAML syntax error: control characters are not allowed U+0007 (column 13)")
        #expect(error.description.hasPrefix("test.yaml:2: YAML syntax error"))
    }

    @Test("a long value is quoted in part, never whole")
    func longValuesAreCut() throws {
        let long = String(repeating: "x", count: 5_000)
        let error = try #require(problems(long).first)
        #expect(error.message.count < 200)
        #expect(error.message.contains("… (5000 characters)"))
        #expect(error.found?.count ?? .max < 200)
    }

    // MARK: Aliases

    @Test("an alias is refused on its line before the document is composed")
    func aliasesAreRefused() throws {
        let error = try #require(problems(validCrisisYAML + "notes: *text\n").first)
        #expect(error.line == 16)
        #expect(error.message.hasPrefix("'*text' is a YAML alias"))
        // A document that nests aliases as mapping keys would take the composer exponential time.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        bomb += "? *a12\n: 1\n"
        let started = ContinuousClock.now
        let refused = try #require(problems(bomb).first)
        #expect(refused.line == 2)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// Found by the fuzzer (FuzzParameterFile, seed 1, after 347,579 executions): a document that
    /// is one alias whose name is 226 characters was repeated back whole in the message.
    @Test("a long alias name is excerpted, not repeated back")
    func longAliasIsExcerpted() throws {
        let text = "*" + String(repeating: "\u{1B}", count: 200) + "ae" + String(repeating: "\u{1B}", count: 23) + "ae"
        let problem = try #require(AliasGuard.problem(in: text))
        #expect(problem.line == 1)
        #expect(!problem.message.contains(text))
        #expect(problem.message.contains("… (227 characters)"))
        #expect(throws: InputErrors.self) { try ParameterFile.parse(text: text, file: "p.yaml") }
    }

    @Test("'*' inside text is not an alias: quoted, in a block scalar, in the middle of a value")
    func starsInTextPass() throws {
        let text = validCrisisYAML + "notes: >\n  *emphasis* at a line start, inside a block\n  and more\n"
        #expect(AliasGuard.problem(in: text) == nil)
        #expect(AliasGuard.problem(in: "a: \"*quoted\"\nb: '*single'\nc: 2 * 3\nd: [\"*x\", 1] # *comment\n") == nil)
        #expect(AliasGuard.problem(in: "a: [1, *b]\n")?.line == 1)
        #expect(AliasGuard.problem(in: "- &x 1\n- *x\n")?.line == 2)
    }

    @Test("no shipped file uses an alias or trips the alias check")
    func shippedFilesPass() throws {
        for folder in ["Scenarios", "Cases", "CSTO", "Parameters"] {
            let directory = Embedded.directory(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                #expect(AliasGuard.problem(in: text) == nil, "\(folder)/\(name)")
            }
        }
    }

    // MARK: Parameter ranges

    @Test("uncertainty ranges outside a parameter's bounds are refused with the bounds")
    func rangesOutsideBounds() throws {
        let names: Set<String> = ["crisis_noise", "w_cost"]
        let noise = problems(validCrisisYAML + "uncertainty:\n  crisis_noise: [-5, -5]\n", knownParameters: names)
        #expect(noise.map(\.field) == ["uncertainty.crisis_noise"])
        #expect(noise.first?.line == 17)
        #expect(noise.first?.message.hasPrefix("[-5, -5] is outside the allowed bounds [0, 10] of crisis_noise") == true)
        let huge = problems(validCrisisYAML + "uncertainty: {w_cost: [-1e308, 1e308]}\n", knownParameters: names)
        #expect(huge.map(\.field) == ["uncertainty.w_cost"])
        #expect(huge.first?.message.contains("allowed bounds [-50, 50]") == true)
        let fine = try loaded(validCrisisYAML + "uncertainty: {crisis_noise: [0.3, 0.7], w_cost: [0, 2]}\n", knownParameters: names)
        #expect(fine.uncertainty == ["crisis_noise": 0.3...0.7, "w_cost": 0...2])
    }

    @Test("every shipped parameter's range lies within its bounds")
    func shippedRangesWithinBounds() throws {
        for set in [try Embedded.defaultParameters(), try Embedded.priorParameters()] {
            for parameter in set.parameters {
                #expect(ParameterBounds.problem(parameter.name, parameter.low...parameter.high) == nil, "\(parameter.name)")
            }
        }
    }

    @Test("typed range text: the scenario reader's rules, located by line, never a crash")
    func rangeText() throws {
        let known: Set<String> = ["crisis_noise", "w_cost"]
        #expect(try ParameterRangeText.parse("", field: "params", known: known, singleValues: true) == [:])
        #expect(try ParameterRangeText.parse("# nothing\n", field: "params", known: known, singleValues: true) == [:])
        #expect(try ParameterRangeText.parse("crisis_noise: 0.4\nw_cost: [0.1, 0.2]", field: "params", known: known,
                                             singleValues: true) == ["crisis_noise": 0.4...0.4, "w_cost": 0.1...0.2])
        for text in [":", "::", ": [1, 2]", "crisis_noise:", "crisis_noise: [1]", "crisis_noise: [a, b]", "[", "- 1",
                     "crisis_noise: [0.5, 0.1]", "crisis_noise: 0.4", "w_cost: .inf"] {
            #expect(throws: InputErrors.self, "\(text)") {
                try ParameterRangeText.parse(text, field: "uncertainty", known: known, singleValues: false)
            }
        }
        let errors = try #require(throws: InputErrors.self) {
            try ParameterRangeText.parse("crisis_noise: [0.3, 0.5]\nw_cots: [0, 1]", field: "uncertainty", known: known,
                                         singleValues: false)
        }
        #expect(errors.errors.map(\.field) == ["uncertainty.w_cots"])
        #expect(errors.errors.map(\.line) == [2])
        #expect(ParameterRangeText.render(["w_cost": 0.1...0.25, "crisis_noise": 1...2]) == "crisis_noise: [1, 2]\nw_cost: [0.1, 0.25]")
    }

    // MARK: Organization

    @Test("a scenario about another organization than the dataset's is refused at the field")
    func organizationMismatch() throws {
        let loader = ScenarioLoader(knownActors: scenarioTestActors, organization: "CSTO")
        let text = replacing("date: 2022-01-05\n", with: "date: 2022-01-05\norganization: NATO\n", in: validCrisisYAML)
        let errors = try #require(throws: InputErrors.self) { try loader.load(text: text, file: "nato.yaml") }
        #expect(errors.errors.map(\.description) == [
            "nato.yaml:4: organization: 'NATO' is not the organization the dataset describes; the dataset describes CSTO",
        ])
        #expect(errors.errors.first?.allowed == ["CSTO"])
        // No organization means the default, CSTO: fine for the CSTO dataset, refused for another.
        #expect(try loader.load(text: validCrisisYAML, file: "ok.yaml").organization == "CSTO")
        let toy = ScenarioLoader(knownActors: scenarioTestActors, organization: "TOY")
        let missing = try #require(throws: InputErrors.self) { try toy.load(text: validCrisisYAML, file: "toy.yaml") }
        #expect(missing.errors.map(\.field) == ["organization"])
    }
}
