// Binary form of a journaled epoch (command tag 16, and the state's latest epoch). Part of the
// journal format (see the tag table in CommandCoding.swift): field order and widths are fixed.
//
//     epoch u64 ‖ headerHash (32 bytes, in digest order) ‖ signedHeader (u32 count ‖ bytes)

extension EpochPublication: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) {
        precondition(isBinaryEncodable, "a signed header of \(signedHeader.count) bytes is over the limit")
        writer.write(epoch)
        writer.write(fixedBytes: headerHash.bytes)
        writer.write(bytes: signedHeader)
    }
}

extension EpochPublication: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let epoch = try reader.readUInt64()
        let hash = SHA256Digest(bytes: try reader.readBytes(count: 32))!
        self.init(epoch: epoch, headerHash: hash,
                  signedHeader: try reader.readBytes(lengthMax: Self.signedHeaderBytesMax))
    }
}
