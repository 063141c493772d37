"""The text classifiers' architecture: spaCy's bag of n-grams, over a chosen token attribute.

`spacy.TextCatBOW.v3` counts n-grams of the exact spelling (ORTH), so "Foster", "foster" and
"FOSTER" are three unrelated features; referrals arrive in every case (form headings, shouted
emails, lower-case notes). `lado.TextCatBOW.v1` is the same model over the attribute named
(LOWER by default). Importing this module registers it; `classifiers.packaging.load` does so
before loading a pipeline.
"""

from __future__ import annotations

from functools import partial

from spacy import attrs
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.ml.models.textcat import (  # type: ignore[attr-defined]
    NEG_VALUE,
    SparseLinear_v2,
    resize_and_set_ref,
    resize_linear_weighted,
)
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Logistic, Model, chain, resizable, softmax_activation, with_cpu
from thinc.types import Floats2d

ARCHITECTURE = "lado.TextCatBOW.v1"
ATTRIBUTES = {"ORTH": attrs.ORTH, "LOWER": attrs.LOWER, "NORM": attrs.NORM}


@registry.architectures(ARCHITECTURE)  # type: ignore[untyped-decorator]
def bag_of_ngrams(
    exclusive_classes: bool,
    ngram_size: int,
    length: int,
    attr: str = "LOWER",
    nO: int | None = None,
) -> Model[list[Doc], Floats2d]:
    """Hashed n-gram counts of `attr` into a sparse linear layer, then softmax or logistic."""
    sparse = SparseLinear_v2(nO=nO, length=length)
    resizable_layer: Model[Floats2d, Floats2d] = resizable(
        sparse, resize_layer=partial(resize_linear_weighted, fill_defaults={"b": NEG_VALUE, "W": 0})
    )
    output = softmax_activation() if exclusive_classes else Logistic()
    features = extract_ngrams(ngram_size, attr=ATTRIBUTES[attr])
    model: Model[list[Doc], Floats2d] = chain(
        with_cpu(chain(features, resizable_layer), resizable_layer.ops),
        with_cpu(output, output.ops),
    )
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
