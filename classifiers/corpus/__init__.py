"""The training corpus: hand-written descriptions plus ones composed from hand-written fragments."""
