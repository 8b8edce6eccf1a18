"""Issue 18 items 6-8: small frictions, under AppTest."""

from tests.support.apptest import figures, open_page


def test_typing_a_year_moves_the_map_and_the_slider():
    at = open_page("app_pages/map.py", {"year": "1970"})
    assert at.number_input(key="year_typed").value == 1970
    at.number_input(key="year_typed").set_value(1975).run()
    assert not at.exception
    assert at.slider(key="year").value == 1975
    assert at.query_params["year"] == "1975"
    (figure, *_) = figures(at)
    assert "1975" in figure["layout"]["title"]["text"]
    at.slider(key="year").set_value(1988).run()
    assert at.number_input(key="year_typed").value == 1988  # in step with the slider
