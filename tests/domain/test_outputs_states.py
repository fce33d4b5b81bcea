"""What can become of a paper depends on where it went: a person's own copy is handed over,
an authority's copy is submitted, a consignee's may be either (規程第35条)."""

from __future__ import annotations

import pytest

from app.domain import outputs
from app.domain.outputs import DESTINATIONS, State

AUTHORITIES = ("税務署", "市区町村", "年金事務所", "ハローワーク", "健康保険組合")


def test_every_destination_has_its_fitting_states() -> None:
    assert set(DESTINATIONS) == {*AUTHORITIES, "本人", "社会保険労務士", "税理士"}
    assert outputs.states_for("本人") == (State.DELIVERED, State.RETURNED, State.DESTROYED)
    for authority in AUTHORITIES:
        assert outputs.states_for(authority) == (
            State.SUBMITTED,
            State.RETURNED,
            State.DESTROYED,
        )
    for consignee in ("社会保険労務士", "税理士"):
        assert set(outputs.states_for(consignee)) == set(outputs.CONFIRMED)


@pytest.mark.parametrize(
    ("destination", "state"),
    [("本人", "submitted"), ("税務署", "delivered"), ("健康保険組合", "delivered")],
)
def test_a_state_that_does_not_fit_the_destination_is_refused(destination: str, state: str) -> None:
    with pytest.raises(outputs.InvalidOutput, match=f"{destination}への出力は"):
        outputs.confirmed_state(state, destination)


def test_a_fitting_state_is_accepted_and_withdrawn_is_no_confirmation() -> None:
    assert outputs.confirmed_state("delivered", "本人") is State.DELIVERED
    assert outputs.confirmed_state("submitted", "税理士") is State.SUBMITTED
    assert outputs.confirmed_state("delivered", "社会保険労務士") is State.DELIVERED
    assert State.WITHDRAWN.label == "取消（出力せず）"
    with pytest.raises(outputs.InvalidOutput):
        outputs.confirmed_state("withdrawn", "税務署")
