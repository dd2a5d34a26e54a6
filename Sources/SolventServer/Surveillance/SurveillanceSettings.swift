import SolventCore
import SolventSurveillance

/// Surveillance's thresholds and the operator's linked accounts (`solvent serve --config`'s
/// `surveillance` object). Surveillance only reads the journal, so links live here rather than
/// in it: changing them takes a restart and judges only what is committed afterwards.
public struct SurveillanceSettings: Sendable, Equatable {
    public var thresholds = SurveillanceThresholds()
    /// Groups of accounts the operator knows to be one owner; trades within a group are wash trades.
    public var linkedAccounts: [[AccountId]] = []

    public init() {}
}

/// The `surveillance` object of the configuration file, e.g.
///
///     "surveillance": {"linkedAccounts": [[12, 40], [7, 8, 9]], "spoofSizeMultiple": 20,
///                      "spoofCancelWithinMilliseconds": 5000, "spoofTouchBasisPoints": 50,
///                      "spoofImbalanceMultiple": 4, "layeringLevelsMin": 3, "closeMinuteOfDay": 0,
///                      "closeWindowMilliseconds": 300000, "closeMoveBasisPoints": 200,
///                      "closeShareBasisPoints": 5000, "bandBasisPoints": 500,
///                      "bandWindowMilliseconds": 60000}
///
/// Every key optional; the thresholds are `SurveillanceThresholds`'.
struct SurveillanceSettingsFile: Decodable {
    var linkedAccounts: [[AccountId]]?
    var spoofSizeMultiple: Int64?
    var spoofCancelWithinMilliseconds: Int64?
    var spoofTouchBasisPoints: Int64?
    var spoofImbalanceMultiple: Int64?
    var layeringLevelsMin: Int?
    var spoofTradesMin: Int?
    var closeMinuteOfDay: Int64?
    var closeWindowMilliseconds: Int64?
    var closeMoveBasisPoints: Int64?
    var closeShareBasisPoints: Int64?
    var bandBasisPoints: Int64?
    var bandWindowMilliseconds: Int64?

    static let keys: Set<String> = [
        "linkedAccounts", "spoofSizeMultiple", "spoofCancelWithinMilliseconds", "spoofTouchBasisPoints",
        "spoofImbalanceMultiple", "layeringLevelsMin", "spoofTradesMin", "closeMinuteOfDay", "closeWindowMilliseconds",
        "closeMoveBasisPoints", "closeShareBasisPoints", "bandBasisPoints", "bandWindowMilliseconds",
    ]

    func apply(to settings: inout SurveillanceSettings) throws {
        var t = settings.thresholds
        t.spoofSizeMultiple = spoofSizeMultiple ?? t.spoofSizeMultiple
        t.spoofCancelWithinMilliseconds = spoofCancelWithinMilliseconds ?? t.spoofCancelWithinMilliseconds
        t.spoofTouchBasisPoints = spoofTouchBasisPoints ?? t.spoofTouchBasisPoints
        t.spoofImbalanceMultiple = spoofImbalanceMultiple ?? t.spoofImbalanceMultiple
        t.layeringLevelsMin = layeringLevelsMin ?? t.layeringLevelsMin
        t.spoofTradesMin = spoofTradesMin ?? t.spoofTradesMin
        t.closeMinuteOfDay = closeMinuteOfDay ?? t.closeMinuteOfDay
        t.closeWindowMilliseconds = closeWindowMilliseconds ?? t.closeWindowMilliseconds
        t.closeMoveBasisPoints = closeMoveBasisPoints ?? t.closeMoveBasisPoints
        t.closeShareBasisPoints = closeShareBasisPoints ?? t.closeShareBasisPoints
        t.bandBasisPoints = bandBasisPoints ?? t.bandBasisPoints
        t.bandWindowMilliseconds = bandWindowMilliseconds ?? t.bandWindowMilliseconds
        guard t.problems.isEmpty else { throw ServerError("surveillance: \(t.problems.joined(separator: "; "))") }
        settings.thresholds = t
        settings.linkedAccounts = linkedAccounts ?? settings.linkedAccounts
    }
}
