@testable import SolventServer
import SolventWire
import Testing

/// The server binds one handler to every endpoint `EndpointCatalog` declares, and to nothing else
/// but the web page's files (`WebPageEndpoints`, one public route per file).
@Suite(.serialized) struct EndpointBindingTests {
    @Test func everyDeclarationHasExactlyOneHandlerAndEveryHandlerADeclaration() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let page = Set(WebPageEndpoints.all().map(\.declaration))
        #expect(page.contains(WebPageEndpoints.declaration("/")), "the page is served at /")
        let bound = (rig.parts.api.table.endpoints + rig.parts.adminAPI.table.endpoints).map(\.declaration)
            .filter { !page.contains($0) }
        for declaration in EndpointCatalog.all {
            let handlers = bound.filter { $0 == declaration }.count
            #expect(handlers == 1, "\(declaration.method) \(declaration.path) has \(handlers) handlers")
        }
        for declaration in bound where !EndpointCatalog.all.contains(declaration) {
            Issue.record("\(declaration.method) \(declaration.path) has a handler but no declaration")
        }
        #expect(bound.count == EndpointCatalog.all.count)
    }

    /// Each declaration is routed on exactly one listener: the operator's endpoints and
    /// `/metrics` on the admin one, everything else on the public one (whose table the
    /// WebSocket API shares).
    @Test func routesAndWebSocketNamesLeadToTheirDeclaration() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let table = rig.api.endpoints
        #expect(table.endpoints.count == rig.parts.api.table.endpoints.count)
        let admin = rig.parts.adminAPI.table
        for declaration in EndpointCatalog.all {
            let operators = declaration.security == .admin || declaration == .metrics
            let (own, other) = operators ? (admin, table) : (table, admin)
            guard case .unknownPath = other.lookup(method: declaration.method, path: declaration.path) else {
                Issue.record("\(declaration.method) \(declaration.path) is routed on the wrong listener")
                continue
            }
            guard case .found(let endpoint) = own.lookup(method: declaration.method, path: declaration.path) else {
                Issue.record("\(declaration.method) \(declaration.path) is not routed")
                continue
            }
            #expect(endpoint.declaration == declaration)
            guard let name = declaration.webSocketMethod else { continue }
            guard case .endpoint(let method)? = WebSocketAPIMethod.named(name, in: table) else {
                Issue.record("\(name) does not reach \(declaration.path)")
                continue
            }
            #expect(method.declaration == declaration)
            #expect(WebSocketAPIMethod.named("v3/" + name, in: table) != nil)
        }
        #expect(WebSocketAPIMethod.named("session.logon", in: table) != nil)
        #expect(WebSocketAPIMethod.named("order.amend", in: table) == nil)
    }

    @Test func theJournalsRecordsAreTheOperatorsUnlessTheSettingsMakeThemPublic() async throws {
        for makePublic in [false, true] {
            var settings = ProofSettings()
            settings.publicJournalRecords = makePublic
            let rig = try await WebSocketAPIRig(proof: settings)
            defer { rig.stop() }
            let route = EndpointDeclaration.journalRecords
            let (own, other) = makePublic ? (rig.parts.api.table, rig.parts.adminAPI.table)
                                          : (rig.parts.adminAPI.table, rig.parts.api.table)
            guard case .found(let endpoint) = own.lookup(method: route.method, path: route.path),
                  case .unknownPath = other.lookup(method: route.method, path: route.path) else {
                Issue.record("the records are not routed on the \(makePublic ? "public" : "admin") listener alone")
                continue
            }
            #expect(endpoint.security == (makePublic ? SecurityType.none : .admin))
            #expect(endpoint.declaration.security == .admin)
        }
    }
}
