"""Attribution judgement: lexicons as data (judge/data/), speakers, and the rules that decide."""

from provenance.judge.rules import Judge, judge_sentences

__all__ = ["Judge", "judge_sentences"]
