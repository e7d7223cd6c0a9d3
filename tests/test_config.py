"""site.yml: defaults, the assumptions shown, and clear problems for bad settings."""

import pytest

from generator.config import load_config
from generator.errors import DataError
from generator.model.roofline import ASSUMPTIONS


def test_a_missing_file_means_the_defaults(tmp_path):
    config = load_config(tmp_path / "site.yml", ASSUMPTIONS)
    assert config.default_assumption == "weights-offchip"
    assert config.assumptions == ("weights-offchip",)


def test_the_default_assumption_comes_first_and_duplicates_are_dropped(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("roofline:\n  default_assumption: batch-amortised\n"
                    "  assumptions: [weights-offchip, batch-amortised, weights-offchip]\n  batch: 8\n")
    config = load_config(path, ASSUMPTIONS)
    assert config.assumptions == ("batch-amortised", "weights-offchip")
    assert config.batch == 8


def test_unknown_settings_and_assumptions_are_reported_together(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("titel: x\nroofline:\n  assumptions: [weights-in-dram]\n  batch: 0\n")
    with pytest.raises(DataError) as info:
        load_config(path, ASSUMPTIONS)
    text = str(info.value)
    assert "field 'titel': unknown setting" in text
    assert "found 'weights-in-dram'" in text
    assert "field 'roofline.batch': expected an integer >= 1, found 0" in text


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("title: ok\nroofline: [unclosed\n")
    with pytest.raises(DataError) as info:
        load_config(path, ASSUMPTIONS)
    assert info.value.problems[0].where.startswith("line ")
