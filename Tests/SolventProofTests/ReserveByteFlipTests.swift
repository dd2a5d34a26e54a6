import Testing
@testable import SolventProof

/// Any single-byte change of a served reserve attestation is rejected, as for headers and proofs
/// (`ByteFlipPropertyTests`): every byte is significant and every field is signed.
@Suite struct ReserveByteFlipTests {
    @Test func everySingleByteFlipOfAReserveAttestationIsRejected() {
        let attestation = Array(ReserveVectors.signed.json.utf8)
        let header = Array(FormatVectors.header.json.utf8)
        let verifier = ReserveVerifierTests.verifier
        #expect((try? verifier.verifyReserves(attestation: attestation, header: header)) != nil, "the unflipped one verifies")
        var accepted: [Int] = []
        for position in attestation.indices {
            for mask in ByteFlipPropertyTests.masks {
                var flipped = attestation
                flipped[position] ^= mask
                if (try? verifier.verifyReserves(attestation: flipped, header: header)) != nil { accepted.append(position) }
            }
        }
        #expect(accepted.isEmpty, "flips accepted at \(accepted)")
        #expect(attestation.count > 1_000)
    }
}
