/// The version of the proof and epoch formats this module reads and writes.
public enum ProofFormat {
    public static let version: UInt16 = 1
}
