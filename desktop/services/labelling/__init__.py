"""Labelling: templates under version control, print jobs, scan-back verification, reprints,
reconciliation and the packaging queue.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.domain.labelling import ISSUED
from desktop.services.labelling._jobs import PrintJobView
from desktop.services.labelling._printing import (
    VerifyResult,
    print_labels,
    queue_labels,
    record_printing,
    verify_label,
)
from desktop.services.labelling._queue import (
    LabelPreview,
    QueueLine,
    Scanned,
    identify,
    label_preview,
    print_queue,
)
from desktop.services.labelling._reprint import (
    Reconciliation,
    queue_reprint,
    reconcile,
    record_reprint,
    reprint_label,
)
from desktop.services.labelling._serial_labels import (
    SerialLabel,
    SerialLabelsPrinted,
    print_serial_labels,
    serial_labels,
)
from desktop.services.labelling._templates import (
    TemplatePreview,
    TemplateVersionView,
    approve_template,
    register_template_file,
    register_templates,
    template_preview,
    template_versions,
)

__all__ = [
    "ISSUED",
    "LabelPreview",
    "PrintJobView",
    "QueueLine",
    "Reconciliation",
    "Scanned",
    "SerialLabel",
    "SerialLabelsPrinted",
    "TemplatePreview",
    "TemplateVersionView",
    "VerifyResult",
    "approve_template",
    "identify",
    "label_preview",
    "print_labels",
    "print_queue",
    "print_serial_labels",
    "queue_labels",
    "queue_reprint",
    "reconcile",
    "record_printing",
    "record_reprint",
    "register_template_file",
    "register_templates",
    "reprint_label",
    "serial_labels",
    "template_preview",
    "template_versions",
    "verify_label",
]
