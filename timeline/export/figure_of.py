"""The timeline figure used by the HTML and image exports: the app's own figure,
:func:`timeline.figure.build_figure`, so an export shows what the user saw."""

from __future__ import annotations

from .records import as_table


def figure_of(events, *, time_scale=None, **options):
    """A plotly Figure of the events; ``options`` go to ``build_figure`` (None values dropped).

    ``time_scale`` is the figure's ``scale`` ("collapsed" or "linear"), named apart from
    the pixel scale of image exports. A bad option is a :class:`TimelineError`.
    """
    from ..errors import TimelineError
    from ..figure import LANE_OPTIONS, SCALE_OPTIONS, THEME_OPTIONS, build_figure

    if time_scale is not None:
        options["scale"] = time_scale
    wanted = {k: v for k, v in options.items() if v is not None}
    for name, allowed in (("lanes", LANE_OPTIONS), ("scale", SCALE_OPTIONS),
                          ("theme", THEME_OPTIONS)):
        if name in wanted and wanted[name] not in allowed:
            raise TimelineError(f"figure {name} {wanted[name]!r} is not one of "
                                f"{', '.join(allowed)}")
    return build_figure(as_table(events), **wanted)
