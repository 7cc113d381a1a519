import Metrics
import Prometheus

/// The process's metrics: swift-metrics' API in every layer (the router's requests, the
/// worker's jobs), one Prometheus registry behind it, written out at `GET /metrics`.
public enum Telemetry {
    /// Where every metric of this process lands.
    public static let registry = PrometheusCollectorRegistry()

    // A global's initialiser runs once, whoever asks first: bootstrapping twice would trap.
    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Sends swift-metrics to ``registry``. Once per process; calling again does nothing.
    public static func bootstrap() { _ = bootstrapped }
}
