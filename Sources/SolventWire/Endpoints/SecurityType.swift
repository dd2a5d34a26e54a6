/// Binance's security types (spec §2.1): what a request must carry before its handler runs.
public enum SecurityType: Sendable, Hashable {
    /// Public: any API key header is ignored, even an empty or unknown one.
    case none
    /// The API key header, no signature (listenKey management).
    case userStream
    /// Key, timestamp and signature; the key needs the trade permission.
    case trade
    /// Key, timestamp and signature; the key needs the read permission.
    case userData
    /// Key, timestamp and signature; the key needs the withdraw permission, which only a key with
    /// an IP allow-list holds (the wallet API's `withdraw/apply`).
    case withdraw
    /// Key, timestamp and signature; the key needs the proof permission (the per-epoch proof
    /// secret: read alone is not enough). The page signed in may fetch it too.
    case proofSecret
    /// Key, timestamp and signature; the key needs the audit permission: the auditor's read-only
    /// view of every account (REST only).
    case audit
    /// Solvent's operator surface: on the admin listener only, with the admin token.
    case admin
    /// The web page signed in: its session cookie and, on a state change, the session's CSRF
    /// token (`X-Solvent-CSRF`).
    case session
}
