"""GS1 keys typed in are checked by their check digit where they are entered: a site's GLN at
shipping, the plant's GLN of an EPCIS export, an SSCC typed at a station."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.domain.udi import key_problem
from desktop.services.core.errors import Refusal
from desktop.services.distribution import ship
from desktop.services.documents import export_epcis
from desktop.services.quality import lot_review


def test_key_problem_names_the_digit_it_expects() -> None:
    assert key_problem("GLN", "9506000000015") is None
    assert key_problem("GLN", "9506000000017") == (
        'GLN "9506000000017" has a wrong check digit (the last digit should be 5)'
    )
    assert key_problem("SSCC", "095060000000000190") is None
    assert key_problem("GTIN", "09506000134353") == (
        'GTIN "09506000134353" has a wrong check digit (the last digit should be 2)'
    )
    assert key_problem("GLN", "95060000000１5") == 'GLN "95060000000１5" must be 13 digits'


def test_wrong_check_digits_are_refused_where_they_are_entered(plant) -> None:
    pack = plant.ctx("packaging")
    with pytest.raises(Refusal, match=r'GLN "9506000000017" has a wrong check digit'):
        ship(pack, "CUST-STMARY", "9506000000017", ["SN-000001"])
    qc = plant.ctx("qc_inspector")
    with pytest.raises(Refusal, match=r'SSCC "095060000000000191" has a wrong check digit'):
        lot_review(qc, "095060000000000191")
    since = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(Refusal, match=r'plant GLN "9506000000093" has a wrong check digit'):
        export_epcis(qc, since, plant_gln="9506000000093")
