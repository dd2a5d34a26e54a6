/// The operator's jurisdiction commands (admin listener, admin token): an account's place, a
/// ruling on an asset in a place, and the rulings in force with their history, which anyone may
/// also read on the public listener.
extension EndpointCatalog {
    public static let jurisdictionAdmin: [EndpointDeclaration] = [.setAccountJurisdiction, .setAssetRuling, .listRulings,
                                                                  .publicRulings]
}

extension EndpointDeclaration {
    public static let setAccountJurisdiction = EndpointDeclaration("POST", "/admin/v1/account/jurisdiction", .admin, weight: 1)
    public static let setAssetRuling = EndpointDeclaration("POST", "/admin/v1/asset/ruling", .admin, weight: 1)
    public static let listRulings = EndpointDeclaration("GET", "/admin/v1/rulings", .admin, weight: 1)
    public static let publicRulings = EndpointDeclaration("GET", "/sapi/v1/solvent/rulings", .none, weight: 1)
}
