//! Prometheus metrics: requests by route and status, latency, findings per
//! entity type, rejected inputs.

use std::sync::Mutex;

use custos_detect::EntityType;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabel {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EntityLabel {
    entity: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabel {
    reason: &'static str,
}

fn latency_histogram() -> Histogram {
    // 50 µs to about 26 s
    Histogram::new(exponential_buckets(0.000_05, 2.0, 20))
}

/// The server's metrics and their registry.
#[derive(Debug)]
pub struct Metrics {
    registry: Mutex<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabel, Histogram, fn() -> Histogram>,
    items: Family<RouteLabel, Counter>,
    findings: Family<EntityLabel, Counter>,
    rejected: Family<ReasonLabel, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Fresh metrics, all zero.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("custos");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabel, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let items = Family::<RouteLabel, Counter>::default();
        let findings = Family::<EntityLabel, Counter>::default();
        let rejected = Family::<ReasonLabel, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route template, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from request to response, by route template",
            latency.clone(),
        );
        registry.register(
            "items",
            "Texts, records and messages processed, by route template",
            items.clone(),
        );
        registry.register(
            "findings",
            "Personal information found, by entity type",
            findings.clone(),
        );
        registry.register(
            "rejected_inputs",
            "Requests or batch items refused, by reason",
            rejected.clone(),
        );
        Metrics {
            registry: Mutex::new(registry),
            requests,
            latency,
            items,
            findings,
            rejected,
        }
    }

    pub(crate) fn observe_request(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                route: route.to_owned(),
                method: method.to_owned(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabel {
                route: route.to_owned(),
            })
            .observe(seconds);
    }

    pub(crate) fn count_items(&self, route: &str, n: usize) {
        self.items
            .get_or_create(&RouteLabel {
                route: route.to_owned(),
            })
            .inc_by(n as u64);
    }

    pub(crate) fn count_findings(&self, counts: &EntityCounts) {
        for (entity, &n) in EntityType::ALL.iter().zip(counts.0.iter()) {
            if n > 0 {
                self.findings
                    .get_or_create(&EntityLabel {
                        entity: entity.as_str(),
                    })
                    .inc_by(n);
            }
        }
    }

    pub(crate) fn reject(&self, reason: &'static str, n: usize) {
        self.rejected
            .get_or_create(&ReasonLabel { reason })
            .inc_by(n as u64);
    }

    /// The metrics in the Prometheus text format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if let Ok(registry) = self.registry.lock() {
            // writing into a String cannot fail
            let _ = prometheus_client::encoding::text::encode(&mut out, &registry);
        }
        out
    }
}

/// Findings per entity type, in the order of [`EntityType::ALL`].
#[derive(Clone, Debug, Default)]
pub(crate) struct EntityCounts([u64; EntityType::ALL.len()]);

impl EntityCounts {
    pub(crate) fn add(&mut self, entity: EntityType) {
        if let Some(i) = EntityType::ALL.iter().position(|e| *e == entity) {
            self.0[i] += 1;
        }
    }
}
