"""Temporal expressions: find date mentions (tagger), then anchor them (resolver)."""
