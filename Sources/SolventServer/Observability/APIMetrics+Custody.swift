import Prometheus

/// Custody's part of `/metrics`: per asset, how many withdrawals wait for the hot wallet and
/// whether it needs a refill. Counts only: balances are exact integers, shown on the admin
/// surface, never as a floating-point gauge.
extension APIMetrics {
    func record(_ status: HotWalletStatus) {
        let labels = [("asset", status.symbol)]
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "solvent_custody_withdrawals_queued",
                                                            helpText: "Withdrawals waiting for the hot wallet to be refilled"),
                           labels: labels).set(Int64(status.queued.count))
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "solvent_custody_hot_wallet_needs_refill",
                                                            helpText: "1 when the hot wallet is below its floor or withdrawals wait"),
                           labels: labels).set(Int64(status.needsRefill ? 1 : 0))
    }
}
