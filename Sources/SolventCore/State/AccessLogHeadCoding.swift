// Binary form of a journaled access-log head (command tag 34, and the state's latest head). Part
// of the journal format (see the tag table in CommandCoding.swift): field order and widths are fixed.
//
//     index u64 ‖ hash (32 bytes, in digest order)

extension AccessLogHead: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(index)
        writer.write(fixedBytes: hash.bytes)
    }
}

extension AccessLogHead: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let index = try reader.readUInt64()
        self.init(index: index, hash: SHA256Digest(bytes: try reader.readBytes(count: 32))!)
    }
}
