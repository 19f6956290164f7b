import Foundation
import PactReport
import Testing

/// The bloc diagram of the alignment landscape on hand-made inputs.
@Suite("Bloc diagram")
struct BlocDiagramTests {
    /// Four actors in two blocs; C is outside today but predicted in the alliance's bloc.
    let diagram = BlocDiagram(
        actors: [BlocDiagram.Actor(id: "A", size: 0.4, today: 0, predicted: 0),
                 BlocDiagram.Actor(id: "B", size: 0.1, today: 0, predicted: 0),
                 BlocDiagram.Actor(id: "C", size: 0.025, today: 1, predicted: 0),
                 BlocDiagram.Actor(id: "<D&E>", size: 0.2, today: 1, predicted: 1)],
        blocNames: ["Alliance members", "outside"],
        ties: [BlocDiagram.Tie("A", "B", propensity: 0.5),     // weight 0.02
               BlocDiagram.Tie("A", "<D&E>", propensity: -0.8), // weight -0.064
               BlocDiagram.Tie("B", "C", propensity: 0.9),      // weight 0.00225
               BlocDiagram.Tie("A", "C", propensity: 0.6),      // weight 0.006
               BlocDiagram.Tie("A", "ZZZ", propensity: 1)],     // unknown actor: ignored
        strongestTies: 3, title: "Blocs <today> & predicted", energyToday: 0.0123, energyPredicted: -0.07)

    func actorCircles(_ svg: SVGInspector) -> [SVGInspector.Element] { svg.all("circle", class: "actor") }

    @Test func eachActorIsDrawnOnceAndLabelledByItsId() throws {
        let svg = try SVGInspector(diagram.render().svg)
        #expect(actorCircles(svg).map { $0.attributes["data-actor"] ?? "" }.sorted() == ["<D&E>", "A", "B", "C"])
        let labels = svg.all("text", class: "actor-label").map(\.text)
        #expect(labels.sorted() == ["<D&E>", "A", "B", "C *"])
        // One column per predicted bloc, named after it.
        #expect(svg.all("text", class: "bloc-name").map(\.text) == ["predicted: Alliance members", "predicted: outside"])
    }

    @Test func misplacedActorsCarryTheRingAndTheStar() throws {
        let svg = try SVGInspector(diagram.render().svg)
        let misplaced = svg.all("circle", class: "misplaced")
        #expect(misplaced.map { $0.attributes["data-actor"] } == ["C"])
        #expect(misplaced.first?.attributes["stroke-width"] == "2.5")
        #expect(misplaced.first?.attributes["data-today"] == "outside")
        #expect(misplaced.first?.attributes["data-predicted"] == "Alliance members")
        #expect(svg.all("text", class: "misplaced").map(\.text) == ["C *"])
        // C sits in the alliance's column (same x as A and B) but keeps the outside bloc's colour (D's).
        let byActor = Dictionary(uniqueKeysWithValues: actorCircles(svg).map { ($0.attributes["data-actor"]!, $0) })
        #expect(byActor["C"]?.attributes["cx"] == byActor["A"]?.attributes["cx"])
        #expect(byActor["C"]?.attributes["cx"] != byActor["<D&E>"]?.attributes["cx"])
        #expect(byActor["C"]?.attributes["fill"] == byActor["<D&E>"]?.attributes["fill"])
        #expect(byActor["C"]?.attributes["fill"] != byActor["A"]?.attributes["fill"])
    }

    @Test func textIsEscaped() throws {
        let text = diagram.render().svg
        #expect(text.contains("&lt;D&amp;E&gt;"))
        #expect(!text.contains("<D&E>"))
        #expect(text.contains("<title>Blocs &lt;today&gt; &amp; predicted</title>"))
        let svg = try SVGInspector(text)   // well-formed XML
        #expect(svg.title == "Blocs <today> & predicted")
        #expect(svg.all("text", class: "chart-title").map(\.text) == ["Blocs <today> & predicted"])
    }

    @Test func circleAreasAreProportionalToSizes() throws {
        let svg = try SVGInspector(diagram.render().svg)
        let radius = Dictionary(uniqueKeysWithValues: actorCircles(svg).map { ($0.attributes["data-actor"]!, $0.attributes["r"]!) })
        // Largest (A, 0.4) gets the maximum radius 34; B (0.1 = a quarter of A) gets 34 × √(1/4) = 17;
        // C (0.025 = 1/16 of A) gets 34 / 4 = 8.5; D (0.2 = half) gets 34 / √2 = 24.04.
        #expect(radius["A"] == "34")
        #expect(radius["B"] == "17")
        #expect(radius["C"] == "8.50")
        #expect(radius["<D&E>"] == "24.04")
        #expect(BlocDiagram.radius(size: 0, largest: 0.4, maxRadius: 34) == 0)
    }

    @Test func onlyTheStrongestTiesAreDrawnColouredBySign() throws {
        let svg = try SVGInspector(diagram.render().svg)
        let ties = svg.all(class: "tie")
        // By |s_i s_j p_ij|: A–D 0.064, A–B 0.02, A–C 0.006; B–C (0.00225) is the fourth, left out.
        #expect(ties.map { $0.attributes["data-actors"] } == ["A <D&E>", "A B", "A C"])
        #expect(ties[0].classes.contains("apart") && ties[0].attributes["stroke-dasharray"] == "6 4")
        #expect(ties[0].attributes["stroke"] == ChartTheme.standard.negative)
        #expect(ties[1].classes.contains("together") && ties[1].attributes["stroke"] == ChartTheme.standard.positive)
        // Across columns a straight line; within a column a curve that avoids the actors between.
        #expect(ties[0].name == "line")
        #expect(ties[1].name == "path" && ties[2].name == "path")
        #expect(ties[0].attributes["stroke-width"] == "4")
    }

    @Test func outputIsDeterministicAndIndependentOfInputOrder() throws {
        let first = diagram.render().svg
        #expect(first == diagram.render().svg)
        var shuffled = diagram
        shuffled.ties.reverse()
        #expect(shuffled.render().svg == first)
    }

    @Test func energiesAppearUnderTheTitle() throws {
        let svg = try SVGInspector(diagram.render().svg)
        #expect(svg.all("text", class: "subtitle").map(\.text)
                == ["energy today 0.012300, predicted (global minimum) -0.070000"])
    }
}
