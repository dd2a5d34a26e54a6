/// Market surveillance for the operator (admin listener, admin token): the alerts with their
/// evidence, as JSON or CSV (`format`), and the report per day per market.
extension EndpointCatalog {
    public static let surveillanceAdmin: [EndpointDeclaration] = [.surveillanceAlerts, .surveillanceReport]
}

extension EndpointDeclaration {
    public static let surveillanceAlerts = EndpointDeclaration("GET", "/admin/v1/surveillance/alerts", .admin, weight: 1)
    public static let surveillanceReport = EndpointDeclaration("GET", "/admin/v1/surveillance/report", .admin, weight: 1)
}
