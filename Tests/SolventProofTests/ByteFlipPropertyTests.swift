import SolventProof
import Testing

/// Any single-byte change of a served proof or header is rejected: the canonical JSON has no
/// insignificant byte (no whitespace, one spelling per value), and every field is checked.
@Suite struct ByteFlipPropertyTests {
    let world = EpochWorld(epoch: 1)
    /// Each byte is xor-ed with every single bit and with 0xFF: every mask, every position.
    static let masks: [UInt8] = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF]

    @Test func everySingleByteFlipOfAProofIsRejected() {
        let proof = Array(world.proof().json.utf8)
        let header = Array(world.header.json.utf8)
        let secret = world.secret
        var accepted: [Int] = []
        for position in proof.indices {
            for mask in Self.masks {
                var flipped = proof
                flipped[position] ^= mask
                if (try? EpochWorld.verifier.verify(proof: flipped, header: header, accountId: world.accountId,
                                                    secret: secret)) != nil {
                    accepted.append(position)
                }
            }
        }
        #expect(accepted.isEmpty, "flips accepted at \(accepted)")
        #expect(proof.count > 1_000)
    }

    @Test func everySingleByteFlipOfAHeaderIsRejected() {
        let proof = Array(world.proof().json.utf8)
        let header = Array(world.header.json.utf8)
        var accepted: [Int] = []
        for position in header.indices {
            for mask in Self.masks {
                var flipped = header
                flipped[position] ^= mask
                if (try? EpochWorld.verifier.verify(proof: proof, header: flipped, accountId: world.accountId,
                                                    secret: world.secret)) != nil {
                    accepted.append(position)
                }
            }
        }
        #expect(accepted.isEmpty, "flips accepted at \(accepted)")
    }
}
