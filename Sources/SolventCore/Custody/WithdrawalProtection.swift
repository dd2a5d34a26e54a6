/// An address a user filed in the account's withdrawal address book (Binance's allow-list).
public struct WithdrawalAddress: Hashable, Sendable {
    /// The most addresses one account's book holds, as on Binance.
    public static let bookCapacity = 200

    public var asset: AssetId
    public var address: String
    /// Memo or destination tag; empty when the network has none.
    public var tag: String
    /// The user's label for it (operator-text bounds).
    public var name: String

    public init(asset: AssetId, address: String, tag: String = "", name: String) {
        self.asset = asset
        self.address = address
        self.tag = tag
        self.name = name
    }

    /// The same destination, whatever its label.
    func isSameDestination(as other: WithdrawalAddress) -> Bool {
        asset == other.asset && address == other.address && tag == other.tag
    }
}

/// How long a security change holds withdrawals back. The command making the change carries
/// them (the gateway takes them from the custody settings), so replaying the journal gives the
/// same state whatever today's settings say.
public struct SecurityDelays: Hashable, Sendable {
    /// Under allow-list-only, a booked address is usable only this long after it was added.
    public var addressDelay: Timestamp
    /// Every withdrawal of the account is refused for this long after the change.
    public var withdrawalLock: Timestamp

    public init(addressDelay: Timestamp, withdrawalLock: Timestamp) {
        self.addressDelay = addressDelay
        self.withdrawalLock = withdrawalLock
    }

    var isValid: Bool { addressDelay >= 0 && withdrawalLock >= 0 }
}

/// An address in the book, and from when an allow-list-only account may withdraw to it.
public struct BookedAddress: Hashable, Sendable {
    public var address: WithdrawalAddress
    public var addedAt: Timestamp
    public var usableFrom: Timestamp

    public init(address: WithdrawalAddress, addedAt: Timestamp, usableFrom: Timestamp) {
        self.address = address
        self.addedAt = addedAt
        self.usableFrom = usableFrom
    }
}

/// One account's withdrawal protections: its address book, whether it may withdraw only to
/// booked addresses, and until when a security change locks its withdrawals.
public struct WithdrawalProtection: Hashable, Sendable {
    public var addressBook: [BookedAddress] = []
    public var allowListOnly = false
    /// Withdrawals are refused while the sequencer's time is before this.
    public var lockedUntil: Timestamp = 0

    public init() {}

    var isDefault: Bool { self == WithdrawalProtection() }

    /// Why a withdrawal to `address` of `asset` at `now` is refused, if it is.
    func problem(asset: AssetId, address: String, now: Timestamp) -> RejectReason? {
        guard now >= lockedUntil else { return .withdrawalsLocked }
        guard allowListOnly else { return nil }
        let usable = addressBook.contains { $0.address.asset == asset && $0.address.address == address && $0.usableFrom <= now }
        return usable ? nil : .addressNotAllowListed
    }
}
