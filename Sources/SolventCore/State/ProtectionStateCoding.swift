/// The withdrawal protections' part of the state (version 4): per account, in account order,
/// allow-list-only, the lock's end, then its address book in the order the addresses were added
/// (each address as in `addWithdrawalAddress`, addedAt i64, usableFrom i64).
extension Engine {
    func encodeProtections(_ writer: inout BinaryWriter) {
        writer.write(UInt32(custody.protections.count))
        for (account, protection) in custody.protections.sorted(by: { $0.key < $1.key }) {
            writer.write(account)
            writer.write(protection.allowListOnly)
            writer.write(protection.lockedUntil)
            writer.write(UInt32(protection.addressBook.count))
            for booked in protection.addressBook {
                writer.write(booked.address)
                writer.write(booked.addedAt)
                writer.write(booked.usableFrom)
            }
        }
    }

    mutating func decodeProtections(_ reader: inout BinaryReader) throws(BinaryDecodingError) {
        for _ in 0..<(try Self.readCount(&reader)) {
            let account = try reader.readUInt32()
            var protection = WithdrawalProtection()
            protection.allowListOnly = try reader.readBool()
            protection.lockedUntil = try reader.readInt64()
            for _ in 0..<(try Self.readCount(&reader)) {
                let address = try reader.read(WithdrawalAddress.self)
                let booked = BookedAddress(address: address, addedAt: try reader.readInt64(), usableFrom: try reader.readInt64())
                guard Int(address.asset) < assets.count, booked.usableFrom >= booked.addedAt,
                      !protection.addressBook.contains(where: { $0.address.isSameDestination(as: address) }) else {
                    throw .invalidValue(offset: reader.offset, what: "address book of account \(account)")
                }
                protection.addressBook.append(booked)
            }
            guard ledger.contains(account), custody.protections[account] == nil, !protection.isDefault,
                  protection.addressBook.count <= WithdrawalAddress.bookCapacity else {
                throw .invalidValue(offset: reader.offset, what: "withdrawal protection of account \(account)")
            }
            custody.protections[account] = protection
        }
    }
}
