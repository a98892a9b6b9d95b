"""Ports one feature offers another through the services (services never import each other)."""

from __future__ import annotations

from typing import Protocol

from domain.org import OrgChart, StaffMember
from domain.ports import Notify


class ApprovalRequests(Protocol):
    """Builds the messages that ask a requester's approvers to decide (the approvals feature
    implements it; declaring uses it when a saved day needs approval)."""

    async def notify_approvers(self, requester: StaffMember, chart: OrgChart) -> Notify:
        """A ``notify`` callback for the schedule's save: one card per pending day and
        approver, in the approver's language."""
        ...

    async def approver_names(self, requester: StaffMember, chart: OrgChart) -> list[str]:
        """The names of whoever decides ``requester``'s requests (their section's chiefs; for
        a chief, whoever the policy names), to tell the requester."""
        ...
