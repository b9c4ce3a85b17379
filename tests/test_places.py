"""Event places from the offline gazetteer (analysis/places.py)."""

import pytest

from chronicle.analysis.circumstances import location_in, lookup


def test_lookup_cities_and_countries():
    moscow = lookup("Moscow")
    assert (moscow.country, round(moscow.lat), round(moscow.lon)) == ("RUS", 56, 38)
    assert lookup("Kabul").country == "AFG"
    assert lookup("the United States").country == "USA"
    assert lookup("Tartus").country == "SYR"
    assert lookup("Nowhereville") is None


@pytest.mark.slow
def test_location_is_a_place_after_a_preposition_not_an_actor(nlp):
    doc = nlp("Lavrov spoke at a news conference in Moscow on Tuesday.")
    assert location_in(doc).name == "Moscow"
    assert location_in(nlp("Moscow insists it will block the resolution.")) is None
