"""Which charts each record carries (issue #15): the day summary shows how the day ran, which
themes each authority was asked about and where authorities placed themselves on the scales;
the cycle report the same across its days (but timing, which is each day's own); a session
note, in an appendix, the day's timing (stage names and minutes, never another session's
words)."""

from __future__ import annotations

from facilitator.charts.figures import Figure
from facilitator.records.sources import RecordSources


def day_summary_figures(workspace: RecordSources, day_id: int) -> list[Figure]:
    from facilitator.charts.coverage import coverage_heatmap
    from facilitator.charts.scales import scale_charts
    from facilitator.charts.timing import day_timing

    return [
        day_timing(workspace, day_id),
        coverage_heatmap(workspace, day_id=day_id),
        *scale_charts(workspace, day_id=day_id),
    ]


def cycle_report_figures(workspace: RecordSources, cycle_name: str) -> list[Figure]:
    from facilitator.charts.coverage import coverage_heatmap
    from facilitator.charts.scales import scale_charts

    return [
        coverage_heatmap(workspace, cycle_name=cycle_name),
        *scale_charts(workspace, cycle_name=cycle_name),
    ]


def session_note_figures(workspace: RecordSources, day_id: int) -> list[Figure]:
    from facilitator.charts.timing import day_timing

    return [day_timing(workspace, day_id)]
