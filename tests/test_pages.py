"""Page assembly helpers: display formatting, joins by id, datasets shared once per page."""

import pandas as pd
import pytest

from generator.charts.spec import ChartSpec
from generator.site import pages
from generator.formatting import NA, fmt, fmt_pct
from generator.site.structure import Figure, Page, Section

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def test_numbers_for_people_have_three_significant_digits_and_separators():
    assert fmt(306.709) == "307"
    assert fmt(1215.36) == "1,215"
    assert fmt(0.192) == "0.192"
    assert fmt(0.96) == "0.96" and fmt(2.0) == "2" and fmt(15.0) == "15"
    assert fmt(19.2) == "19.2"
    assert fmt(float("nan")) == NA and fmt(None) == NA
    assert fmt_pct(12.5) == "12.5%" and fmt_pct(100.0) == "100%"


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


def chart(name: str, frame: pd.DataFrame) -> ChartSpec:
    return ChartSpec({"data": {"name": name}, "mark": "point"}, name, frame, "a chart of 1 row")


def test_a_page_ships_a_dataset_once_however_many_charts_draw_it():
    rows = pd.DataFrame({"x": [1, 2]})
    page = Page("p", "P", "P", sections=[Section("s", "S", figures=[
        Figure("a", "A", chart("shared", rows)), Figure("b", "B", chart("shared", rows.copy())),
        Figure("c", "C", chart("own", rows))])])
    assert list(page.datasets()) == ["shared", "own"]
    assert [f.csv_path for f in page.all_figures()] == ["data/charts/p/a.csv", "data/charts/p/b.csv",
                                                        "data/charts/p/c.csv"]


def test_two_different_tables_under_one_name_are_refused():
    page = Page("p", "P", "P", sections=[Section("s", "S", figures=[
        Figure("a", "A", chart("same", pd.DataFrame({"x": [1]}))),
        Figure("b", "B", chart("same", pd.DataFrame({"x": [2]})))])])
    with pytest.raises(ValueError, match="two different datasets"):
        page.datasets()
