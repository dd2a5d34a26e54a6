import SolventProof
import SolventTestSupport
import Testing

@Suite struct AmountTextTests {
    @Test func formatsUnitsAtTheAssetsScale() {
        #expect(AmountText.format(UInt64(0), scale: 8) == "0.00000000")
        #expect(AmountText.format(UInt64(150_000_000), scale: 8) == "1.50000000")
        #expect(AmountText.format(UInt64(7), scale: 3) == "0.007")
        #expect(AmountText.format(UInt64(5), scale: 0) == "5")
        #expect(AmountText.format(UInt128.max, scale: 18) == "340282366920938463463.374607431768211455")
    }

    @Test func everyFormattedAmountParsesBackToItself() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<2_000 {
            let units = UInt128(random.next()) << (random.next() % 64) | UInt128(random.next() % 1_000)
            let scale = Int(random.next() % 19)
            let text = Array(AmountText.format(units, scale: scale).utf8)
            #expect(AmountText.parse(text, scale: scale, limit: .max) == .success(units))
        }
    }

    @Test(arguments: [
        (".5", 1, AmountText.Problem.notADigit),
        ("5.", 1, .wrongDecimals(expected: 1)),
        ("5", 2, .wrongDecimals(expected: 2)),
        ("5.123", 2, .wrongDecimals(expected: 2)),
        ("1.2.3", 1, .notADigit),
        ("0.5e1", 1, .exponentNotAllowed),
        ("00.5", 1, .leadingZero),
        ("0x10", 0, .notADigit),
    ])
    func nonCanonicalSpellingsAreRefused(text: String, scale: Int, problem: AmountText.Problem) {
        #expect(AmountText.parse(Array(text.utf8), scale: scale, limit: .max) == .failure(problem))
    }
}
