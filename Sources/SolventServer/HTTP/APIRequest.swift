import SolventCore
import SolventStore
import SolventWire

/// One REST request after routing and parsing: the raw parts the signature is checked over,
/// the parsed parameters, and who sent it once authenticated.
package struct APIRequest: Sendable {
    package let method: String
    package let path: String
    let rawQuery: String
    let rawBody: String
    package let parameters: RequestParameters
    /// `X-MBX-APIKEY`, as sent (nil when absent).
    let apiKey: String?
    /// `X-Solvent-Admin-Token`, for the admin surface.
    let adminToken: String?
    let clientIP: String
    /// Server time when the request arrived (ms).
    let receivedAt: Int64
    /// The authenticated account; set before TRADE, USER_DATA and USER_STREAM handlers run.
    package var account: AccountId?
    /// The web page's parts (`WebSessions`): the `Cookie` header, the `X-Solvent-CSRF` header,
    /// whether a proxy says the request came over TLS, and the session once authenticated.
    var cookie: String? = nil
    var csrfToken: String? = nil
    var overTLS = false
    var session: SessionRecord? = nil
    /// The client's weight used in the current minute once this request was charged (nil when it
    /// was not: the operator's), for the answer's `X-MBX-USED-WEIGHT` headers.
    var usedWeight: Int? = nil

    /// The authenticated account; only handlers behind authentication call this.
    var caller: AccountId {
        guard let account else { preconditionFailure("handler of a signed endpoint ran without authentication") }
        return account
    }
}
