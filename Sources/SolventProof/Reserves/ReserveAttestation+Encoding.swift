extension ReserveAttestation {
    /// The bytes the exchange signs (PROOF-FORMAT.md §11.1); integers big-endian, names and other
    /// short strings as a length byte then ASCII, byte strings as a length byte then the bytes:
    ///
    ///     version u16 ‖ exchangeId ‖ epoch u64 ‖ headerHash 32 ‖ assetCount u16
    ///     ‖ per asset: symbol ‖ scale u8 ‖ source u8 ‖ exchangeOwned u128 ‖ walletCount u16
    ///         ‖ per wallet: wallet ‖ address ‖ balance u64 ‖ height u64 ‖ blockHash 32
    ///                       ‖ scheme ‖ publicKey ‖ signature
    ///     ‖ keyId 8
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.appendBigEndian(Self.version)
        out.appendShortString(exchangeId)
        out.appendBigEndian(epoch)
        out.append(headerHash)
        out.appendBigEndian(UInt16(assets.count))
        for reserves in assets {
            out.appendShortString(reserves.asset.symbol)
            out.append(UInt8(reserves.asset.scale))
            out.append(reserves.source.rawValue)
            out.appendBigEndian(reserves.exchangeOwned)
            out.appendBigEndian(UInt16(reserves.wallets.count))
            for wallet in reserves.wallets {
                out.appendShortString(wallet.wallet)
                out.appendShortString(wallet.address)
                out.appendBigEndian(wallet.balance)
                out.appendBigEndian(wallet.height)
                out.append(wallet.blockHash)
                out.appendShortString(wallet.scheme.rawValue)
                out.appendShortBytes(wallet.publicKey)
                out.appendShortBytes(wallet.signature)
            }
        }
        out.appendBigEndian(keyId.value)
        return out
    }
}
