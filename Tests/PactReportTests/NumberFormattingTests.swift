import Testing
@testable import PactReport

/// Table numbers: fixed decimals, and no sign on a figure that rounds to zero.
@Suite("Number formatting")
struct NumberFormattingTests {
    @Test func fixedDecimals() {
        #expect(Format.fixed(3.14159, 2) == "3.14")
        #expect(Format.fixed(-2.5, 1) == "-2.5")
        #expect(Format.fixed(1e6, 0) == "1000000")
    }

    @Test func aValueThatRoundsToZeroHasNoSign() {
        #expect(Format.fixed(-1e-12, 4) == "0.0000")
        #expect(Format.fixed(-0.0, 0) == "0")
        #expect(Format.signed(-1e-12, 4) == "+0.0000")
        #expect(Format.signed(0, 3) == "+0.000")
        #expect(Format.signed(-0.00051, 3) == "-0.001")
        #expect(Format.signed(0.25, 2) == "+0.25")
        #expect(Format.signed(.nan, 2) == Format.fixed(.nan, 2))  // no sign on something that is not a number
    }
}
