"""Word lists more than one part of the event builder reads."""

from __future__ import annotations

#: Capitalized words that open a sentence without naming anything ("However, ...",
#: "Meanwhile, ..."): no list item, subject or given name.
SENTENCE_ADVERBS = frozenset("""however meanwhile separately still yet also instead nevertheless
    nonetheless moreover furthermore therefore thus hence yesterday today now then later earlier
    overall indeed again elsewhere here there otherwise besides finally first second third
    next similarly likewise previously""".split())

#: Participles of speaking that date a telling: "Biden, speaking from the Rose Garden on
#: Tuesday, said ...", "Speaking to reporters in Kabul on Monday, the minister said ...".
SPEAKING_PARTICIPLES = ("speaking", "talking", "addressing", "writing", "briefing", "testifying")
