import SolventWire
import Testing

@Suite("The web page's user endpoints in the catalog")
struct UserEndpointCatalogTests {
    @Test func onlySigningUpAndInArePublicEverythingElseTakesASession() {
        let users = EndpointCatalog.users
        #expect(users.allSatisfy { $0.path.hasPrefix("/sapi/v1/solvent/user/") && $0.webSocketMethod == nil })
        #expect(users.filter { $0.security == .none } == [.signUp, .logIn])
        #expect(users.filter { $0.security == .session }.count == users.count - 2)
        #expect(users.allSatisfy { EndpointCatalog.all.contains($0) })
        #expect(EndpointCatalog.all.filter { $0.security == .session }.allSatisfy { users.contains($0) })
        #expect(EndpointDeclaration.createUserAPIKey.method == "POST" && EndpointDeclaration.revokeUserAPIKey.method == "DELETE")
    }
}
