import PactModel
import Testing

@testable import PactData

@Suite("Stakeholder CSV")
struct StakeholderCSVTests {
    func errors(_ text: String) -> [InputError] {
        do {
            _ = try StakeholderCSV.parse(text, file: "issue.csv")
            return []
        } catch let error as InputErrors {
            return error.errors
        } catch {
            return [InputError(file: "?", line: nil, field: "", message: "unexpected \(error)")]
        }
    }

    @Test("reads the EC table in file order with every value")
    func readsRows() throws {
        let text = """
            Actor,Capability,Position,Salience
            Netherlands,0.08,4,0.8
            "Belgium, Kingdom of",0.08,7,0.4\r
            
            Luxembourg, 0.03 ,4,0.2

            """
        let stakeholders = try StakeholderCSV.parse(text, file: "ec.csv")
        #expect(stakeholders.map(\.actor.rawValue) == ["Netherlands", "Belgium, Kingdom of", "Luxembourg"])
        #expect(stakeholders.map(\.position) == [4, 7, 4])
        #expect(stakeholders.map(\.salience) == [0.8, 0.4, 0.2])
        #expect(stakeholders.map(\.capability) == [0.08, 0.08, 0.03])
    }

    /// Found by the stakeholder-CSV fuzz target: a one-line file of 218 NUL bytes and a slash is
    /// one unknown column, and its message repeated the whole document back (it reaches API
    /// clients). A long column name is now shown as its start and its length.
    @Test("a long unknown column is excerpted, never repeated whole")
    func longColumnIsExcerpted() throws {
        let header = String(repeating: "\u{0}", count: 218) + "/"
        let found = errors(header)
        #expect(!found.isEmpty)
        for error in found {
            #expect(!error.message.contains(header))
            #expect(error.message.utf8.count < 300)
        }
        #expect(found.contains { $0.message.contains("(219 characters)") })
    }

    @Test("a missing column names the column, the line and the required header")
    func missingColumn() {
        let found = errors("Actor,Capability,Position\nA,1,2\nB,1,3\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.field == "Salience")
        #expect(found.first?.found == "Actor,Capability,Position")
        #expect(found.first?.allowed == ["Actor", "Capability", "Position", "Salience"])
        #expect(found.first?.description.contains("column 'Salience' is missing; the header must be exactly Actor,Capability,Position,Salience") == true)
    }

    @Test("columns in the wrong order are refused")
    func swappedColumns() {
        let found = errors("Actor,Position,Capability,Salience\nA,1,2,0.5\nB,1,3,0.5\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("in this order") == true)
    }

    @Test("salience outside [0, 1], non-positive capability and text where a number belongs, all at once")
    func badValues() {
        let found = errors("""
            Actor,Capability,Position,Salience
            A,1,2,1.5
            B,0,3,0.5
            C,-2,abc,0.5
            D,1,4,-0.1
            """)
        let summary = found.map { "\($0.line ?? 0) \($0.field) \($0.found ?? "-")" }
        #expect(summary == ["2 Salience 1.5", "3 Capability 0", "4 Capability -2", "4 Position abc", "5 Salience -0.1"])
        #expect(found[0].description == "issue.csv:2: Salience: 1.5 is not allowed; expected a number from 0 to 1")
        #expect(found[1].description == "issue.csv:3: Capability: 0 is not allowed; expected a number greater than 0")
        #expect(found[3].description == "issue.csv:4: Position: expected a finite number, found 'abc'")
    }

    @Test("all positions equal is refused: the model would have no unit of distance")
    func allPositionsEqual() {
        let found = errors("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,2,5,0.9\n")
        #expect(found.count == 1)
        #expect(found.first?.field == "Position")
        #expect(found.first?.found == "5")
        #expect(found.first?.message.contains("every actor has position 5") == true)
    }

    @Test("a duplicate actor names its first line; fewer than two actors is refused")
    func duplicatesAndCount() {
        let duplicate = errors("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,2,6,0.9\nA,1,7,0.5\n")
        #expect(duplicate.map(\.line) == [4])
        #expect(duplicate.first?.message.contains("first on line 2") == true)
        let single = errors("Actor,Capability,Position,Salience\nA,1,5,0.5\n")
        #expect(single.first?.message == "bargaining needs at least 2 stakeholder rows, found 1")
    }

    @Test("a row with the wrong number of fields, an empty file, an unterminated quote")
    func malformed() {
        #expect(errors("Actor,Capability,Position,Salience\nA,1,5\nB,2,6,0.9\n").first?.line == 2)
        #expect(errors("").first?.message.hasPrefix("the file is empty") == true)
        #expect(errors("Actor,Capability,Position,Salience\n\"A,1,5,0.5\nB,2,6,0.9\n").first?.line == 2)
    }

    @Test("quoted fields follow RFC 4180")
    func splitting() {
        #expect(StakeholderCSV.split("a,\"b,c\",\"d\"\"e\",") == ["a", "b,c", "d\"e", ""])
        #expect(StakeholderCSV.split("\"open") == nil)
    }
}
