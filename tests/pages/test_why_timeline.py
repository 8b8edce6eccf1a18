"""The Timelines' record lanes (issue 21): the lane filter in the address, a treaty's record by its
prefixed id, a visit found by search, and the lanes in Korean."""

from __future__ import annotations

import json

from atlas.core import i18n
from tests.support.apptest import event_points, open_page, timeline_charts

TREATY = "treaty:1961-prk-chn-friendship"


def lane_filter(at):
    return next(b for b in at.get("button_group") if b.proto.id.endswith("-lanes"))


def lanes_drawn(at) -> list[str]:
    (figure,) = [json.loads(chart.proto.spec) for chart in timeline_charts(at)]
    return figure["layout"]["yaxis"]["categoryarray"]


def test_lanes_in_the_address_show_the_record_lanes_and_a_search_finds_a_visit():
    at = open_page("app_pages/timeline.py", {"lanes": "treaties,organisations,security-council,visits"})
    assert lane_filter(at).proto.label == "Show"
    assert {"leaders' visits", "Security Council", "organisations", "treaties signed"} <= set(lanes_drawn(at))
    points = event_points(at)
    assert {TREATY, "unsc:veto-2022-05-26", "org:npt-left-2003-01-11"} <= points
    assert all(p.split(":")[0] in {"treaty", "org", "unsc", "visit"} for p in points)
    at.text_input(key="q").input("Vladivostok").run()
    assert at.query_params["q"] == "Vladivostok" and at.query_params["lanes"] == "treaties,organisations,security-council,visits"
    picker = at.selectbox(key="open_record")
    assert picker.options and all("Vladivostok" in o for o in picker.options)
    picker.select_index(next(i for i, o in enumerate(picker.options) if "Kim Jong Un in Vladivostok (Russky" in o)).run()
    assert at.query_params["event"] == "visit:2019-04-kim-jong-un-vladivostok"
    assert at.subheader[0].value == "Kim Jong Un in Vladivostok (Russky Island) (Russia)"
    assert "**Host:** Russia" in " ".join(m.value for m in at.markdown)


def test_a_treaty_record_opens_by_its_id_with_its_source_link():
    at = open_page("app_pages/timeline.py", {"event": TREATY})
    assert at.subheader[0].value.startswith("Treaty of Friendship, Cooperation and Mutual Assistance")
    shown = " ".join(m.value for m in at.markdown)
    assert "**In force:** 10 September 1961" in shown and "**Signed:** 11 July 1961" in shown
    assert "Source: [korean.cri.cn](<https://korean.cri.cn/" in shown
    assert any(b.proto.url.endswith("map?year=1961") for b in at.get("link_button"))


def test_record_lanes_in_korean():
    i18n.missing.clear()
    at = open_page("app_pages/timeline.py", {"lang": "ko", "lanes": "events,treaties,visits", "event": TREATY})
    assert lane_filter(at).proto.label == "표시"
    assert {"조약 체결", "정상 방문", "외교"} <= set(lanes_drawn(at))
    shown = " ".join(m.value for m in at.markdown)
    assert "**발효:** 1961년 9월 10일" in shown and "출처:" in shown
    assert not i18n.missing, sorted(i18n.missing)
