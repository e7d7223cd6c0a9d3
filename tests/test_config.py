"""site.yml: declared options, defaults, the assumptions shown, and clear problems for bad settings."""

import pytest

from generator.errors import DataError
from generator.inputs.config import OPTIONS, SiteConfig, load_config

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def test_a_missing_file_means_the_defaults(tmp_path):
    config = load_config(tmp_path / "site.yml")
    assert config == SiteConfig()
    assert config.default_assumption == "weights-offchip"
    assert config.assumptions == ("weights-offchip",)


def test_every_option_is_declared_with_a_default_and_help():
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert all(o.help for o in OPTIONS)
    assert {"title", "tagline", "roofline.default_assumption", "roofline.assumptions", "roofline.batch"} <= set(keys)


def test_the_default_assumption_comes_first_and_duplicates_are_dropped(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("roofline:\n  default_assumption: batch-amortised\n"
                    "  assumptions: [weights-offchip, batch-amortised, weights-offchip]\n  batch: 8\n")
    config = load_config(path)
    assert config.assumptions == ("batch-amortised", "weights-offchip")
    assert config.batch == 8


def test_unknown_settings_and_bad_values_are_reported_together_with_their_lines(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("titel: x\nroofline:\n  assumptions: [weights-in-dram]\n  batch: 0\n  bacth: 3\n")
    with pytest.raises(DataError) as info:
        load_config(path)
    lines = [str(p) for p in info.value.problems]
    assert lines == [
        "site.yml, line 1, field 'titel': expected a known key, found 'titel'; did you mean 'title'?",
        "site.yml, line 3, field 'roofline.assumptions': expected one of weights-offchip, batch-amortised, "
        "weights-onchip, platform-aware, per-layer, calibrated, found the text 'weights-in-dram'; did you mean 'weights-onchip'?",
        "site.yml, line 4, field 'roofline.batch': expected an integer >= 1, found 0",
        "site.yml, line 5, field 'roofline.bacth': expected a known key, found 'bacth'; did you mean 'batch'?",
    ]


@pytest.mark.parametrize("value", ["1000000000000000000000000000000", "1e30", "10.5", "true", "'16'"])
def test_an_absurd_batch_is_one_problem_not_a_crash(tmp_path, value):
    path = tmp_path / "site.yml"
    path.write_text(f"roofline:\n  batch: {value}\n")
    with pytest.raises(DataError) as info:
        load_config(path)
    (problem,) = info.value.problems
    assert problem.field == "roofline.batch" and problem.where == "line 2"
    assert problem.message.startswith("expected an integer")


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("title: ok\nroofline: [unclosed\n")
    with pytest.raises(DataError) as info:
        load_config(path)
    assert info.value.problems[0].where.startswith("line ")


def test_a_settings_file_that_is_not_a_mapping_is_one_problem(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("- a\n- b\n")
    with pytest.raises(DataError) as info:
        load_config(path)
    assert [p.message for p in info.value.problems] == ["expected a mapping of settings (a mapping of keys), found a list"]
