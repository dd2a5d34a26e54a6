import SolventProof
import SolventWire

/// The proof API's refusals, in Binance's error shape. Codes below −9000 are Solvent's own,
/// so they can never be mistaken for a Binance code.
extension BinanceError {
    static let noEpochYet = BinanceError(code: -9100, message: "No epoch has been published yet.")

    static func unknownEpoch(_ epoch: UInt64) -> BinanceError {
        BinanceError(code: -9101, message: "Epoch \(epoch) does not exist.")
    }

    static func logQuery(_ error: LogQueryError) -> BinanceError {
        BinanceError(code: -9102, message: "The journal log cannot answer: \(error).")
    }

    static let notInEpoch = BinanceError(code: -9103, message: "The account is not in this epoch's tree.")

    static func epochFailed(_ reason: String) -> BinanceError {
        BinanceError(code: -9104, message: "The epoch could not be published: \(reason)", httpStatus: 500)
    }
}
