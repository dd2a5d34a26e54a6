import SolventProof
import Testing

/// The design notes' first row: malformed numbers and hex are parse errors with a reason.
@Suite struct ProofParsingTests {
    let world = EpochWorld(epoch: 1)

    /// The proof text with the DOGE balance (scale 0, the last leaf amount) replaced by `amount`.
    private func proofWithDogeBalance(_ amount: String) -> String {
        let proof = world.proof()
        let doge = "\"\(proof.leaves[0].balances[2])\"],\"path\""
        return proof.json.replacingFirst(doge, with: "\"\(amount)\"],\"path\"")
    }

    private func reason(_ text: String) -> ParseError.Reason? {
        guard case .malformedProof(let error) = EpochWorld.failure({ try world.verify(proofText: text, headerText: world.header.json) })
        else { return nil }
        return error.reason
    }

    @Test func validProofRoundTripsThroughItsCanonicalText() throws {
        let proof = world.proof()
        #expect(try InclusionProof(json: proof.json) == proof)
        #expect(try InclusionProof(json: proof.json + "\n") == proof)
    }

    @Test(arguments: [
        ("-5", AmountText.Problem.signNotAllowed),
        ("+5", .signNotAllowed),
        ("1e3", .exponentNotAllowed),
        ("007", .leadingZero),
        ("18446744073709551616", .tooLarge),
        ("5.0", .wrongDecimals(expected: 0)),
        ("", .empty),
        ("5 ", .notADigit),
    ])
    func malformedAmountIsAParseErrorWithItsReason(text: String, problem: AmountText.Problem) {
        #expect(reason(proofWithDogeBalance(text)) == .amount(problem))
    }

    @Test func largestBalanceParsesAndOneMoreDoesNot() {
        #expect(reason(proofWithDogeBalance("18446744073709551615")) == nil)
        #expect(reason(proofWithDogeBalance("18446744073709551616")) == .amount(.tooLarge))
    }

    @Test func amountWithoutTheAssetsDecimalsIsRefused() {
        let proof = world.proof()
        let btc = "\"balances\":[\"\(AmountText.format(proof.leaves[0].balances[0], scale: 8))\""
        let text = proof.json.replacingFirst(btc, with: "\"balances\":[\"1\"")
        #expect(reason(text) == .amount(.wrongDecimals(expected: 8)))
    }

    @Test func upperCaseOrWrongLengthHexIsRefused() {
        let proof = world.proof()
        let hash = proof.leaves[0].hash.hex
        #expect(reason(proof.json.replacingFirst(hash, with: hash.uppercased())) == .hex(.upperCase))
        #expect(reason(proof.json.replacingFirst(hash, with: String(hash.dropLast(2))))
                == .hex(.wrongLength(expected: 64, actual: 62)))
        #expect(reason(proof.json.replacingFirst(hash, with: hash + "00")) == .hex(.wrongLength(expected: 64, actual: 66)))
    }

    @Test func nonCanonicalIntegersAndLayoutsAreRefused() {
        let proof = world.proof()
        let leafIndex = proof.leaves[0].index
        let index = "\"index\":\(leafIndex)"
        #expect(reason(proof.json.replacingFirst(index, with: "\"index\":0\(leafIndex)")) == .integer(.leadingZero))
        #expect(reason(proof.json.replacingFirst(index, with: "\"index\":-\(leafIndex)")) == .integer(.signNotAllowed))
        #expect(reason(proof.json.replacingFirst(index, with: "\"index\": \(leafIndex)")) == .integer(.notADigit))
        #expect(reason(proof.json + "x") == .trailingBytes)
        #expect(reason(proof.json.replacingFirst("\"epoch\":1,", with: "\"epoch\":1.0,")) == .integer(.wrongDecimals(expected: 0)))
    }

    @Test func sumsCountMustMatchTheAssets() {
        let proof = world.proof()
        let lastSum = ",\"\(proof.leaves[0].path[0].sums[2])\"]}"
        #expect(reason(proof.json.replacingFirst(lastSum, with: "]}")) == .countMismatch("one amount per asset"))
        #expect(reason(proof.json.replacingFirst(lastSum, with: lastSum.dropLast(2) + ",\"1\"]}"))
                == .countMismatch("one amount per asset"))
    }
}
