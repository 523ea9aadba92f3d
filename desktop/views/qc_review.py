"""The review by exception of a lot, as the QC station shows it: the release state first (with
the signed manifestation once released, or every blocker in words), then the exceptions.

Colour marks only what is abnormal, and never alone: each mark has a word and a shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTextBrowser

from desktop.domain.events import Outcome
from desktop.domain.quality import NcrStatus
from desktop.domain.states import Status
from desktop.services.identity import SignatureInfo
from desktop.services.quality import LotReview, NcrView, ScannedReview
from desktop.views import theme
from desktop.views.words import shown

ABNORMAL_STATES = frozenset({Status.NONCONFORMING, Status.SCRAPPED, Status.REJECTED})


def when(stamp: datetime | None) -> str:
    """A stored UTC time in the station's zone."""
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M") if stamp else ""


class QcWords(QObject):
    """Words shared by the QC views (a QObject, so that they are translated)."""

    def signed(self, sig: SignatureInfo) -> str:
        """The manifestation, with a warning in words when the record changed after signing."""
        if sig.valid:
            return shown(sig.manifestation())
        warning = self.tr("⚠ SIGNATURE INVALID: %1").replace("%1", shown(sig.problem))
        return f"{shown(sig.manifestation())}  {warning}"

    def disposition(self, ncr: NcrView) -> str:
        if ncr.disposition is None:
            return ""
        text = shown(ncr.disposition.words)
        if ncr.return_to_step:
            text += " " + self.tr("→ step %1").replace("%1", str(ncr.return_to_step))
        text += f": {ncr.disposition_reason or ''}"
        return text + (f" · {self.signed(ncr.signature)}" if ncr.signature else "")


WORDS = QcWords()


def signed_words(sig: SignatureInfo) -> str:
    return WORDS.signed(sig)


def ncr_disposition(ncr: NcrView) -> str:
    return WORDS.disposition(ncr)


def _cell(text: object, *, abnormal: bool = False) -> str:
    shown = escape(str(text)) if text is not None else ""
    if abnormal:
        return f"<td style='color:{theme.ABNORMAL}; font-weight:bold'>✖ {shown}</td>"
    return f"<td>{shown}</td>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return (
        f"<table cellspacing='0' cellpadding='4' border='1' width='100%' "
        f"style='border-color:{theme.BORDER}; border-collapse:collapse'>"
        f"<tr style='background:{theme.PANEL}'>{head}</tr>{body}</table>"
    )


class ReviewBrowser(QTextBrowser):
    """Read-only rich text of one lot's review; scrolls with the keyboard (PgUp/PgDn)."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        # 100 % wide tables lay out one pixel wider than the viewport: no scroll bar for that
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFont(theme.font(13))
        self.setStyleSheet(
            f"QTextBrowser {{ background: #FFFFFF; border: 1px solid {theme.BORDER}; }}"
        )
        self.show_review(None)

    def show_review(self, scanned: ScannedReview | None) -> None:
        if scanned is None:
            self.setHtml(
                "<p style='font-size:15pt'>"
                + escape(self.tr("Scan a lot label or a unit label to see its review."))
                + "</p>"
            )
            return
        r = scanned.review
        parts = [self._heading(r), self._state(r), self._units(r)]
        parts += [self._ncrs(r), self._deviations(r), self._holds(r), self._labels(r)]
        self.setHtml("".join(p for p in parts if p))

    # ---- sections -------------------------------------------------------------------------
    def _heading(self, r: LotReview) -> str:
        title = self.tr("Lot %1 · %2").replace("%1", r.lot).replace("%2", r.product)
        status = self.tr("GTIN %1 · status: %2").replace("%1", r.gtin)
        status = status.replace("%2", shown(r.status.words))
        return (
            f"<p style='font-size:17pt; font-weight:bold; margin:0'>{escape(title)}</p>"
            f"<p style='margin-top:2px'>{escape(status)}</p>"
        )

    def _box(self, colour: str, width: int, title: str, lines: Sequence[str]) -> str:
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        body = f"<ul style='margin-top:2px'>{items}</ul>" if lines else ""
        return (
            f"<table width='100%' cellpadding='8' cellspacing='0' border='{width}' "
            f"style='border-color:{colour}; border-style:solid'><tr><td>"
            f"<p style='font-size:16pt; font-weight:bold; color:{colour}; margin:0'>"
            f"{escape(title)}</p>{body}</td></tr></table>"
        )

    def _state(self, r: LotReview) -> str:
        boxes = []
        if r.release is not None:
            colour = theme.GOOD if r.release.valid else theme.ABNORMAL
            boxes.append(
                self._box(colour, 2, self.tr("✔  RELEASED — signed"), [signed_words(r.release)])
            )
        if r.blockers:
            title = self.tr("✖  NOT READY FOR RELEASE — %1 blocker(s)")
            boxes.append(
                self._box(
                    theme.ABNORMAL,
                    3,
                    title.replace("%1", str(len(r.blockers))),
                    [shown(b) for b in r.blockers],
                )
            )
        elif r.pending:
            title = self.tr("●  READY FOR RELEASE — %1 item(s): press F9 to release")
            boxes.append(self._box(theme.TEXT, 2, title.replace("%1", str(len(r.pending))), []))
        return "".join(boxes)

    def _section(self, title: str, count: int) -> str:
        text = f"{title} ({count})"
        return f"<p style='font-size:14pt; font-weight:bold; margin-top:10px'>{escape(text)}</p>"

    def _units(self, r: LotReview) -> str:
        if not r.units:
            return ""
        rows = [
            [
                _cell(shown(u.unit)),
                _cell(shown(u.status.words), abnormal=u.status in ABNORMAL_STATES),
                _cell(u.steps_passed),
                _cell(u.next_step or self.tr("every step passed")),
            ]
            for u in r.units
        ]
        heads = [self.tr("Unit"), self.tr("Status"), self.tr("Steps passed"), self.tr("Next step")]
        return self._section(self.tr("Units"), len(r.units)) + _table(heads, rows)

    def _ncrs(self, r: LotReview) -> str:
        rows = [
            [
                _cell(n.number),
                _cell(shown(n.item)),
                _cell(shown(n.status.words), abnormal=n.status is not NcrStatus.CLOSED),
                _cell(n.description),
                _cell(ncr_disposition(n)),
            ]
            for n in r.ncrs
        ]
        heads = [
            self.tr("NCR"),
            self.tr("Item"),
            self.tr("Status"),
            self.tr("Description"),
            self.tr("Disposition and signature"),
        ]
        return self._section(self.tr("Nonconformances"), len(rows)) + (
            _table(heads, rows) if rows else ""
        )

    def _deviations(self, r: LotReview) -> str:
        events = list(r.deviations) + list(r.overrides)
        rows = [
            [
                _cell(when(e.at)),
                _cell(shown(e.item)),
                _cell(shown(e.what), abnormal=e.outcome is not Outcome.OK),
                _cell(e.user),
                _cell(shown(e.message)),
            ]
            for e in events
        ]
        heads = [
            self.tr("When"),
            self.tr("Item"),
            self.tr("What"),
            self.tr("User"),
            self.tr("Message"),
        ]
        title = self.tr("Deviations and overrides")
        return self._section(title, len(rows)) + (_table(heads, rows) if rows else "")

    def _holds(self, r: LotReview) -> str:
        rows = [
            [
                _cell(shown(h.item)),
                _cell(self.tr("ON HOLD") if h.active else self.tr("released"), abnormal=h.active),
                _cell(h.reason + (f" ({h.ncr})" if h.ncr else "")),
                _cell(f"{h.placed_by} {when(h.placed_at)}"),
                _cell(f"{h.released_by or ''} {when(h.released_at)} {h.release_reason or ''}"),
            ]
            for h in r.holds
        ]
        heads = [
            self.tr("Item"),
            self.tr("State"),
            self.tr("Reason"),
            self.tr("Placed"),
            self.tr("Released"),
        ]
        return self._section(self.tr("Holds"), len(rows)) + (_table(heads, rows) if rows else "")

    def _labels(self, r: LotReview) -> str:
        lines = [(self.tr("reprint"), x) for x in r.reprints]
        lines += [(self.tr("voided"), x) for x in r.voided]
        rows = [
            [
                _cell(kind),
                _cell(x.key),
                _cell(shown(x.item)),
                _cell(shown(x.status.words)),
                _cell(x.reason or ""),
            ]
            for kind, x in lines
        ]
        heads = [
            self.tr("What"),
            self.tr("Job"),
            self.tr("Item"),
            self.tr("Status"),
            self.tr("Reason"),
        ]
        title = self.tr("Reprinted and voided labels")
        return self._section(title, len(rows)) + (_table(heads, rows) if rows else "")


__all__ = ["ReviewBrowser", "ncr_disposition", "signed_words", "when"]
