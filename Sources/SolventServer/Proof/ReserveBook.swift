import Foundation
import SolventCore
import SolventProof
import Synchronization

/// The reserves the exchange claims per asset: the configuration's figures, overridden by the
/// operator at run time (`POST /admin/v1/solvent/reserves`, kept in `<data>/proof/reserves.json`
/// so they survive a restart). Figures are decimal text, read in each asset's scale when an
/// epoch is built; an asset without a figure claims zero reserves. They count only for assets no
/// chain carries: the others' reserves are their wallets' attested balances (`ReserveAttestor`).
final class ReserveBook: Sendable {
    private let path: String
    private let figures: Mutex<[String: String]>

    init(path: String, configured: [String: String]) {
        self.path = path
        var figures = configured
        if let data = FileManager.default.contents(atPath: path),
           let stored = try? JSONDecoder().decode([String: String].self, from: data) {
            figures.merge(stored) { _, stored in stored }
        }
        self.figures = Mutex(figures)
    }

    /// Sets `asset`'s figure; the text must be a valid amount in `scale`.
    func set(asset: String, amount: String, scale: Scale) throws {
        guard (try? DecimalText.parse(amount, scale: scale)) != nil else { throw ServerError("bad amount \(amount)") }
        let all = figures.withLock { figures in
            figures[asset] = amount
            return figures
        }
        try JSONEncoder().encode(all).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// One reserve per asset of `assets`, in its units; a figure that does not parse is an error.
    func reserves(for assets: [ProofAsset]) throws -> [UInt128] {
        let figures = figures.withLock { $0 }
        return try assets.map { asset in
            guard let text = figures[asset.symbol] else { return 0 }
            guard let units = try? DecimalText.parse(text, scale: Scale(asset.scale)), units >= 0 else {
                throw ServerError("the reserve of \(asset.symbol), \(text), is not an amount with \(asset.scale) decimals")
            }
            return UInt128(units)
        }
    }
}
