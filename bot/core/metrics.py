"""Prometheus metrics of the bot, on a registry the composition root owns."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST


class BotMetrics:
    """Turns, turn errors, turn latency and outbound calls."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.turns = Counter(
            "telework_turns",
            "Inbound activities processed",
            ["activity_type", "outcome"],
            registry=self.registry,
        )
        self.turn_errors = Counter(
            "telework_turn_errors",
            "Turns that ended in the turn-error handler",
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "telework_turn_seconds",
            "Time to process one inbound activity",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
            registry=self.registry,
        )
        self.outbound_calls = Counter(
            "telework_outbound_calls",
            "Calls the bot made to the Bot Framework connector",
            ["operation"],
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
