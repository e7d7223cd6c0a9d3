"""Networks described by their layers: shapes, operations, weights, activations, pruning."""

import pytest

from generator.inputs.dataset import load_dataset
from generator.model.layers import class_outputs, expand, layer_frame, ops_gop, weights_m
from generator.records import Architecture, Block, Branches, Op
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def conv(out, kernel, stride=None, pad=0, groups=1):
    return Op("conv", out, (kernel, kernel), (stride, stride) if stride else None, (pad, pad), groups)


def dense(out):
    return Op("dense", out)


def pool(kernel, kind="maxpool", stride=None, pad=0):
    return Op(kind, None, (kernel, kernel), (stride, stride) if stride else None, (pad, pad))


# CNV (FINN, CIFAR-10): 3 x 3 convolutions without padding, two 2 x 2 max-poolings, three dense layers.
CNV = Architecture((32, 32, 3), (conv(128, 3), conv(128, 3), pool(2), conv(256, 3), conv(256, 3), pool(2),
                                 conv(512, 3), conv(512, 3), dense(1024), dense(1024), dense(10)))
# MLP (MNIST): three hidden layers of 2048 neurons.
MLP = Architecture((28, 28, 1), (dense(2048), dense(2048), dense(2048), dense(10)))

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

# Published totals (GOP per input = 2 x multiply-accumulates, millions of weights) and how close the
# counts from the layers must come. ResNet-50 v1 and MobileNet v1: QuTiBench's table (7.72 GOP, 25.5 M;
# 1.14 GOP, 4.2 M). ResNet-50 v1.5: 8.2 GOP (QuTiBench's measurements table), the same weights.
# GoogLeNet v1: 3.13 GOP (QuTiBench) and 6.8 M weights (Szegedy et al. 2015, table 1, whose rows are
# rounded; QuTiBench's 6.0 M leaves out the 1.02 M of the classifier).
PUBLISHED = {
    "resnet-50": (7.72, 25.5),
    "resnet-50-v1.5": (8.2, 25.5),
    "googlenet-v1": (3.13, 6.8),
    "mobilenet-v1": (1.14, 4.2),
}
OPS_TOLERANCE = 0.02  # relative
WEIGHTS_TOLERANCE = 0.03


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(SHIPPED)


@pytest.mark.parametrize("network_id", sorted(PUBLISHED))
def test_imagenet_networks_computed_from_their_layers_match_the_published_totals(shipped, network_id):
    network = shipped.network(network_id)
    assert network.architecture is not None
    layers = expand(network.architecture).layers
    ops, weights = PUBLISHED[network_id]
    assert ops_gop(layers) == pytest.approx(ops, rel=OPS_TOLERANCE)
    assert weights_m(layers) == pytest.approx(weights, rel=WEIGHTS_TOLERANCE)
    unpruned = network.variant(100)
    assert unpruned.from_layers and unpruned.ops_gop == ops_gop(layers) and unpruned.weights_m == weights_m(layers)
    assert class_outputs(network.architecture) == 1000 and layers[-1].out_shape == (1, 1, 1000)


def test_the_two_resnet_50_versions_differ_only_where_the_stride_is(shipped):
    v1 = expand(shipped.network("resnet-50").architecture).layers
    v15 = expand(shipped.network("resnet-50-v1.5").architecture).layers
    assert weights_m(v1) == weights_m(v15)
    assert [layer.name for layer in v1] == [layer.name for layer in v15]
    differ = [(a.name, a.macs, b.macs) for a, b in zip(v1, v15) if a.macs != b.macs]
    # conv3..conv5 first blocks: v1.5 runs the first 1 x 1 convolution of the main branch at the full
    # resolution (4x the MACs) and strides in the 3 x 3 one (same MACs either way)
    assert [(name, after / before) for name, before, after in differ] == [
        ("conv3.1.b1.1", 4), ("conv4.1.b1.1", 4), ("conv5.1.b1.1", 4)]
    assert ops_gop(v15) > ops_gop(v1)


def test_pruned_resnet_variants_keep_their_published_totals(shipped):
    resnet = shipped.network("resnet-50")
    assert [(v.pruning_pct, v.ops_gop, v.weights_m, v.from_layers) for v in resnet.variants[1:]] == [
        (80, 6.54, 23.7, False), (50, 3.75, 15.8, False), (30, 2.45, 10.1, False)]


def test_cnv_layer_by_layer_by_hand():
    layers = expand(CNV).layers
    assert [layer.kind for layer in layers] == ["conv", "conv", "maxpool", "conv", "conv", "maxpool", "conv", "conv",
                                                "dense", "dense", "dense"]
    assert [layer.out_shape[0] for layer in layers[:8]] == [30, 28, 14, 12, 10, 5, 3, 1]
    first = layers[0]
    assert first.weights == 3 * 128 * 3 * 3
    assert first.macs == 3 * 128 * 9 * 900  # 30 x 30 outputs
    assert (first.activations_in, first.activations_out) == (32 * 32 * 3, 30 * 30 * 128)
    pool1 = layers[2]
    assert (pool1.macs, pool1.weights, pool1.activations_in, pool1.activations_out) == (0, 0, 28 * 28 * 128,
                                                                                       14 * 14 * 128)
    assert layers[-1].macs == layers[-1].weights == 1024 * 10
    macs = [3 * 128 * 9 * 900, 128 * 128 * 9 * 784, 0, 128 * 256 * 9 * 144, 256 * 256 * 9 * 100, 0,
            256 * 512 * 9 * 9, 512 * 512 * 9 * 1, 512 * 1024, 1024 * 1024, 1024 * 10]
    assert [layer.macs for layer in layers] == macs
    assert sum(macs) == 234_724_864
    assert ops_gop(layers) == pytest.approx(2 * 234_724_864 / 1e9, rel=1e-15)


@pytest.mark.parametrize(("arch", "counts"), [(CNV, CNV_COUNTS), (MLP, MLP_COUNTS)], ids=["cnv", "mlp"])
def test_ops_and_weights_per_pruning_level(arch, counts):
    for keep_pct, (gop, weights) in counts.items():
        expansion = expand(arch, keep_pct)
        assert expansion.problems == []
        assert ops_gop(expansion.layers) == pytest.approx(gop, rel=1e-12)
        assert weights_m(expansion.layers) == pytest.approx(weights, rel=1e-12)


def test_pruning_keeps_network_input_and_class_outputs():
    layers = expand(MLP, 25).layers
    assert [layer.in_shape[2] * layer.in_shape[0] * layer.in_shape[1] for layer in layers] == [784, 512, 512, 512]
    assert [layer.out_shape[2] for layer in layers] == [512, 512, 512, 10]
    cnv = expand(CNV, 12.5).layers
    assert (cnv[0].in_shape[2], cnv[0].out_shape[2]) == (3, 16)
    assert (cnv[-1].in_shape[2], cnv[-1].out_shape[2]) == (128, 10)


def test_depthwise_grouped_and_strided_convolutions_by_hand():
    arch = Architecture((10, 12, 8), (
        Op("dwconv", None, (3, 3), (2, 2), (1, 1)),  # 10 x 12 -> 5 x 6, 8 channels
        conv(16, 1, groups=4),  # 8 -> 16 channels in 4 groups: 1 x 1 x 2 x 16 weights
        pool(3, "avgpool", stride=1),  # 5 x 6 -> 3 x 4
        Op("avgpool"),  # global: 1 x 1
        dense(5),
    ))
    dw, grouped, avg, gap, fc = expand(arch).layers
    assert dw.out_shape == (5, 6, 8) and dw.weights == 3 * 3 * 8 and dw.macs == 3 * 3 * 8 * 5 * 6
    assert grouped.out_shape == (5, 6, 16) and grouped.weights == 2 * 16 and grouped.macs == 2 * 16 * 30
    assert avg.out_shape == (3, 4, 16) and gap.out_shape == (1, 1, 16)
    assert fc.weights == 16 * 5 and fc.in_shape == (1, 1, 16)


def test_residual_add_and_concat_merge_their_branches():
    residual = Branches(((conv(4, 3, pad=1), conv(4, 3, pad=1)), ()), "add", name="res")
    inception = Branches(((conv(2, 1),), (pool(3, stride=1, pad=1), conv(3, 1))), "concat", name="mix", repeat=2)
    layers = expand(Architecture((6, 6, 4), (residual, inception, Block((dense(7),), name="head")))).layers
    assert [layer.name for layer in layers] == [
        "res.b1.1", "res.b1.2", "res.add", "mix[1].b1.1", "mix[1].b2.1", "mix[1].b2.2", "mix[1].concat",
        "mix[2].b1.1", "mix[2].b2.1", "mix[2].b2.2", "mix[2].concat", "head.1"]
    add = layers[2]
    assert add.kind == "add" and add.macs == add.weights == 0
    assert (add.activations_in, add.activations_out) == (2 * 6 * 6 * 4, 6 * 6 * 4)  # both branches in, one out
    concat = layers[6]
    assert concat.out_shape == (6, 6, 5) and concat.activations_in == 6 * 6 * (2 + 3)
    assert layers[7].in_shape == (6, 6, 5)
    assert [layer.index for layer in layers] == list(range(1, 13))


def test_shape_problems_name_the_node_and_stop():
    too_small = expand(Architecture((4, 4, 3), (Block((conv(8, 3), conv(8, 3), conv(8, 3)),),)))
    assert [(p.path, p.field) for p in too_small.problems] == [((0, 1), "kernel")]  # 4 -> 2: no room for 3 x 3
    assert "3 x 3 on an input of 2 x 2" in too_small.problems[0].message
    mismatch = expand(Architecture((4, 4, 3), (Branches(((conv(8, 1),), ()), "add"),)))
    assert [(p.path, p.field) for p in mismatch.problems] == [((0,), "branches")]
    assert "4 x 4 x 8, 4 x 4 x 3" in mismatch.problems[0].message
    groups = expand(Architecture((4, 4, 3), (conv(8, 1, groups=2),)))
    assert [p.field for p in groups.problems] == ["groups"]
    nested = expand(Architecture((4, 4, 3), (Branches(((), (conv(3, 1), conv(3, 9))), "add"),)))
    assert [p.path for p in nested.problems] == [(0, 1, 1)]  # second branch, second layer


def test_non_integral_pruning_is_reported_once_and_rounded_half_up_at_least_one():
    arch = Architecture((1, 1, 784), (dense(10), dense(3), dense(10)))
    expansion = expand(arch, 30)  # 10 x 0.3 = 3 is whole; 3 x 0.3 = 0.9 is not
    assert [(p.field, p.message) for p in expansion.problems] == [
        ("pruning", "3 channels x 30% = 0.9, not a whole number")]
    assert [layer.out_shape[2] for layer in expansion.layers] == [3, 1, 10]
    assert [layer.out_shape[2] for layer in expand(Architecture((1, 1, 4), (dense(5), dense(4))), 50).layers] == [3, 4]


def test_keep_pct_is_exact_as_written():
    # 10 x 0.1 is 1.0000000000000002 in floating point, but 10 % of 10 channels is exactly 1.
    expansion = expand(Architecture((1, 1, 8), (dense(10), dense(8))), 10)
    assert expansion.problems == [] and expansion.layers[0].out_shape[2] == 1


@pytest.mark.parametrize("keep_pct", [0, -5, 150])
def test_keep_pct_outside_0_to_100_is_rejected(keep_pct):
    with pytest.raises(ValueError, match="keep_pct"):
        expand(MLP, keep_pct)


def test_layer_frame_adds_up_to_the_totals():
    layers = expand(CNV, 50).layers
    frame = layer_frame(layers)
    assert list(frame["layer"]) == list(range(1, 12))
    assert frame["ops_gop"].sum() == pytest.approx(CNV_COUNTS[50][0], rel=1e-12)
    assert frame["weights_m"].sum() == pytest.approx(CNV_COUNTS[50][1], rel=1e-12)
    assert frame.loc[0, "activations_in_m"] == pytest.approx(32 * 32 * 3 / 1e6)
