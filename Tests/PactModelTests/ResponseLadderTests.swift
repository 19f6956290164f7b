import PactModel
import Testing

/// The response ladder is normative (SPEC section 4): its order and names are read by case
/// files, scores and outside tools, so they are pinned here.
@Suite struct ResponseLadderTests {
    @Test func levelsAreTheSpecLadderInOrder() {
        #expect(ResponseLevel.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
        #expect(ResponseLevel.allCases.map(\.name) == ["none", "statement", "consultations", "mission", "aid", "deployment"])
        #expect(ResponseLevel.statement < ResponseLevel.mission)
        #expect(ResponseLevel.deployment.description == "5 deployment")
    }
}
