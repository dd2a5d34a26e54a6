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
        let bound = rig.api.endpoints.endpoints.map(\.declaration).filter { !page.contains($0) }
        for declaration in EndpointCatalog.all {
            let handlers = bound.filter { $0 == declaration }.count
            #expect(handlers == 1, "\(declaration.method) \(declaration.path) has \(handlers) handlers")
        }
        for declaration in bound where !EndpointCatalog.all.contains(declaration) {
            Issue.record("\(declaration.method) \(declaration.path) has a handler but no declaration")
        }
        #expect(bound.count == EndpointCatalog.all.count)
    }

    @Test func routesAndWebSocketNamesLeadToTheirDeclaration() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let table = rig.api.endpoints
        for declaration in EndpointCatalog.all {
            guard case .found(let endpoint) = table.lookup(method: declaration.method, path: declaration.path) else {
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
            guard case .found(let endpoint) = rig.api.endpoints.lookup(method: route.method, path: route.path) else {
                Issue.record("the records are not routed")
                continue
            }
            #expect(endpoint.security == (makePublic ? SecurityType.none : .admin))
            #expect(endpoint.declaration.security == .admin)
        }
    }
}
