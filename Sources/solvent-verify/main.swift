import SolventProof

print("solvent-verify: proof format \(ProofFormat.version)")
