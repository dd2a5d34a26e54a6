import SolventCore
import SolventTestSupport

/// Times the store tests bar and bucket by; the markets are the shared `TestMarkets`.
enum Fixtures {
    /// 2024-01-01T00:00:00Z, a Monday: week, month and day bars all open here.
    static let newYear2024: Timestamp = 1_704_067_200_000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
}
