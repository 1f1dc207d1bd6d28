"""The way to the outgoing server's authentication, place by place, per device."""

import pytest

from actions import knowledge
from actions.fix_path import places_on_the_way, reached
from czech_nlu.folding import fold


@pytest.mark.parametrize("device", sorted(knowledge.guides()))
def test_every_device_has_a_way_that_ends_at_the_setting(device):
    places = places_on_the_way(device)
    assert len(places) >= 2
    assert places[-1] == knowledge.places(device)["smtp_auth"]
    assert all(place.count("(") == place.count(")") for place in places)  # never cut in an aside


@pytest.mark.parametrize(
    "device, report, expected",
    [
        ("iphone_mail", "ok otevřel jsem nastavení", 0),
        ("iphone_mail", "jsem v poštovních účtech", 3),
        ("mac_mail", "mám otevřené nastavení a vidím účty", 2),
        ("thunderbird", "mám otevřené nastavení účtu", 1),
        ("outlook_windows", "jsem v souboru", 0),
    ],
)
def test_the_place_named_is_where_the_customer_is(device, report, expected):
    assert reached(fold(report), device) == expected


def test_a_verb_of_the_way_names_no_place():
    assert reached(fold("otevřel jsem to"), "mac_mail") is None
