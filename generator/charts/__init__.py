"""Charts: pure functions from tidy frames (generator.frames, generator.model) to Altair charts.

No I/O. Each function validates its input (ValueError on an empty frame or missing columns),
sorts rows explicitly and derives colours and toggles from sorted data values, so the same
data always gives the same spec. ``common.for_static_render`` prepares a spec for vl-convert.
"""

from generator.charts.common import for_static_render, vl_version
from generator.charts.experiments import (
    boxplot_chart,
    efficiency_chart,
    latency_throughput_chart,
    pareto_chart,
    pareto_overlap_chart,
)
from generator.charts.power import energy_chart, fps_per_watt_chart, power_chart, power_trace_chart
from generator.charts.theory import (
    bandwidth_bar_chart,
    intensity_bar_chart,
    ops_bar_chart,
    peak_bar_chart,
    prediction_heatmap,
    roofline_chart,
)

__all__ = [
    "bandwidth_bar_chart",
    "boxplot_chart",
    "efficiency_chart",
    "energy_chart",
    "for_static_render",
    "fps_per_watt_chart",
    "intensity_bar_chart",
    "latency_throughput_chart",
    "ops_bar_chart",
    "pareto_chart",
    "pareto_overlap_chart",
    "peak_bar_chart",
    "power_chart",
    "power_trace_chart",
    "prediction_heatmap",
    "roofline_chart",
    "vl_version",
]
