"""model._fast_frozen_init: the faster __init__ of the frozen model classes behaves as the one
dataclasses writes (same parameters and defaults, still frozen, equal, hashable, picklable)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from provenance import model
from provenance.model import Category, Judgement, Role, Sentence

FAST = (model.SourceLine, model.RawLink, model.RawBlock, model.Block, model.Sentence, model.Quote, model.Link,
        model.OutletRef, model.PrimarySource, model.Judgement, model.JudgedSentence, model.Summary, model.Finding)


@pytest.mark.parametrize("cls", FAST, ids=lambda c: c.__name__)
def test_the_signature_is_the_dataclass_fields(cls: type) -> None:
    assert any(name.startswith("_set_") for name in cls.__init__.__code__.co_names)  # the fast one
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected


def test_a_sentence_is_built_frozen_equal_hashable_and_picklable() -> None:
    s = Sentence(1, 2, 3, 4, "It rose.", 5, 6, 5, 14)
    assert s.role is Role.BODY  # the default
    same = Sentence(index=1, block=2, start=3, end=4, text="It rose.", line=5, column=6, end_line=5, end_column=14,
                    role=Role.BODY)
    assert s == same
    assert hash(s) == hash(same)
    assert pickle.loads(pickle.dumps(s)) == s
    assert dataclasses.replace(s, text="It fell.").text == "It fell."
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Sentence(1, 2)  # type: ignore[call-arg]
    j = Judgement(Category.VAGUE, None, "reportedly", "a hedge")
    assert (j.evidence, j.confidence) == ((), 1.0)
    assert repr(j).startswith("Judgement(category=<Category.VAGUE")
