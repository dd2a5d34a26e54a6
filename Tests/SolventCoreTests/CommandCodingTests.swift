import Testing
@testable import SolventCore
import SolventTestSupport

/// The journal's command format: every case round-trips, the bytes are pinned, and no input —
/// truncated, padded, mutated or random — can trap the decoder or decode to a non-canonical form.
@Suite struct CommandCodingTests {
    // MARK: Round trips

    @Test func everyCommandCaseRoundTripsWithRepresentativeAndExtremeValues() throws {
        let commands = CommandSamples.all
        #expect(Set(commands.map(\.binaryTag)) == Set(CommandTag.allCases), "every tag has a sample")
        for command in commands {
            let bytes = command.encoded()
            #expect(try Command.decode(bytes) == command, "\(command)")
            #expect(bytes.first == command.binaryTag.rawValue)
        }
    }

    @Test func randomCommandsRoundTrip() throws {
        var random = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<5_000 {
            let command = CommandSamples.random(&random)
            #expect(try Command.decode(command.encoded()) == command, "\(command)")
        }
    }

    @Test func tagTableIsPinned() {
        let expected: [(CommandTag, UInt8)] = [
            (.listAsset, 1), (.listMarket, 2), (.setMarketStatus, 3), (.openAccount, 4), (.setFees, 5),
            (.setTradingEnabled, 6), (.deposit, 7), (.requestWithdrawal, 8), (.confirmWithdrawal, 9),
            (.releaseWithdrawal, 10), (.placeOrder, 11), (.cancelOrder, 12), (.cancelAllOrders, 13),
            (.cancelReplace, 14), (.amendOrder, 15), (.publishEpoch, 16), (.addWithdrawalAddress, 17),
            (.securityChanged, 18), (.setAllowListOnly, 19), (.depositSeen, 20), (.creditDeposit, 21), (.dropDeposit, 22),
            (.setChainCursor, 23), (.requestChainWithdrawal, 24), (.approveWithdrawal, 25), (.rejectWithdrawal, 26),
            (.broadcastWithdrawal, 27), (.freezeAccount, 28), (.unfreezeAccount, 29), (.setWithdrawalLimits, 30),
            (.setAccountJurisdiction, 31), (.setAssetRuling, 32), (.enforceRulings, 33), (.recordAccessLogHead, 34),
        ]
        #expect(expected.count == CommandTag.allCases.count)
        for (tag, raw) in expected { #expect(tag.rawValue == raw, "\(tag)") }
    }

    // MARK: Pinned bytes: a change here is a journal format change and needs a new tag.

    @Test func depositBytesArePinned() {
        let bytes = Command.deposit(7, 2, 1_000_000).encoded()
        #expect(bytes == [0x07, 0x07, 0x00, 0x00, 0x00, 0x02, 0x00, 0x40, 0x42, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00])
    }

    @Test func placeOrderBytesArePinned() throws {
        let order = NewOrder.limit(1, 3, .sell, price: 5, quantity: -2, timeInForce: .ioc,
                                   clientOrderId: try #require(ClientOrderId("ab")),
                                   selfTradePreventionMode: .expireBoth)
        let expected: [UInt8] = [0x0B]                     // tag placeOrder
            + [0x01, 0x00, 0x00, 0x00] + [0x03, 0x00]      // account, market
            + [0x01, 0x00]                                 // side SELL, type LIMIT
            + [0x01, 0x01]                                 // timeInForce IOC
            + [0x01] + [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]  // quantity -2
            + [0x00]                                       // no quoteOrderQty
            + [0x01] + [0x05, 0, 0, 0, 0, 0, 0, 0]         // price 5
            + [0x00, 0x00]                                 // no stopPrice, no icebergQty
            + [0x02, 0x61, 0x62]                           // clientOrderId "ab"
            + [0x01, 0x03]                                 // STP EXPIRE_BOTH
            + [UInt8](repeating: 0, count: 8 + 4)          // strategyId, strategyType
        #expect(Command.placeOrder(order).encoded() == expected)
    }

    @Test func listMarketBytesArePinned() {
        let filters = MarketFilters(
            price: PriceFilter(minPrice: 1, maxPrice: 2, tickSize: 3),
            lotSize: LotSizeFilter(minQuantity: 4, maxQuantity: 5, stepSize: 6),
            marketLotSize: LotSizeFilter(minQuantity: 7, maxQuantity: 8, stepSize: 9),
            notional: NotionalFilter(minNotional: 10, maxNotional: 11, applyMinToMarket: true,
                                     applyMaxToMarket: false, averagePriceMinutes: 5),
            isLegacyMinNotional: false,
            percentPriceBySide: PercentPriceBySideFilter(bidMultiplierUp: 12, bidMultiplierDown: 13,
                                                         askMultiplierUp: 14, askMultiplierDown: 15,
                                                         averagePriceMinutes: 1),
            maxNumOrders: 200, icebergPartsLimit: 10)
        let spec = MarketSpec(symbol: "AB", base: 1, quote: 2, filters: filters, status: .halt,
                              orderTypes: [.limit, .market, .takeProfitLimit], icebergAllowed: true,
                              quoteOrderQtyMarketAllowed: false, cancelReplaceAllowed: true, amendAllowed: false,
                              allowedSelfTradePreventionModes: [.none, .expireMaker],
                              defaultSelfTradePreventionMode: .expireMaker)
        let expected: [UInt8] = [0x02, 0x02, 0x00, 0x00, 0x00, 0x41, 0x42]  // tag, symbol "AB"
            + [0x01, 0x00, 0x02, 0x00, 0x01]                                 // base, quote, HALT
            + le64(1) + le64(2) + le64(3) + le64(4) + le64(5) + le64(6)      // price, lot size
            + [0x01] + le64(7) + le64(8) + le64(9)                           // marketLotSize present
            + [0x01] + le64(10) + le64(11) + [0x01, 0x00] + le32(5)          // notional present
            + [0x00]                                                         // not legacy
            + [0x01] + le64(12) + le64(13) + le64(14) + le64(15) + le32(1)   // percentPriceBySide
            + le32(200) + le32(10)                                           // maxNumOrders, iceberg parts
            + [0x43, 0x00]                                                   // order types: bits 0, 1, 6
            + [0x01, 0x00, 0x01, 0x00]                                       // iceberg, quoteQty, cR, amend
            + [0x05, 0x02]                                                   // STP {NONE, EXPIRE_MAKER}, default
        #expect(Command.listMarket(spec).encoded() == expected)
    }

    // MARK: Rejection of bad input

    @Test func everyTruncationThrowsTruncated() {
        for command in CommandSamples.all {
            let bytes = command.encoded()
            for length in 0..<bytes.count {
                do {
                    let decoded = try Command.decode(Array(bytes.prefix(length)))
                    Issue.record("prefix \(length) of \(command) decoded as \(decoded)")
                } catch {
                    guard case .truncated = error else {
                        Issue.record("prefix \(length) of \(command): \(error)")
                        continue
                    }
                }
            }
        }
    }

    @Test func trailingBytesAreRejectedAtTheTopLevel() throws {
        for command in CommandSamples.all {
            let bytes = command.encoded() + [0]
            #expect(throws: BinaryDecodingError.invalidValue(offset: bytes.count - 1, what: "end of input")) {
                try Command.decode(bytes)
            }
            var reader = BinaryReader(bytes)
            #expect(try Command(from: &reader) == command, "the reader itself leaves the rest to its caller")
            #expect(reader.remainingCount == 1)
        }
    }

    @Test func unknownTagsAreInvalid() {
        for tag in [UInt8(0), 35, 0xFF] {
            #expect(throws: BinaryDecodingError.invalidValue(offset: 0, what: "CommandTag")) {
                try Command.decode([tag] + [UInt8](repeating: 0, count: 64))
            }
        }
    }

    @Test func setMaskBitsThatNameNoCaseAreInvalid() {
        let bytes = Command.listMarket(CommandSamples.fullMarket).encoded()
        let orderTypesOffset = bytes.count - 8
        #expect(Array(bytes[orderTypesOffset..<orderTypesOffset + 2]) == [0x7F, 0x00], "all seven types")
        var unknownType = bytes
        unknownType[orderTypesOffset] = 0xFF
        #expect(throws: BinaryDecodingError.invalidValue(offset: orderTypesOffset, what: "Set<OrderType>")) {
            try Command.decode(unknownType)
        }
        unknownType[orderTypesOffset] = 0x7F
        unknownType[orderTypesOffset + 1] = 0x80
        #expect(throws: BinaryDecodingError.invalidValue(offset: orderTypesOffset, what: "Set<OrderType>")) {
            try Command.decode(unknownType)
        }
        var unknownMode = bytes
        unknownMode[bytes.count - 2] = 0x3F
        #expect(throws: BinaryDecodingError.invalidValue(offset: bytes.count - 2, what: "Set<SelfTradePreventionMode>")) {
            try Command.decode(unknownMode)
        }
    }

    @Test func clientOrderIdsFollowTheBinanceAlphabetAndLength() throws {
        // An amend by client id: tag, account, market, no order id, then the id at offset 8.
        func amend(_ idBytes: [UInt8]) -> [UInt8] {
            [CommandTag.amendOrder.rawValue, 1, 0, 0, 0, 2, 0] + [0] + [UInt8(truncatingIfNeeded: idBytes.count)]
                + idBytes + le64(9)
        }
        let valid = Array("Ab.:/_-09".utf8)
        let expected = Command.amendOrder(AmendOrder(account: 1, market: 2,
                                                     order: .client(try #require(ClientOrderId("Ab.:/_-09"))),
                                                     newQuantity: 9))
        #expect(try Command.decode(amend(valid)) == expected)
        #expect(amend(valid) == expected.encoded())
        for bad: [UInt8] in [Array("a b".utf8), Array("é".utf8), [0xFF], [0x00], Array(repeating: 0x61, count: 37)] {
            #expect(throws: BinaryDecodingError.invalidValue(offset: 8, what: bad.count == 37 ? "ClientOrderId length" : "ClientOrderId")) {
                try Command.decode(amend(bad))
            }
        }
        #expect(try Command.decode(amend([])) == .amendOrder(AmendOrder(account: 1, market: 2, order: .init(), newQuantity: 9)))
    }

    @Test func namesLongerThanTheSchemaLimitAreRefused() {
        let long = String(repeating: "A", count: AssetSpec.nameLengthMax + 1)
        #expect(!Command.listAsset(AssetSpec(name: long)).isBinaryEncodable)
        #expect(Command.listAsset(AssetSpec(name: String(long.dropLast()))).isBinaryEncodable)
        var market = CommandSamples.fullMarket
        market.symbol = long
        #expect(!Command.listMarket(market).isBinaryEncodable)
        let forged: [UInt8] = [CommandTag.listAsset.rawValue] + le32(21) + Array(long.utf8) + [8]
        #expect(throws: BinaryDecodingError.invalidValue(offset: 1, what: "String length")) { try Command.decode(forged) }
        let badUTF8: [UInt8] = [CommandTag.listAsset.rawValue] + le32(2) + [0xC3, 0x28] + [8]
        #expect(throws: BinaryDecodingError.invalidValue(offset: 1, what: "UTF-8")) { try Command.decode(badUTF8) }
    }

    @Test func boolsOtherThanZeroOrOneAreInvalid() {
        #expect(throws: BinaryDecodingError.invalidValue(offset: 5, what: "Bool")) {
            try Command.decode([CommandTag.setTradingEnabled.rawValue, 0, 0, 0, 0, 2])
        }
        #expect(throws: BinaryDecodingError.invalidValue(offset: 1, what: "Bool")) {
            try Command.decode([CommandTag.openAccount.rawValue, 2, 0, 0, 0, 0, 0, 0, 0, 0])
        }
    }

    // MARK: Fuzzing: never trap; whatever decodes is canonical.

    @Test func randomBytesNeverTrapAndDecodeOnlyCanonically() {
        var random = SplitMix64(seed: 0x5EED_0001)
        var decodedCount = 0
        for _ in 0..<20_000 {
            var bytes = (0..<Int(random.next() % 160)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Most random first bytes are unknown tags; give half the inputs a real one.
            if !bytes.isEmpty, random.next() & 1 == 0 {
                bytes[0] = UInt8(1 + random.next() % UInt64(CommandTag.allCases.count))
            }
            if checkCanonical(bytes) { decodedCount += 1 }
        }
        #expect(decodedCount > 1_000, "the fuzz should reach the success path too")
    }

    @Test func singleByteMutationsNeverTrapAndDecodeOnlyCanonically() {
        var random = SplitMix64(seed: 0x5EED_0002)
        let corpus = CommandSamples.all.map { $0.encoded() }
        var decodedCount = 0
        for _ in 0..<20_000 {
            var bytes = corpus[Int(random.next() % UInt64(corpus.count))]
            let position = Int(random.next() % UInt64(bytes.count))
            bytes[position] ^= UInt8(1 + random.next() % 255)
            if checkCanonical(bytes) { decodedCount += 1 }
        }
        #expect(decodedCount > 5_000)
    }

    /// Decodes a command from the front of `bytes`; when that succeeds, it must encode back to
    /// exactly the bytes it consumed, and the top-level decode must accept `bytes` only if that
    /// was all of them. Returns whether a command was read.
    private func checkCanonical(_ bytes: [UInt8]) -> Bool {
        var reader = BinaryReader(bytes)
        guard let command = try? Command(from: &reader) else {
            #expect((try? Command.decode(bytes)) == nil)
            return false
        }
        #expect(command.encoded() == Array(bytes.prefix(reader.offset)), "\(bytes) decoded to \(command)")
        #expect((try? Command.decode(bytes)) == (reader.isAtEnd ? command : nil))
        return true
    }
}

/// Little-endian bytes, computed independently of `BinaryWriter` so the pinned tests check it.
private func le64(_ value: Int64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: value) >> ($0 * 8)) }
}

private func le32(_ value: Int32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: UInt32(bitPattern: value) >> ($0 * 8)) }
}
