"""The judge: mined cues, quotations across sentences, speaker resolution, the learned part's
reasons, and its weights file (trained on PolNeAR's tuning part by scripts/train_judge.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from provenance import AuditOptions, audit
from provenance.core.quotes import find_quotes
from provenance.judge.features import find_cues, mined, model, tokens
from provenance.model import Category
from provenance.segment import BYLINE_LINE

REPO = Path(__file__).resolve().parents[1]
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "train" / "text"

ARTICLE = """Senator Jane Smith said on Tuesday that the bill would pass. "We have the votes. Nobody should doubt it. The speaker knows it too," she said.

She added that the vote could come as early as Friday.

The measure is expected to cost $4 billion, and critics say it will raise taxes.

The bill was introduced in March.
"""


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str | None, str]]:
    path = tmp_path_factory.mktemp("judge") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    report = audit([str(path)])
    return [(js.sentence.text, js.judgement.category.value, js.judgement.source, js.judgement.reason)
            for js in report.articles[0].sentences]


def test_mined_cues_longest_match_by_lookup() -> None:
    found = [c.text for c in find_cues([t.lower() for t in tokens("According to the report, he said: no.")])]
    assert "according to" in found
    assert "according" not in found  # the phrase, not its first word
    assert any(c.startswith("said") for c in found)
    assert mined().cues["said"].reliability > 0.8


def test_every_sentence_of_a_quotation_goes_to_its_speaker(judged: list[tuple[str, str, str | None, str]]) -> None:
    by_start = {" ".join(text.split()[:2]).strip('"'): (cat, src, reason) for text, cat, src, reason in judged}
    assert by_start["We have"][:2] == ("attributed", "Jane Smith")
    # inside the quotation, "Nobody" and "the speaker" are not sources: Smith, named after it, is
    assert by_start["Nobody should"][:2] == ("attributed", "Jane Smith")
    assert "named after it" in by_start["Nobody should"][2]
    assert by_start["The speaker"][:2] == ("attributed", "Jane Smith")
    # "She added" in the next paragraph: the pronoun resolves to the last named speaker
    assert by_start["She added"][:2] == ("attributed", "Jane Smith")


def test_unnamed_sources_and_hedges_are_vague(judged: list[tuple[str, str, str | None, str]]) -> None:
    cat, reason = next((c, r) for t, c, _, r in judged if t.startswith("The measure"))
    assert cat == "vague"
    assert "unnamed" in reason or "no named source" in reason


def test_plain_statement_is_unattributed(judged: list[tuple[str, str, str | None, str]]) -> None:
    assert next(c for t, c, _, _ in judged if t.startswith("The bill was")) == "unattributed"


def test_every_judgement_has_a_reason(judged: list[tuple[str, str, str | None, str]]) -> None:
    assert all(reason.strip() for *_, reason in judged)


def test_two_apostrophes_mark_a_quotation() -> None:
    quotes = find_quotes("''That would be a big story,'' the economist said. He added, ''it gets harder")
    assert [q.text for q in quotes] == ["That would be a big story", "it gets harder"]
    assert [q.closed for q in quotes] == [True, False]


def test_by_with_a_lower_case_word_is_not_a_byline() -> None:
    assert not BYLINE_LINE.match("By some measures, Mr. Obama has a compelling case.")
    assert BYLINE_LINE.match("By John Smith")


def test_weights_file_is_small_and_documented() -> None:
    path = REPO / "src" / "provenance" / "judge" / "data" / "judge_weights.json"
    data = json.loads(path.read_text())
    assert path.stat().st_size < 2_000_000
    assert data["command"].startswith("python scripts/train_judge.py")
    assert "tuning part" in data["about"]
    assert len(data["stage1"]["weights"]) > 1000
    stages = model()
    assert stages is not None
    assert stages[0].weights["rule=attributed"][0] > stages[0].weights["rule=attributed"][2]


def test_weights_load_lazily() -> None:
    code = ("import provenance.judge, provenance.judge.features as f; "
            "assert f.model.cache_info().currsize == 0 and f.mined.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR corpus not beside the repository")
def test_nyt_quotations_over_sentences_are_attributed() -> None:
    # a measured-part NYT article: its quotations use '' marks and run over several sentences
    path = next(p for p in sorted(POLNEAR.glob("nyt_*.txt")) if "''" in p.read_text())
    report = audit([str(path)])
    quoted = [js for js in report.articles[0].sentences if js.sentence.text.lstrip().startswith("''")]
    assert quoted
    share = sum(js.judgement.category is Category.ATTRIBUTED for js in quoted) / len(quoted)
    assert share >= 0.8


def test_fast_scores_equal_the_feature_sum() -> None:
    """The judge sums the learned part's weights from tables (Model.sentence_scores) instead of
    building every feature string: on real articles the sums must be those of the feature lists."""
    from provenance.judge.features import context_features
    from provenance.judge.rules import analyse_sentences
    from provenance.pipeline import AuditOptions, read_input
    from provenance.segment import segment

    stages = model()
    assert stages is not None
    m = stages[0]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    paths = [corpus / "seed" / "article.txt", *sorted((corpus / "text").glob("*.txt"))[:12]]
    checked = 0
    for path in paths:
        doc = read_input(str(path), AuditOptions())
        blocks, sentences = segment(doc)
        quotes = {b.index: find_quotes(b.text) for b in blocks}
        _, infos = analyse_sentences(blocks, sentences, quotes, [])
        block_of = [s.block for s in sentences]
        for i in range(len(infos)):
            fast = m.sentence_scores(infos, block_of, i)
            slow = m.scores(context_features(infos, block_of, i))
            assert fast == pytest.approx(slow, abs=1e-9), (path.name, i, infos[i].own)
            checked += 1
    assert checked > 300


def test_a_linked_claim_is_attributed_whatever_the_model_thinks() -> None:
    from provenance import audit_text

    a = audit_text("Fact 1 was confirmed by [the council](https://example.org/m).\n\n"
                   "The council said the bridge will close.\n", fmt="markdown")
    first, second = a.sentences
    assert first.category.value == "attributed"
    assert first.judgement.source == "example.org"
    assert second.judgement.source == "The council"  # a linked domain is not a speaker for later sentences


def test_reasons_are_words_not_feature_names() -> None:
    import re

    from provenance import audit

    root = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "train" / "text"
    report = audit(sorted(root.glob("*.txt"))[:5])
    for a in report.articles:
        for js in a.sentences:
            assert not re.search(r"\b(?:p|cw|cs|len|q)=|\bq:\w", js.judgement.reason), js.judgement.reason


def test_short_headings_label_or_claim() -> None:
    from provenance import audit_text

    md = "# Background\n\nText said here.\n\n# Mayor closes bridge\n\nMore text.\n\n# Key facts\n\nEnd.\n"
    cats = {js.sentence.text: js.category.value for js in audit_text(md, fmt="markdown").sentences}
    assert cats["Background"] == "none"
    assert cats["Key facts"] == "none"
    assert cats["Mayor closes bridge"] == "unattributed"


def _judge_one(text: str) -> tuple[str, str | None, str | None]:
    from provenance import audit_text

    (js,) = audit_text(text).sentences
    return js.judgement.category.value, js.judgement.source, js.judgement.cue


@pytest.mark.parametrize(("text", "cue"), [
    ("Mrs. Clinton is not expected to publicly pressure Mr. Sanders to quit the race.", "is not expected to"),
    ("Trump is also expected to unveil on Monday his second ad of the general election.", "is also expected to"),
    ("Direct mail is nonetheless considered an effective technique for reaching older voters.",
     "is nonetheless considered an"),
    ("The candidate appeared to show particular callousness regarding the deaths.", "appeared to"),
    ("For much of his career, the lobbyist seemed to be a part of the establishment.", "seemed to"),
    ("It’s widely believed that the deal will collapse.", "It’s widely believed"),
    # impersonal frames PolNeAR marks as attributions with no source (tuning part, session 3)
    ("Nor is it clear that Bloomberg is the perfect centrist.", "Nor is it clear that"),
    ("There is some evidence that most Sanders supporters have already fallen in line.", "There is some evidence"),
    ("A common refrain is that demographics will doom the candidacy.", "A common refrain is that"),
    ("Yet it's hard not to sense that the turmoil reflects a global current of discontent.",
     "it's hard not to sense"),
])
def test_hedges_with_adverbs_negation_and_past_tense_are_vague(text: str, cue: str) -> None:
    # PolNeAR's attributions with no source (tuning part): the hedge file missed these forms
    assert _judge_one(text) == ("vague", None, cue)


@pytest.mark.parametrize(("text", "source"), [
    ("Many in the crowd said the senator was the only candidate they trusted.", "Many in the crowd"),
    ("Some undecided conservatives think the senator should drop the nominee.", "Some undecided conservatives"),
    ("Many party members say the candidate must go.", "Many party members"),
])
def test_quantified_sources_with_no_name_are_unnamed(text: str, source: str | None) -> None:
    category, src, _ = _judge_one(text)
    assert category == "vague"
    if source:
        assert src == source


def test_a_name_after_a_quantifier_is_still_named() -> None:
    assert _judge_one("Many members of the GOP said the nominee must go.")[:2] == ("attributed", "Many members of the GOP")


@pytest.mark.parametrize(("text", "source"), [
    ("Clinton summarily rejected those dates.", "Clinton"),  # an adverb is not part of the name
    ("Trump repeatedly claimed the election was rigged.", "Trump"),
    ('"We will win," said Smith in a statement.', "Smith"),  # inversion where the subject ends the clause
])
def test_subjects_are_names_not_neighbouring_words(text: str, source: str) -> None:
    assert _judge_one(text)[:2] == ("attributed", source)


@pytest.mark.parametrize("text", [
    "Clinton has won more states, more popular votes and more pledged delegates.",  # 'states' is a noun
    "Unless countries develop more ambitious plans, effects could be profound.",  # 'plans' after a conjunction
])
def test_nouns_and_subordinate_clauses_make_no_speaker(text: str) -> None:
    assert _judge_one(text) == ("unattributed", None, None)


def test_inverted_subject_must_end_the_clause() -> None:
    # "added Latin hits": 'Latin' is an object, never a speaker
    _category, source, _ = _judge_one('The sound system, cycling through songs by Pearl Jam, added Latin hits '
                                     'including "La Gozadera."')
    assert source != "Latin"


SPEAKERS = """Senator Jane Smith spoke on Tuesday in Albany. The senator said the bill would pass.

The Washington Post reported the deal first. The Post said the vote would be close.

Acme Corp. announced layoffs on Monday. The company said 300 jobs would go.

Gov. Andrew Cuomo signed the bill. The governor said it was overdue.
"""


def test_short_references_resolve_to_the_named_speaker() -> None:
    # the issue: "the senator", "the campaign", "the Post" name the person or organisation they refer to
    from provenance import audit_text

    got = {js.sentence.text: js.judgement.source for js in audit_text(SPEAKERS).sentences}
    assert got["The senator said the bill would pass."] == "Jane Smith"
    assert got["The Post said the vote would be close."] == "the Washington Post"
    assert got["The company said 300 jobs would go."] == "Acme Corp."
    assert got["The governor said it was overdue."] == "Andrew Cuomo"
    assert got["Gov. Andrew Cuomo signed the bill."] in ("Andrew Cuomo", None)  # never a title, never 'Its spokesman'


def test_an_unresolved_reference_is_never_remembered_as_a_name() -> None:
    # "The senator" with no senator named before must not become the organisation "the company" means
    from provenance import audit_text

    text = "The senator said the bill would pass. Acme Inc. said it would move. The company said 300 jobs would go.\n"
    got = {js.sentence.text: js.judgement.source for js in audit_text(text).sentences}
    assert got["The company said 300 jobs would go."] == "Acme Inc."


@pytest.mark.parametrize(("text", "source"), [
    ("The administration plans to cut 300 jobs, the Post reported.", "the Post"),
    ('Nearly every state is feeling the burden and drivers are not exempt, Walker said.', "Walker"),
    ("Trump believes the election was rigged.", "Trump"),  # a belief alone stays its holder's
    ("I expect Hollande will show fortitude.", "the author"),  # ... and a later verb is no trailing clause
])
def test_a_trailing_statement_outranks_the_belief_it_reports(text: str, source: str) -> None:
    assert _judge_one(text)[:2] == ("attributed", source)


def test_a_question_with_a_reporting_verb_asserts_nothing() -> None:
    # BBC explainer subheading (hand-annotated set): 'said' in a question attributes nothing
    assert _judge_one("What has Trump said about Nato?") == ("none", None, None)
    assert _judge_one('"Why now?" she asked.')[0] == "attributed"  # a quoted question is still someone's


def test_a_participle_after_a_determiner_is_an_adjective() -> None:
    _category, source, cue = _judge_one("The reported Pentagon memo follows a series of threats.")
    assert source != "The"
    assert cue != "reported"


def test_two_weight_sets_in_one_process_each_judge_with_their_own() -> None:
    # the model travels with the call (AuditOptions.judge), its summed-weight tables with the model:
    # no module table keyed by id() (a new model born at a freed one's address once read the old
    # one's sums) and no global override, so two weight sets used in turn, or interleaved, in one
    # process give each its own results, and the shipped model's are untouched
    import gc

    from provenance import AuditOptions, audit_text
    from provenance.judge import features

    text = ("Gov. Andrew Cuomo went to Albany on Tuesday.\n\nThe weather was cold, some say.\n\n"
            "Prices rose in March.\n")

    def cats(options: AuditOptions | None) -> list[str]:
        return [js.judgement.category.value for js in audit_text(text, options=options).sentences]

    def leaning(k: int) -> dict[str, Any]:
        """A model whose weights (not its bias: the tables hold summed weights) lean to class k."""
        w = [0.0, 0.0, 0.0]
        w[k] = 5.0
        return {"stage1": {"bias": [0.0, 0.0, 0.0], "offsets": [0, 0, 0],
                           "weights": {f"role={r}": w for r in ("body", "heading")}}}

    shipped = cats(None)
    want_vague = cats(AuditOptions(judge=features.load_model(leaning(1))))
    assert "vague" in want_vague
    attributing = features.load_model(leaning(0))
    want_attr = cats(AuditOptions(judge=attributing))  # fills the tables of this model
    assert want_attr[0] == "attributed"
    assert want_attr != want_vague
    # interleaved: each call judges with its own model, and the shipped one is untouched
    for _ in range(2):
        assert cats(AuditOptions(judge=features.load_model(leaning(1)))) == want_vague
        assert cats(AuditOptions(judge=attributing)) == want_attr
        assert cats(None) == shipped
        gc.collect()
    # the sums live on the model that made them (an id()-keyed module table fails here)
    assert attributing[0].tables.base
    m = features.load_model(_always_attributed())
    assert not m[0].tables.base
    assert features.model() != m
    assert features.model() is features.model()


@pytest.mark.parametrize(("text", "source"), [
    ("Congressman Chris Collins, a Trump supporter, said the campaign plans to secure enough delegates.",
     "Chris Collins"),
    ('Trump, who has a commanding lead in delegates, mocked Marco Rubio for "having a tough night."', "Trump"),
    ('"Congress has been unable to bridge the gap," Senate Foreign Relations Chairman Bob Corker, R-Tenn., '
     'said during a hearing.', "Bob Corker"),
    ("Ted Cruz, who won Oklahoma and his home state of Texas, is calling for his rivals to drop out.", "Ted Cruz"),
])
def test_a_subject_is_found_past_an_aside_set_off_by_commas(text: str, source: str) -> None:
    # PolNeAR measured part: these were attributed by the learned part to "a source named nearby"
    assert _judge_one(text)[:2] == ("attributed", source)


def test_an_aside_after_a_place_makes_no_speaker() -> None:
    # "In Albany" is a place phrase, not a subject: the verb after the aside has no named speaker
    from provenance import audit_text

    (js,) = audit_text("In Albany, a city of 100,000, said to be the oldest, the measure passed.\n").sentences
    assert js.judgement.source != "Albany"


def test_a_quotation_continuing_a_pending_quotation_names_its_speaker() -> None:
    # the first quotation's speaker is named after it; the next paragraph's quotation continues it
    # (this used to read "a quotation continuing None's account")
    from provenance import audit_text

    text = ('"We will win. We will win big," said Jane Doe.\n\n'
            '"And it has become sad that our company has sold its soul for ratings."\n')
    got = [(js.judgement.source, js.judgement.reason) for js in audit_text(text).sentences]
    assert [g[0] for g in got] == ["Jane Doe"] * len(got)
    # with nobody named, the continuation is nobody's either, and its reason says so in words
    text = 'The crowd cheered. "We will win."\n\n"And it is sad that our company sold its soul."\n'
    got = [(js.judgement.source, js.judgement.reason) for js in audit_text(text).sentences]
    assert not any("None" in reason for _, reason in got), got


def _always_attributed() -> dict[str, Any]:
    return {"stage1": {"bias": [5.0, 0.0, 0.0], "offsets": [0, 0, 0], "weights": {}}}


def _attributing() -> AuditOptions:
    """Options that judge with a model that says 'attributed' whatever it reads."""
    from provenance.judge import features

    return AuditOptions(judge=features.load_model(_always_attributed()))


def test_a_sure_model_attributes_a_sentence_that_opens_with_a_name() -> None:
    # GATE_NAMED: with its source known (the name it opens with), the learned part needs no cue
    from provenance import audit_text

    # 'went' (reliability 0.23) and 'recently' (0.21): too weak for the cue gates, enough to ask
    # (GATE_NAMED_CUE); the second paragraph follows one that named him, but is no quotation of his,
    # no item of a list he introduced and has no cue of its own (>= CARRY_CUE): his name does not
    # carry into it, the writer's claim stays the writer's (issue #14: no laundering)
    text = "Gov. Andrew Cuomo went to Albany on Tuesday.\n\nThe roads were recently closed.\n"
    got = [(js.judgement.category.value, js.judgement.source)
           for js in audit_text(text, options=_attributing()).sentences]
    assert got[0] == ("attributed", "Andrew Cuomo")
    assert got[1] == ("unattributed", None)
    (alone,) = audit_text("The weather was cold in March.\n", options=_attributing()).sentences
    assert alone.judgement.category is Category.UNATTRIBUTED  # no name, no cue, nobody named near


def test_a_capitalised_common_word_and_a_heading_name_nobody() -> None:
    from provenance import audit_text

    text = ("Acme Corp. said profits rose.\n\n## Jeb Bush Super PAC Chief Praises Donor\n\n"
            "Alleged police stations operate in the city. The alleged stations were closed.\n")
    got = {js.sentence.text: js.judgement
           for js in audit_text(text, fmt="markdown", options=_attributing()).sentences}
    heading = got["Jeb Bush Super PAC Chief Praises Donor"]
    assert heading.source != "Acme Corp."  # a heading takes no speaker from the paragraph before
    assert got["Alleged police stations operate in the city."].source is None  # 'alleged' is a word here


@pytest.mark.parametrize("text", [
    # PolNeAR tuning part: each gave a clause or a cut-off phrase as the 'named subject'
    "Sparsely populated South Dakota is not a swing state, and has not voted for the Democratic nominee in decades.",
    "Presumptive Republican nominee Donald Trump is discrediting an earlier report from Bloomberg.",
    "They have no business voting for anything.<tweet/>.",
    "Serafinowicz, who has starred in two films, posted the clip to YouTube on Thursday.",
])
def test_a_clause_or_an_object_is_never_a_speaker(text: str) -> None:
    from provenance import audit_text

    (js,) = audit_text(text).sentences
    source = js.judgement.source or ""
    assert " is " not in source, source
    assert not source.endswith((" an", " a", "<")), source
    assert source != "the clip"


@pytest.mark.parametrize(("text", "source"), [
    ("So I said, we will fight.", "the author"),  # the connective is no part of the speaker
    ("If elected I will fight for this great country we call home.", "the author"),  # 'we' is the subject
    ('"We will win," said Smith in a statement.', "Smith"),  # inversion with a name still reads
])
def test_connectives_and_relative_clauses_leave_the_real_subject(text: str, source: str) -> None:
    assert _judge_one(text)[:2] == ("attributed", source)


def test_an_attribution_with_nobody_named_says_so() -> None:
    # the learned part reads a quotation as someone's, but nobody is named: the reason must not
    # claim "a source named nearby" (it used to)
    from provenance import audit_text

    (js,) = audit_text('The crowd chanted "lock her up now" all night.\n', options=_attributing()).sentences
    assert js.judgement.category is Category.ATTRIBUTED
    assert js.judgement.source is None
    assert "does not name" in js.judgement.reason
    assert "nearby" not in js.judgement.reason


def test_an_attribution_after_the_content_the_post_has_learned() -> None:
    # the issue: "..., the Post has learned." names the outlet that reports the claim
    from provenance import audit_text

    text = ("The Washington Post reported the deal first.\n\n"
            "The administration plans to cut 300 jobs at the agency, the Post has learned.\n\n"
            "Officials are weighing a new tariff — Reuters has learned.\n\n"
            "The lifeguard learned to swim in the lake.\n")
    got = {js.sentence.text: js.judgement for js in audit_text(text).sentences}
    post = got["The administration plans to cut 300 jobs at the agency, the Post has learned."]
    assert (post.category, post.source, post.cue) == (Category.ATTRIBUTED, "the Washington Post", "has learned")
    assert got["Officials are weighing a new tariff — Reuters has learned."].source == "Reuters"
    assert got["The lifeguard learned to swim in the lake."].cue != "has learned"  # 'learned' alone is no cue


def test_a_short_reference_resolves_only_to_an_organisation_of_its_kind() -> None:
    # "the administration" is not the newspaper named last; "the newspaper" is
    from provenance import audit_text

    text = ("The New York Times reported it first. The newspaper said the talks had stalled.\n\n"
            "Acme Corp. announced layoffs on Monday. The paper said 300 jobs would go.\n")
    got = {js.sentence.text: js.judgement.source for js in audit_text(text).sentences}
    assert got["The newspaper said the talks had stalled."] == "the New York Times"
    assert got["The paper said 300 jobs would go."] != "Acme Corp."
