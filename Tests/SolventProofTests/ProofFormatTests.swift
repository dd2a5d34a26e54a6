import SolventProof
import Testing

@Test func proofFormatVersionIsOne() {
    #expect(ProofFormat.version == 1)
}
