import Testing
@testable import SolventCore
import SolventTestSupport

/// The parse outcome as a value, so expectations can compare errors and units alike.
private func outcome(_ text: String, scale: Scale) -> Result<Int64, DecimalTextError> {
    Result { () throws(DecimalTextError) -> Int64 in try DecimalText.parse(text, scale: scale) }
}

@Suite struct DecimalTextTests {
    @Test(arguments: [
        ("50000", 5_000_000_000_000 as Int64),
        ("50000.0", 5_000_000_000_000),
        ("0.00100000", 100_000),
        ("0", 0),
        ("00012.5", 1_250_000_000),
        ("50000.00000000", 5_000_000_000_000),
        ("0.00000001", 1),
    ])
    func acceptsPlainDecimals(text: String, units: Int64) {
        #expect(outcome(text, scale: 8) == .success(units))
    }

    @Test(arguments: [
        "1e-05", "-1", "+1", ".5", "5.", "", " 1", "1 ", "1,0", "1.2.3", "\u{0661}", "0x10", "1..2", ".",
        String(repeating: "1", count: 21),
        "0." + String(repeating: "0", count: 21),
        String(repeating: "9", count: 21) + ".5x",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(outcome(text, scale: 8) == .failure(.illegalCharacters))
    }

    @Test func twentyDigitsEachSideAreWellFormedButCountAgainstTheScale() {
        let twenty = String(repeating: "0", count: 19) + "1"
        #expect(outcome(twenty + "." + String(repeating: "0", count: 8), scale: 8) == .success(100_000_000))
        // The spec counts fraction digits, zeros included (§1.2): 20 of them exceed any scale.
        #expect(outcome(twenty + "." + String(repeating: "0", count: 20), scale: 8) == .failure(.tooMuchPrecision))
        #expect(outcome("1." + String(repeating: "0", count: 20), scale: 0) == .failure(.tooMuchPrecision))
    }

    @Test func substringAndBytesParseLikeStrings() throws {
        let line = "qty=1.5&price=2"
        let value = line.split(separator: "&")[0].dropFirst(4)
        #expect(try DecimalText.parse(value, scale: 2) == 150)
        #expect(try DecimalText.parse(utf8: Array("0.25".utf8), scale: 2) == 25)
        #expect(throws: DecimalTextError.illegalCharacters) {
            try DecimalText.parse(utf8: Array("0,25".utf8)[...], scale: 2)
        }
    }

    @Test func precisionAtScaleZero() {
        #expect(outcome("7", scale: 0) == .success(7))
        #expect(outcome("7.0", scale: 0) == .failure(.tooMuchPrecision))
        #expect(outcome("7.1", scale: 0) == .failure(.tooMuchPrecision))
        #expect(outcome("7.0000000000000000001", scale: 0) == .failure(.tooMuchPrecision))
    }

    @Test func precisionAtScaleTwo() {
        #expect(outcome("1.23", scale: 2) == .success(123))
        #expect(outcome("1.230", scale: 2) == .failure(.tooMuchPrecision))
        #expect(outcome("1.2", scale: 2) == .success(120))
        #expect(outcome("1.231", scale: 2) == .failure(.tooMuchPrecision))
        #expect(outcome("1.2300000000000000001", scale: 2) == .failure(.tooMuchPrecision))
    }

    @Test func precisionAtScaleEight() {
        #expect(outcome("0.12345678", scale: 8) == .success(12_345_678))
        #expect(outcome("0.123456780", scale: 8) == .failure(.tooMuchPrecision))
        #expect(outcome("0.123456789", scale: 8) == .failure(.tooMuchPrecision))
    }

    @Test func precisionAtScaleEighteen() {
        #expect(outcome("1.000000000000000001", scale: 18) == .success(1_000_000_000_000_000_001))
        #expect(outcome("0.000000000000000001", scale: 18) == .success(1))
        #expect(outcome("0.00000000000000000100", scale: 18) == .failure(.tooMuchPrecision))
        #expect(outcome("0.0000000000000000001", scale: 18) == .failure(.tooMuchPrecision))
        #expect(outcome("9.2", scale: 18) == .success(9_200_000_000_000_000_000))
        #expect(outcome("10", scale: 18) == .failure(.tooLarge))
    }

    @Test func precisionIsJudgedBeforeMagnitude() {
        #expect(outcome(String(repeating: "9", count: 20) + ".001", scale: 2) == .failure(.tooMuchPrecision))
    }

    @Test func overflowsExactlyAtTheInt64Boundary() {
        #expect(outcome("9223372036854775807", scale: 0) == .success(.max))
        #expect(outcome("9223372036854775808", scale: 0) == .failure(.tooLarge))
        #expect(outcome("92233720368.54775807", scale: 8) == .success(.max))
        #expect(outcome("92233720368.54775808", scale: 8) == .failure(.tooLarge))
        #expect(outcome("92233720368.5477580", scale: 8) == .success(.max - 7))
        #expect(outcome("92233720369", scale: 8) == .failure(.tooLarge))
        #expect(outcome("9.223372036854775807", scale: 18) == .success(.max))
        #expect(outcome("9.223372036854775808", scale: 18) == .failure(.tooLarge))
        #expect(outcome(String(repeating: "9", count: 20), scale: 0) == .failure(.tooLarge))
        #expect(outcome("18446744073709551616", scale: 0) == .failure(.tooLarge))
        #expect(outcome("0000000000000000000" + "1", scale: 18) == .success(1_000_000_000_000_000_000))
    }

    @Test func formatsPaddedToScale() {
        #expect(DecimalText.format(100_000, scale: 8) == "0.00100000")
        #expect(DecimalText.format(5_000_000_000_000, scale: 8) == "50000.00000000")
        #expect(DecimalText.format(0, scale: 8) == "0.00000000")
        #expect(DecimalText.format(0, scale: 0) == "0")
        #expect(DecimalText.format(42, scale: 0) == "42")
        #expect(DecimalText.format(-150, scale: 2) == "-1.50")
        #expect(DecimalText.format(-5, scale: 2) == "-0.05")
        #expect(DecimalText.format(.max, scale: 0) == "9223372036854775807")
        #expect(DecimalText.format(.min, scale: 0) == "-9223372036854775808")
        #expect(DecimalText.format(.min, scale: 18) == "-9.223372036854775808")
        #expect(DecimalText.format(1, scale: 18) == "0.000000000000000001")
    }

    @Test func formatAppendsBytes() {
        var bytes = Array("[".utf8)
        DecimalText.format(123, scale: 2, into: &bytes)
        DecimalText.format(-7, scale: 0, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "[1.23-7")
    }

    @Test(arguments: Scale(0)...18)
    func roundTripsEdgeValues(scale: Scale) throws {
        let values: [Int64] = [0, 1, 9, 10, 99, 100, 12_345, 100_000_000, 999_999_999_999, .max - 1, .max]
        for value in values {
            let text = DecimalText.format(value, scale: scale)
            #expect(try DecimalText.parse(text, scale: scale) == value, "\(text)")
        }
    }

    @Test func roundTripsPseudoRandomValues() throws {
        var random = SplitMix64(seed: 0x5017_E47)
        for _ in 0..<4000 {
            let scale = Scale(random.next() % 19)
            // Spread over magnitudes, not just the huge values a uniform draw would give.
            let value = Int64(bitPattern: random.next() >> 1) >> Int64(random.next() % 63)
            let text = DecimalText.format(value, scale: scale)
            #expect(try DecimalText.parse(text, scale: scale) == value, "\(text) at scale \(scale)")
            var bytes: [UInt8] = []
            DecimalText.format(value, scale: scale, into: &bytes)
            #expect(bytes == Array(text.utf8))
        }
    }

    @Test func errorsCarryBinanceCodesAndTexts() {
        #expect(DecimalTextError.illegalCharacters.code == -1100)
        #expect(DecimalTextError.tooMuchPrecision.code == -1111)
        #expect(DecimalTextError.tooLarge.code == -1013)
        #expect(
            DecimalTextError.illegalCharacters.message(parameter: "quantity")
                == #"Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\.[0-9]{1,20})?$'."#
        )
        #expect(DecimalTextError.tooMuchPrecision.message(parameter: "price") == "Parameter 'price' has too much precision.")
        #expect(DecimalTextError.tooLarge.message(parameter: "price") == "Parameter 'price' is too large.")
    }
}
