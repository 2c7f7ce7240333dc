"""From date mentions to events: the layer that weighs evidence across an article.

- ``sentences``: sentences with offsets and line kinds (caption, headline, heading, body)
- ``clauses``: the clause a date belongs to
- ``status``: happened / ongoing / planned / target (cues in ``data/status.json``)
- ``actors``: countries (pycountry + ``data/countries.json``), organizations, titled people
- ``categories``: CAMEO root codes (rules in ``data/cameo.json``)
- ``titles``: a short label from the clause
- ``reconcile``: weekday vs date conflicts, ranges, captions folded into body events
- ``anchors``: events dated only by another event ("after the Tokyo talks")
- ``build``: the pipeline, ``build_events(doc, mentions) -> list[Event]``
"""
