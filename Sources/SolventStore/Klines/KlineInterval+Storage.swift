import SolventCore

extension KlineInterval {
    /// The interval's number in the database. Part of the file format: never renumber.
    var storageCode: Int64 {
        switch self {
        case .oneSecond: 0
        case .oneMinute: 1
        case .threeMinutes: 2
        case .fiveMinutes: 3
        case .fifteenMinutes: 4
        case .thirtyMinutes: 5
        case .oneHour: 6
        case .twoHours: 7
        case .fourHours: 8
        case .sixHours: 9
        case .eightHours: 10
        case .twelveHours: 11
        case .oneDay: 12
        case .threeDays: 13
        case .oneWeek: 14
        case .oneMonth: 15
        }
    }
}
