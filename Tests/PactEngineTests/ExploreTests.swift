import Foundation
import PactData
import PactEngine
import PactModel
import Testing

@Test func explore() throws {
    let dataset = ToyWorld.dataset()
    let params = try TestScenarios.parameters()
    for s in [TestScenarios.kazakhstan(), TestScenarios.kazakhstan(requester: nil), TestScenarios.kazakhstan(committed: 0.9),
              TestScenarios.armenia2022, TestScenarios.kyrgyzTajik, TestScenarios.karabakh] {
        let model = try CrisisModel(scenario: s, snapshot: dataset.snapshot(on: s.date))
        let f = try model.forecast(parameters: params, draws: 20000, seed: 1)
        print(s.id, f.levels.map { String(format: "%.3f", $0) }, "modal", f.modal, "uni", f.unilateral, "force", f.force as Any, "days", f.daysToFirstArrival as Any)
        for m in f.members { print("  ", m.id, String(format: "%.2f %.2f", m.position, m.salience), m.stance, m.stances, Int(m.contribution), m.role) }
        print("  drivers", f.drivers.map { "\($0.term)=\(String(format: "%.2f", $0.effect))" })
        print("  trigger", f.trigger)
    }
}
