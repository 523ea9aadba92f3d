"""A recall's whole scope, for a screen that fills as it reads and for a file.

- ``recall_items``: one keyset page of a recall's affected items (by item id), read as plain
  rows; the recall screen asks for page after page on its worker thread, so 200,000 units
  appear progressively and the window never waits.
- ``export_scope``: the forward scope of the recall's bad lot (every item, shipment line with
  customer and site, service record) written to a CSV file as it streams
  (``desktop.reports.scope_csv``), ``progress(done, total)`` told along the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.models import Recall
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.reports import recall_query
from desktop.reports.recall_model import RecallItemView
from desktop.reports.scope_csv import Progress, ScopeExport, write_scope_csv
from desktop.services.core.errors import Refusal
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.recall._campaigns import _recall

#: Items per page of ``recall_items`` (the screen's batch).
PAGE = 5000


@dataclass(frozen=True)
class RecallItemsPage:
    """Affected items of a recall with item id > the ``after`` asked for, by item id."""

    items: tuple[RecallItemView, ...]
    next_after: int | None  # None on the last page


@use_case(Permission.RECALL_MANAGE, read_only=True)
def recall_items(
    uow: UnitOfWork, number: str, *, after: int | None = None, limit: int = PAGE
) -> RecallItemsPage:
    """One page of a recall's affected items, with state, customer, site and progress."""
    recall: Recall = _recall(uow.session, number)
    items, next_after = recall_query.items_page(
        uow.session, recall, label, after=after, limit=max(1, limit)
    )
    return RecallItemsPage(items, next_after)


@use_case(Permission.RECALL_MANAGE, read_only=True)
def export_scope(
    uow: UnitOfWork, number: str, path: str, *, progress: Progress | None = None
) -> ScopeExport:
    """Write the forward scope of the recall's bad lot to the CSV file ``path``."""
    recall: Recall = _recall(uow.session, number)
    target = Path(path)
    try:
        return write_scope_csv(uow.session, recall.scope_item_id, target, progress=progress)
    except OSError as problem:
        raise Refusal(
            t(
                "the scope of {number} was not written to {path}: {problem}",
                number=recall.number,
                path=str(target),
                problem=problem.strerror or str(problem),
            )
        ) from None
