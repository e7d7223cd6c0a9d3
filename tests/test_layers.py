import pytest

from generator.model.layers import (
    Layer,
    non_integral_channels,
    ops_gop,
    pruned,
    variant_counts,
    weights_m,
)


def conv(cin, cout, size):
    return Layer("conv", cin, cout, kernel=(3, 3), out_size=(size, size))


def dense(cin, cout):
    return Layer("dense", cin, cout)


# CNV (FINN, CIFAR-10): six 3x3 convolutions (valid padding, two 2x2 max-pools) and three
# dense layers.
CNV = (
    conv(3, 128, 30), conv(128, 128, 28), conv(128, 256, 12), conv(256, 256, 10),
    conv(256, 512, 3), conv(512, 512, 1),
    dense(512, 1024), dense(1024, 1024), dense(1024, 10),
)
# MLP (MNIST): three hidden layers of 2048 neurons.
MLP = (dense(784, 2048), dense(2048, 2048), dense(2048, 2048), dense(2048, 10))

# keep_pct -> (GOP per input, weights in millions), worked out by hand.
CNV_COUNTS = {
    100.0: (0.469449728, 6.157696),
    50.0: (0.118922752, 1.542848),
    25.0: (0.030510848, 0.387424),
    12.5: (0.008017792, 0.097712),
}
MLP_COUNTS = {
    100.0: (0.02002944, 10.01472),
    50.0: (0.005820416, 2.910208),
    25.0: (0.001861632, 0.930816),
    12.5: (0.000668672, 0.334336),
}


def test_cnv_layer_by_layer_by_hand():
    first = CNV[0]
    assert first.weights() == 3 * 128 * 3 * 3
    assert first.macs() == 3 * 128 * 9 * 900  # 30 x 30 outputs
    assert CNV[-1].macs() == CNV[-1].weights() == 1024 * 10
    macs = [3 * 128 * 9 * 900, 128 * 128 * 9 * 784, 128 * 256 * 9 * 144, 256 * 256 * 9 * 100,
            256 * 512 * 9 * 9, 512 * 512 * 9 * 1, 512 * 1024, 1024 * 1024, 1024 * 10]
    assert [layer.macs() for layer in CNV] == macs
    assert sum(macs) == 234_724_864
    assert ops_gop(CNV) == pytest.approx(2 * 234_724_864 / 1e9, rel=1e-15)


@pytest.mark.parametrize("keep_pct", sorted(CNV_COUNTS))
def test_cnv_ops_and_weights_per_pruning_level(keep_pct):
    gop, weights = CNV_COUNTS[keep_pct]
    variant = pruned(CNV, keep_pct)
    assert ops_gop(variant) == pytest.approx(gop, rel=1e-12)
    assert weights_m(variant) == pytest.approx(weights, rel=1e-12)


@pytest.mark.parametrize("keep_pct", sorted(MLP_COUNTS))
def test_mlp_ops_and_weights_per_pruning_level(keep_pct):
    gop, weights = MLP_COUNTS[keep_pct]
    variant = pruned(MLP, keep_pct)
    assert ops_gop(variant) == pytest.approx(gop, rel=1e-12)
    assert weights_m(variant) == pytest.approx(weights, rel=1e-12)


def test_pruning_keeps_network_input_and_class_outputs():
    variant = pruned(MLP, 25)
    assert [(l.in_channels, l.out_channels) for l in variant] == [
        (784, 512), (512, 512), (512, 512), (512, 10)]
    cnv = pruned(CNV, 12.5)
    assert (cnv[0].in_channels, cnv[0].out_channels) == (3, 16)
    assert (cnv[-1].in_channels, cnv[-1].out_channels) == (128, 10)
    assert all(a.kernel == b.kernel and a.out_size == b.out_size for a, b in zip(cnv, CNV))
    assert pruned(CNV, 100) == CNV


def test_dense_counts_and_ops_are_two_per_mac():
    layer = dense(784, 2048)
    assert layer.weights() == layer.macs() == 784 * 2048
    assert ops_gop([layer]) == pytest.approx(2 * 784 * 2048 / 1e9)
    assert weights_m([layer]) == pytest.approx(784 * 2048 / 1e6)


def test_whole_channel_counts_report_nothing():
    for keep_pct in (100, 50, 25, 12.5):
        assert non_integral_channels(CNV, keep_pct).empty
        assert non_integral_channels(MLP, keep_pct).empty


def test_non_integral_counts_are_reported_and_rounded_half_up_at_least_one():
    layers = (dense(784, 10), dense(10, 3), dense(3, 10))
    report = non_integral_channels(layers, 30)
    # 10 x 0.3 = 3 is whole; 3 x 0.3 = 0.9 is not (both the hidden output and the next input).
    assert list(report.columns) == ["layer", "field", "channels", "scaled_channels",
                                    "rounded_channels"]
    assert list(zip(report["layer"], report["field"], report["channels"])) == [
        (1, "out_channels", 3), (2, "in_channels", 3)]
    assert list(report["scaled_channels"]) == pytest.approx([0.9, 0.9])
    assert list(report["rounded_channels"]) == [1, 1]
    assert [(l.in_channels, l.out_channels) for l in pruned(layers, 30)] == [
        (784, 3), (3, 1), (1, 10)]
    # halves round up; a count that would round to 0 stays 1
    halves = pruned((dense(4, 5), dense(5, 4), dense(1, 4)), 10)
    assert [(l.in_channels, l.out_channels) for l in halves] == [(4, 1), (1, 1), (1, 4)]
    assert pruned((dense(4, 5), dense(5, 4)), 50)[0].out_channels == 3  # 2.5 -> 3


def test_keep_pct_is_exact_as_written():
    # 10 x 0.1 is 1.0000000000000002 in floating point, but 10 % of 10 channels is exactly 1.
    layers = (dense(8, 10), dense(10, 8))
    assert non_integral_channels(layers, 10).empty
    assert pruned(layers, 10)[0].out_channels == 1


@pytest.mark.parametrize("keep_pct", [0, -5, 150])
def test_keep_pct_outside_0_to_100_is_rejected(keep_pct):
    with pytest.raises(ValueError, match="keep_pct"):
        pruned(MLP, keep_pct)


def test_invalid_layers_are_rejected():
    with pytest.raises(ValueError, match="kind"):
        Layer("pool", 3, 3)
    with pytest.raises(ValueError, match="dense"):
        Layer("dense", 3, 3, kernel=(3, 3))
    with pytest.raises(ValueError, match="integers"):
        Layer("conv", 0, 3)
    with pytest.raises(ValueError, match="integers"):
        Layer("conv", 3, 2.5)
    assert Layer("conv", 3, 4, kernel=[3, 3], out_size=[2, 2]).kernel == (3, 3)


def test_variant_counts_frame():
    frame = variant_counts(MLP, [12.5, 100, 50, 25, 50])
    assert list(frame.columns) == ["pruning_pct", "ops_gop", "weights_m", "integral_channels"]
    assert list(frame["pruning_pct"]) == [100.0, 50.0, 25.0, 12.5]
    assert list(frame["ops_gop"]) == pytest.approx([MLP_COUNTS[k][0] for k in frame["pruning_pct"]])
    assert list(frame["weights_m"]) == pytest.approx([MLP_COUNTS[k][1] for k in frame["pruning_pct"]])
    assert frame["integral_channels"].tolist() == [True] * 4
    assert variant_counts(MLP, [30])["integral_channels"].tolist() == [False]
