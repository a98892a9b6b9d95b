"""Prometheus metrics of proactive delivery, registered on a registry the caller owns."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge

from domain.delivery import QueueStats, SendOutcome


class DeliveryMetrics:
    """Queue depth, oldest due age, sends by outcome, 429s, and whether this replica leads."""

    def __init__(self, registry: CollectorRegistry, namespace: str = "telework") -> None:
        self.queue_depth = Gauge(
            "delivery_queue_depth",
            "Deliveries pending or being sent.",
            namespace=namespace,
            registry=registry,
        )
        self.oldest_due_age = Gauge(
            "delivery_oldest_due_age_seconds",
            "How long the oldest due delivery has waited.",
            namespace=namespace,
            registry=registry,
        )
        self.sends = Counter(
            "delivery_sends",
            "Send attempts by outcome (sent, throttled, retry, failed).",
            ["outcome"],
            namespace=namespace,
            registry=registry,
        )
        self.throttled = Counter(
            "delivery_http_429",
            "Responses with HTTP 429 from the Bot Connector.",
            namespace=namespace,
            registry=registry,
        )
        self.leader = Gauge(
            "delivery_dispatcher_leader",
            "1 while this replica holds the sender lease.",
            namespace=namespace,
            registry=registry,
        )
        for outcome in SendOutcome:
            self.sends.labels(outcome=outcome.value)

    def observe_queue(self, stats: QueueStats) -> None:
        self.queue_depth.set(stats.depth)
        self.oldest_due_age.set(stats.oldest_due_age_seconds)

    def count_send(self, outcome: SendOutcome) -> None:
        self.sends.labels(outcome=outcome.value).inc()
        if outcome is SendOutcome.THROTTLED:
            self.throttled.inc()
