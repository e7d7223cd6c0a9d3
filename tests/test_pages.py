"""Page assembly helpers: display formatting, joins by id, and large charts."""

import altair as alt
import pandas as pd

from generator import pages


def test_numbers_for_people_have_three_significant_digits_and_separators():
    assert pages.fmt(306.709) == "307"
    assert pages.fmt(1215.36) == "1,215"
    assert pages.fmt(0.192) == "0.192"
    assert pages.fmt(0.96) == "0.96" and pages.fmt(2.0) == "2" and pages.fmt(15.0) == "15"
    assert pages.fmt(19.2) == "19.2"
    assert pages.fmt(float("nan")) == pages.NA
    assert pages.fmt_pct(12.5) == "12.5%" and pages.fmt_pct(100.0) == "100%"


class _Results:
    """Just the two frames with_names reads."""

    platforms = pd.DataFrame({
        "platform": ["p1", "p1"], "platform_name": ["Board One", "Board One"], "vendor": ["V", "V"],
        "kind": ["GPU", "GPU"], "mode": ["a", "b"], "precision": ["FP16", "FP16"],
    })
    variants = pd.DataFrame({"network": ["n1", "n1"], "network_name": ["Net One", "Net One"], "pruning_pct": [100.0, 50.0]})


def test_names_are_joined_by_id_without_overwriting_existing_columns():
    pareto = pd.DataFrame({"platform": ["p1"], "mode": ["b"], "network": ["n1"], "kind": ["measured"]})
    named = pages.with_names(pareto, _Results())
    assert named.loc[0, "kind"] == "measured"  # the Pareto point kind, not the platform kind
    assert named.loc[0, "platform_name"] == "Board One"
    assert named.loc[0, "platform_label"] == "Board One b"
    assert named.loc[0, "network_name"] == "Net One"
    assert len(named) == 1


def test_a_chart_with_more_than_5000_rows_is_embedded_whole():
    frame = pd.DataFrame({"x": range(6000)})
    fig = pages.figure("big", "Big", alt.Chart(frame).mark_point().encode(x="x:Q"), frame)
    (values,) = fig.spec["datasets"].values()
    assert len(values) == 6000
