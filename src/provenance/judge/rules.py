"""The decision: attributed, vague, unattributed or none, for every sentence, with its reason.

Order of the rules (the first that applies decides, and its words become the reason):

1. role: related-story notes, source lists, media notes, bylines and boilerplate are not assertions;
2. attribution to a named source: "according to X", "X said/told/emphasized...", ", said X",
   "X: '...'", a participle after a clause with a named subject (", stating that..."), a citation
   link in the sentence, a quotation that continues the previous sentence's speaker;
   pronouns resolve to the most recent named speaker ("He reiterated" -> Lloyd Austin);
3. vague: the same cues with an unnamed subject ("officials said", "a source told"), passive and
   impersonal hedges ("is seen as", "it is believed", "reportedly"): see data/hedges.txt;
4. none: questions, calls to action, section labels;
5. otherwise unattributed: the writer asserts it with no source (a heading that makes a claim too).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from provenance.core.lazyre import LazyRe
from provenance.core.lexicon import lexicon, remember_words
from provenance.core.quotes import QuoteSpan
from provenance.core.speakers import (
    APPROXIMATE as _APPROXIMATE,
)
from provenance.core.speakers import (
    DAYS_MONTHS,
    DETERMINERS,
    DOCUMENT_HEADS,
    NUMBERS_DURATIONS,
    ORG_WORDS,
    PARTY_PLURALS,
    PARTY_ROLES,
    PLATFORMS,
    PREPOSITIONS,
    PRONOUN_SEX,
    RECORD_PLURALS,
    ROLE_THEN_NAME,
    SIDE_HEADS,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    Speakers,
    Subject,
    adjectives,
    classify,
    demonyms,
    first_names,
    is_place,
    not_a_speaker,
    people_noun,
    people_plural,
    speaker_heads,
    strip_titles,
    superlative,
    title_words,
)
from provenance.judge.features import (
    _PRON as _FEATURE_PRONOUNS,
)
from provenance.judge.features import (
    _SKIP as _SUBJECT_SKIP,
)
from provenance.judge.features import (
    _SUBJECT_CLASSES,
    CLASSES,
    GATE_NAMED,
    GATE_NAMED_CUE,
    GATE_RELIABLE,
    GATE_STRONG,
    GATE_VAGUE_RELIABLE,
    GATE_VAGUE_SHARE,
    TOKEN,
    Cue,
    Model,
    SentenceInfo,
    Stages,
    context_features,
    mined,
    model,
    sentence_tokens,
    softmax,
    stacked,
    with_context,
)
from provenance.judge.reasons import reason
from provenance.judge.tagger import model as tagger_model
from provenance.judge.tagger import verb_at
from provenance.model import Block, Category, Judgement, Link, LinkRole, Role, Sentence, new_judgement

# manner-of-speaking verbs: speech only beside a quotation (Judge._manner); the reporting verbs of
# core/data/reporting_verbs.txt ("said", "joked", "quipped") are speech anywhere
_MANNER_VERBS = frozenset({"barked", "wondered", "shouted", "screamed", "yelled", "snapped", "mused", "fumed",
                           "scoffed", "continued", "exclaimed", "cried", "laughed", "sighed", "interjected",
                           "retorted", "thundered", "bellowed", "whispered", "muttered", "chanted", "pleaded",
                           "implored", "gushed", "marveled", "marvelled", "deadpanned", "roared", "growled",
                           "groaned", "hollered", "huffed", "sniffed", "teased", "boomed", "shrugged", "chided",
                           "lamented", "raged", "ranted", "intoned", "murmured", "stammered", "sneered", "shot",
                           "went", "beamed", "smiled", "grinned", "quipped", "joked", "raved", "fretted", "griped",
                           "grumbled",
                           # ('“France will always be France,” an angry Hollande retaliated.', '“Choke!” blared the
                           # front page of The Boston Herald.': the speaker before was carried in)
                           "retaliated", "riffed", "blared", "exulted", "cracked", "needled", "vented", "proclaimed",
                           "jabbed", "hissed", "howled", "crowed", "chirped", "seethed",
                           "reacted"})
# the speaker and the verb ('" Trump barked', '" he continued, "', "Cruz continued:")
# (the verb is one of them in the pattern, so that "the crowd shouted from" is not read as "the crowd shouted" and
# the verb "from"; "a young woman exclaimed" is a described speaker too)
# the name a relative "which" after a comma stands for, with where it is: "the Palestinian Dialogue Group (in Turkey)"
_NAME_BEFORE_WHICH = LazyRe(r"(?P<np>(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){0,6}[A-Z][\w'’&.-]*)"
                            r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?$")
_MANNER_AFTER = LazyRe(r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e"
                       r"|(?:the|a|an)\s+[a-z]+\s+[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?"  # "an angry Hollande"
                       r"|(?:the|a|an)\s+(?:[A-Z][a-z][\w-]*\s+)?[a-z]+(?:\s+[a-z]+)?"
                       # ('"Will he be the next attorney general?" a Democratic staffer in the room wondered.')
                       r"(?:\s+(?:in|at|on|from)\s+the\s+[a-z]+)?)\s+(?:[a-z]+ly\s+)?"
                       r"(?P<verb>" + "|".join(sorted(_MANNER_VERBS, key=len, reverse=True)) + r")\b")
# ... or the verb, then the speaker, after the quotation ('" shouted Maria Lopez from the street.')
_MANNER_BEFORE = LazyRe(r"(?:[”\"]|'')\s*,?\s+(?P<verb>[a-z]+)\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
                        r"|(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?(?:\s+of\s+(?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)"
                        r"(?=\s*[.,;:!?]|\s*$|\s+(?:as|while|when|from|at|in|to|and|of|who)\b)")
# "I wondered if they could opt out", "Smith wondered whether ...": a question the subject asked, with no quotation
_WONDERED_CLAUSE = LazyRe(r"\s+(?:aloud\s+)?(?:if|whether|why|how|what)\b")
_CLOSING_BEFORE = LazyRe(r"(?:[”\"]|'')[\s,]*$")  # a closing quotation mark right before the speaker
_OPENING_AFTER = LazyRe(r"\s*[,:]\s*(?:[“\"]|'')")  # '... he continued, "we may ..."'
_CLOSING_END = re.compile(r"(?:[”\"]|'')\s*$")  # a sentence that ends on a closing quotation mark
# what _CLOSING_END finds in a text with no trailing spaces (re's \s is str.isspace, and "$" before a final
# newline is a trailing space), as one C call: the pattern was searched from every position of every
# sentence (Judge.judge; tests/test_fast_paths.py holds the two together)
_CLOSING_MARKS = ("”", '"', "''")
_QUOTE_TAIL = LazyRe(r"\s*(?:(?:as|while|when|from|at|in|to|before|after)\b[^\"“”]*)?[.!]?\s*")  # "Tiegen wondered."
_AUX = {"has", "have", "had", "also", "previously", "repeatedly", "later", "again", "then", "recently",
        "publicly", "privately", "quickly", "will", "would", "could", "should", "may", "might", "must", "did",
        "does", "do", "not", "never", "once", "further", "already", "first", "just", "often", "since", "even",
        "has also", "had also", "reportedly", "explicitly", "openly", "flatly", "firmly", "strongly", "loudly",
        "directly", "clearly", "specifically", "simply", "finally", "initially", "ultimately", "earlier",
        "subsequently", "separately", "similarly", "likewise", "both", "all", "still", "only", "herself",
        "himself", "themselves", "itself", "personally", "jokingly", "angrily", "famously", "twice",
        "allegedly", "apparently", "frequently", "consistently", "continually", "continuously", "routinely",
        "is", "are", "was", "were", "been", "be", "being", "'s", "’s", "to", "wanted", "refused", "declined",
        "went", "on", "seemed", "appeared", "tried", "seem", "seems", "appear", "appears",
        # verbs before "to" and the cue: "He continues to insist", "she refuses to say", "they began to argue"
        "continues", "continue", "continued", "refuses", "refuse", "declines", "decline", "wants", "want", "tries",
        "try", "began", "begins", "begin", "starts", "started", "keeps", "kept", "choose", "chooses", "chose",
        "decide", "decides", "decided", "agree", "agrees", "agreed", "vow", "vows", "vowed", "threaten", "threatens",
        "threatened", "intend", "intends", "intended"}
# (those of them after which a base form is no agreement error: "He continues to insist" is his)
_CATENATIVES = frozenset({"continues", "continued", "began", "begins", "starts", "started", "keeps", "kept"})
_BE = {"is", "are", "was", "were", "been", "be", "being", "am"}
_BOUNDARY = LazyRe(r"[,;:(—–\"“”…]|\.\.\.|\bthat\b|\bwho\b|\bwhich\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bwhen\b|\bafter\b|\bbecause\b"
                   r"|\bif\b|\bunless\b|\balthough\b|\bthough\b|\bwhether\b|\buntil\b|\bwhere\b")
# _BOUNDARY written backwards, for a search from the end of a text reversed (an ellipsis is a boundary too: "the
# United States….I want to say" was a speaker "the United States….I"; so is a hyphen between spaces, a dash typed
# as one: "... backed Mr. Trump - 60 percent of voters said" was a speaker "voters backed Mr. Trump - 60 percent ...")
_BOUNDARY_BACK = LazyRe(r"[,;:(—–\"“”…]|\.\.\.|\s-\s|\b(?:taht|ohw|hcihw|dna|tub|elihw|sa|nehw|retfa|esuaceb|fi|sselnu|hguohtla|hguoht|"
                        r"rehtehw|litnu|erehw)\b", re.I)
_NEXT_WORD = LazyRe(r"\s+(\w+)")
# the role nouns that head a description of a person by the body they serve ("a spokesman for the ministry")
_ROLE_HEADS = ("spokesman|spokeswoman|spokesperson|director|head|chief|chairman|chairwoman|chair|president|"
               "member|official|officer|leader|secretary|minister|lawyer|attorney|professor|researcher|analyst|"
               "economist|executive|manager|founder|co-founder|owner|representative|adviser|advisor|"
               "commissioner|editor|dean|governor|mayor|senator|ambassador|coordinator|commander|inspector|"
               "rector|principal|partner|fellow|expert|scientist|organizer|organiser|campaigner|volunteer")
_AFTER_SUBJECT = LazyRe(r"^\s*,?\s*(?P<np>(?:(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*)"
                        # (a name's particle: "said Pierre de Vos")
                        r"(?:\s+(?:of\s+|for\s+|(?:de|van|von|da|del|der|di|du|la|le|bin|al)\s+)?[A-Z][\w.'’-]*){0,6}"
                        r"|he|she|they|it|I|we)"
                        # ... where the subject ends the clause: "..., said Smith." or "said Smith in a
                        # statement", not "added Latin hits"
                        r"(?=\s*[,.;:!?)(\"”—–]|\s*’(?![a-z])|\s*$|\s+(?:in|on|at|during|who|told|to|of|from|after|before|when|"
                        r"as|while|because|since)\b)"
                        # a common noun only right before punctuation or a place or time: '"...," said the
                        # official.', never "posted the clip to YouTube" (an object)
                        # ('said the 46-year-old.', 'said a longtime GOP data expert who ...')
                        # ('," said one unaligned Florida Republican strategist.': one of a kind, unnamed)
                        r"|(?:the|a|an|one|another|his|her|their|its)\s+(?:(?:[A-Z][\w.-]*|[a-z]+(?=\s+[A-Z]))\s+){0,3}"
                        r"[a-z0-9][\w-]*"
                        # ('said a former U.S. law enforcement official who ...': a noun of three words)
                        r"(?:\s+(?!(?:and|or|of|to|the|a|an)\b)[a-z]+){0,2}?(?=\s*[,.;:!?)\"”’—–]|\s*$|\s+(?:in|on|at|during|who)\b)"
                        # a role with what it heads: '"...," said a spokesman for the ministry.', 'says the
                        # director of academic management at SUM, who ...'
                        rf"|(?:the|a|an|his|her|their|its)\s+(?:[a-z-]+\s+)?(?:{_ROLE_HEADS})\s+(?:of|for|at|with)\s+"
                        r"(?:the\s+|a\s+|an\s+)?(?:[\w'’&.-]+\s+){0,3}?[\w'’&-]+(?=\s*[,;:!?)\"”’—–]|\.\s*$|\s*$))")
# '..., said another Twitter user, Johanna Bayer.', '..., said former Pennsylvania governor Ed Rendell, who':
# a description, then the name that ends the sentence or opens an aside
_AFTER_APPOSITION = LazyRe(
    # (no prepositional phrase with its own article before the name: "recounts the achievements of the Affordable
    # Care Act" named "Care Act")
    r"^\s*(?:(?:the|a|an|another|former|fellow|longtime|then|veteran|retired|one)\s+"
    # (nor a verb of its own: "quoted the Talmud and visited the grave of Theodor Herzl, the father of ...")
    r"(?:(?!(?:of|for|to|from|with|by|in|on|at)\s+(?:the|a|an)\s|[a-z]{3,}ed\s)[\w.'’-]+,?\s+){0,6}?"
    # "said master of ceremonies Asab Al-Tabchi, a Syrian engineer": a lower-case role, then the name
    # (nor a preposition: "when asked about Lindsey Graham" named Graham, the one asked about)
    r"|(?:(?!(?:in|on|at|to|from|with|during|after|before|for|by|via|through|about|against|over|into|like|than|"
    r"as|of\s+(?:the|a|an))\s)[a-z][\w'’-]*\s+){1,4}"
    # "said Democratic pollster Stan Greenberg": a capitalised adjective before the role
    # "said Ohio State University professor Paul Beck": an organisation of up to four words before it
    # ("said Peter McNally of Third Bridge": a name, then "of", is no adjective before a role)
    r"|(?:[A-Z][\w'’-]*\s+){1,4}(?:(?!(?:in|on|at|to|from|with|during|after|before|for|by|via|through|of)\s)[a-z][\w'’-]*\s+){1,3}"
    # "said Clinton’s top foreign policy aide Jake Sullivan", "said Rubio’s deputy campaign manager, Rich Beeson, who":
    # a possessive name, a role of up to five words, perhaps a comma, then the name
    r"|[A-Z][\w.-]*[’']s\s+(?:(?!(?:in|on|at|to|from|with|during|after|before|for|by|via|through|of)\s)[a-z][\w'’-]*\s+)"
    r"{0,4}[a-z][\w'’-]*,?\s+)"
    r"(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
    # (a closing ’ ends the name; a possessive ’s does not: "read Piers Morgan’s diaries"; nor does a title's dot
    # before more of the phrase: "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell")
    # ("said Republican party boss Reince Priebus, though he added ...": a clause after the name's comma)
    # ('Wrote critic Tom Hale, “A triumph.”': the name, then a comma and the quotation)
    r"(?=\s*(?:\.(?!\s+(?:and|of)\s)|[;!?)\"”—–]|’(?![a-z])|,\s+(?:who|a|an|the|[a-z]+ing|though|but|while|and)\b"
    r"|,\s*[\"“‘])|\s*$"
    # ("said Oversight ranking Democrat Elijah Cummings (D-Md.).": a party tag after the name)
    r"|\s+\([DRI](?:-[A-Z][\w.]{0,10})?\)"
    # ("said Democratic strategist Simon Rosenberg, president of the New Democrat Network": a role without "the")
    rf"|,\s+(?:(?:former|vice|deputy|executive|senior|assistant|co-)\s*)?(?:{_ROLE_HEADS})\s+(?:of|for|at)\s"
    # ("said Virginia delegate Beau Correll, angered that ...": a participle's clause; not "surrounded by ...", where
    # "said the younger Mr. Trump" is Donald Jr., whom the name alone would make his father)
    r"|,\s+[a-z]{3,}ed\s+that\b"
    # "says political scientist Dossym Satpayev in Almaty."
    r"|\s+(?:in|at|of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*[.;!?\"”]?\s*$"
    # "said RNC spokesman Sean Spicer in a Friday tweet.": where or how it was said
    r"|\s+(?:in|on|at|during)\s+(?:a|an|the|his|her|their|its)\s"
    # ("said Cruz constituent Dan Golvach when asked about Lindsey Graham": a clause of time after the name)
    r"|\s+(?:when|while|after|before)\s)")
# '..., says the former editor of the Standard, George Osborne.': a role of a body, then the name in apposition
_AFTER_ROLE_NAME = LazyRe(r"^\s*(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:of|at|for)\s+(?:the\s+)?"
                         r"(?:[\w.'’&-]+\s+){0,4}?[\w.'’&-]+,\s+(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
                         r"(?=\s*[.;!?)\"”—–]|\s*$|,\s+(?:who|a|an|the)\b)")
# '..., said the base chief known as Bob, speaking ...': a description, then the only name the writer gives
_AFTER_KNOWN_AS = LazyRe(r"^\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){1,4}?(?:(?:known|identified|referred\s+to)\s+(?:only\s+)?as"
                         # ('..., tweeted a German user from Hanover going by the handle Pulvermann.')
                         r"|going\s+by\s+(?:the\s+)?(?:handle|name|username|nickname|pseudonym))\s+"
                         r"(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?=\s*[,.;:!?)\"”—–]|\s*$)")
# '..., said Chartered Professional Accountants of Canada’s chief economist, David-Alexandre Brassard.': a body's
# role (the body in the possessive), then the name in apposition
_AFTER_BODY_ROLE_NAME = LazyRe(r"^\s*(?:the\s+)?(?:[A-Z][\w.&-]*\s+(?:(?:of|for|and|&)\s+)?){0,6}?[A-Z][\w.&-]*(?:'s|’s|s'|s’)\s+"
                               r"(?:[a-z][\w'’-]*\s+){0,4}?[a-z][\w'’-]*,\s+(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
                               r"(?=\s*[.;!?)\"”—–]|\s*$|,\s+(?:who|a|an|the)\b)")
# '..., said AppDynamics Chief Technology Officer and Senior Vice President of Product Management, Bhaskar Sunkara.':
# a role in title case (a body's name, offices joined by "and", "of"), a comma, then the name that ends the sentence
_AFTER_TITLED_ROLE_NAME = LazyRe(r"^\s*(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|&|the)\s+)?[A-Z][\w.&’'-]*){2,13},"
                                 r"\s+(?P<np>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"
                                 r"(?=\s*[.;!?)\"”—–]|\s*$|,\s+(?:who|a|an|the)\b)")
# the name after a title's dot ("Gov. Jim Hodges, a Clinton backer"), ending as a name after the verb ends
_NAME_AFTER_TITLE_DOT = LazyRe(r"\.\s+(?P<np>[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*){0,3}?)"
                               r"(?=\s*[,.;:!?)\"”—–]|\s*$|\s+(?:in|on|at|during|who)\b)")
# a phrase ending in a name after "of", "for", "on" or "at" ("A spokesperson for the Parks"): a body's name that an
# "and" goes on ("... and Recreation Department"), not the first of two subjects
_OF_NAME_END = LazyRe(r"\b(?:of|for|on|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*$")
_TITLED_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][a-z][\w'’-]*")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|whom)\s*$")
_WHERE_BEFORE = re.compile(r"\bwhere\s*$")
# what stands before a name then ", who" when the sentence is not about someone else: a copula or an agent ("Among
# those ... was councillor Margaret Clarke, who said", "backed by Senator Jane Smith, who said"); after any other
# verb the main clause's subject is the sentence's ("Trump was out-brutalizing Ted Cruz, who said ...": PolNeAR's
# tuning part lost 7 sources to the rule without this)
_COMPLEMENT_BEFORE = LazyRe(r"\b(?:was|is|were|are|by|including)\s+(?:[a-z][\w-]*\s+){0,3}$")
# a name of two to four capitalised words, then ", who" and its verb: "Margaret Clarke, who (said)"
# a copula, a role (capitalised words too: "Hawks head Major-Gen"), then a full name and ", who": the person the
# sentence introduces ("The first witness was Hawks head Major-Gen Gopaul Govender, who was appointed ...")
_INTRODUCED = LazyRe(r"\b(?:was|is)\s+(?:[\w.'’-]+\s+){0,5}?(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}),"
                     r"\s+who\b")
_NAME_WHO = LazyRe(r"(?<![\w'’.-])(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*),\s+who\s*$")
# a relative clause that opens with its own subject ("the man who the police say ..."): not skipped
_RELATIVE_SUBJECTS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "some",
                                "many", "they", "we", "he", "she", "i", "you", "it"})
_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS
_INDEFINITE = re.compile(r"\s*(?:a|an)\s+[a-z]")  # a clause that opens with an indefinite description
# "confirmed in a family statement", "announced in a press release": a passive's source given as the
# document it was said in
_IN_DOCUMENT = LazyRe(r"\s+(?:in|via|through)\s+(?P<np>(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
                      r"(?P<head>" + "|".join(sorted(DOCUMENT_HEADS)) + r"))\b")
_SPEECH_PASSIVES = frozenset({"confirmed", "announced", "stated", "said", "reported", "disclosed", "revealed",
                              "denied", "acknowledged", "claimed", "described", "explained"})
# a lower-case role of one to three words, then the name ("mechanical engineer Richard Weir"); never a
# phrase with a preposition or article in it ("the chairman of the County GOP in New Hampshire")
_ROLE_WORDS_NAME = LazyRe(r"(?:(?!(?:of|in|at|for|from|the|a|an|on|with|by|to|and)\s)[a-z][\w'’-]*\s+){1,3}"
                          r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2})")
_ROLE_HEAD_ONE_NAME = LazyRe(rf"(?:{_ROLE_HEADS})\s+(?P<name>[A-Z][a-z][\w'’-]+)(?=\s+[a-z])")
# a person described by who they are in the family or in office, then their name, opening a sentence
_THE_DESCRIBED = LazyRe(r"(?:But\s+|And\s+)?[Tt]he\s+(?:elder|younger|late|former|embattled|veteran|billionaire|"
                        r"disgraced|retired|outgoing|incoming)\s+(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2})"
                        r"\s+[a-z]")
# a person described by party or trade ("the prominent Republican", "the GOP lawmaker"): the titled person
# named last (Speakers.recent_titled)
# (one lexicon, speakers.PARTY_ROLES, for the words test and the pattern; either case of the first letter)
_PARTY_ROLES = PARTY_ROLES
_PARTY_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?:GOP\s+|Republican\s+|Democratic\s+)?"
                                r"(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(PARTY_ROLES)) + r")"
                                r"(?=\s*[,.;:)—–]|\s+(?:has|had|have|is|was|will|would|could|can|did|does|who|"
                                r"also|then|now|[a-z]+ed|[a-z]+s)\b)")  # its verb next: not "the Republican nominee"
_PLACE_OPENS = re.compile(r"\s*(?:from|of|in)\s+[A-Z]")  # "from Tynemouth", "of Flint": a place follows
# a description ending on a place: "a salesman from Sumter", "Stacy Baker of Columbia" (a state may follow)
_PLACE_END = LazyRe(r"\b(?:from|of|in)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*$")
# a role in lower case after a name and a comma: "Anthony Anton, president and CEO of ... stated"
_ROLE_CLAUSE = LazyRe(r"\s*(?:president|chairman|chairwoman|chair|director|executive|founder|co-founder|head|chief|"
                      r"spokesman|spokeswoman|spokesperson|professor|editor|owner|manager|secretary|senior|former)"
                      r"\s+[\w-]")
# a role in title case "of" or "at" a body, after a name and a comma: "Cllr Louise Gittins, Chair of the Local Government
# Association said" (the writer's comma before "said" left out); the name before it speaks, never the role
_CAPITAL_ROLE_OF = LazyRe(r"\s*(?:(?:Deputy|Vice|Acting|Interim|Executive|Senior|Assistant|Managing)\s+)?"
                          r"(?:Chair|Chairman|Chairwoman|Chairperson|President|Director|Head|Chief\s+Executive|Leader|"
                          r"Secretary|Spokesman|Spokeswoman|Spokesperson|Founder|Co-founder|Editor|Manager|Professor|"
                          r"Dean|Principal|Commissioner|Coordinator|Officer|Member|Partner)\s+(?:of|at|for)\s")
# ... or in lower case after "the" or words before it: "Sam Lau, the communications director for the Iowa Democratic Party
# said in a statement" (the role was the speaker)
_LOWER_ROLE_OF = LazyRe(rf"\s*(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:{_ROLE_HEADS})\s+(?:of|for|at)\s")
_ROLE_OF_INITIALS = frozenset(" CDEFHILMOPSAVI")  # the first character _CAPITAL_ROLE_OF can match: a cheap gate
# (initials may stand for the first name: "J.J. Goldberg, editor at large of The Forward, ..., wrote")
_PERSON_ASIDE = re.compile(r"(?:[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?|[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?:\s+[A-Z][a-z][\w'’-]*){1,3}")
# a name, then the body or place it is of: "Another pollster, David Woodard of Clemson University, said"
_PERSON_OF_ASIDE = LazyRe(r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2}\s+(?:of|from|at)\s+(?:the\s+)?"
                          r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’.&-]*){0,4}"
                          r"(?:\s+in\s+[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)?")  # "... in Marion"
_AND_BEFORE = re.compile(r"\b(?:and|but)\s*$")
# a name opening a clause, then a lower-case word (its verb): "Regarding the tweets, Mpofu adopted"
_CLAUSE_SUBJECT = LazyRe(r"(?:^|[,;]\s+)(?P<np>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:(?:[a-z]+ly|also)\s+)?[a-z]+ed\b")
# "(CAAN) said", "Sen. Bernie Sanders (I-Vt.) repeated": an acronym or a party tag in brackets
_ACRONYM_CLAUSE = LazyRe(r"\s*(?:[A-Z][A-Za-z]{1,7}|[RDI](?:-[A-Z][\w.]*)?|[A-Z][a-z]{0,4}\.)\)\s*")
_QUOTE_MARKS = " \t'‘’\"“”"
# what may follow a closing credit's verb to the sentence's end: its subject and an aside about it ("says Belinda
# Schäpe, a policy lead at ...", "Walker said on Monday."), with no second clause ("said X, and added that ...")
_SENTENCE_END_AFTER = LazyRe(r"[^;:]{0,160}$")
# an opening quotation mark after a cue ("Surveys show that “most ...") and a closing one with its comma before a
# credit's verb, at most four words between ('...,” said Oskar Lind', "...,'' Mr. Lind said")
_OPENS_QUOTE = LazyRe(r"\s(?:“|'')\S")
_CREDIT_BEFORE = LazyRe(r"[,?!](?:”|'')\s+(?:[\w.'’-]+\s+){0,4}$")
# a capitalised name of one to five words ("Reuters", "Senate Majority Leader Chuck Schumer")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
_LEARNED = LazyRe(rf"[,—–]\s*(?P<src>(?:[Tt]he\s+)?{_NAME}|[Ww]e|I)\s+"
                  r"(?:has\s+|have\s+|had\s+)?learned\s*[.!]?[\"”’]?\s*$")
# the source may hold a quoted title ('according to the "Medicare for all" document he released')
# (the dots of an abbreviation or a title, "F.A.A. records", "the A.F.L.-C.I.O.", "Mr. Smith", are part of it).
# "according" in any case after no word character (r"\baccording", re.I) is written as "[Aa]" and a
# look-behind: no character but "a" and "A" matches "a" case-blind, and a pattern that opens with a
# case-sensitive set lets `re` skip to the next "a" by a fast scan instead of trying every position
# (the rest is case-blind as before: the same matches; tests/test_fast_paths.py)
_ACCORDING_DOTS = (r"(?<=\b[A-Z])\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\bSen)\.|(?<=\bRep)\.|"
                   r"(?<=\bGov)\.|(?<=\bGen)\.|(?<=\bSt)\.")
_ACCORDING = re.compile(rf"[Aa](?<!\w[Aa])(?i:ccording\s+to\s+(?P<src>(?:[^,.;:!?()\"“”]|{_ACCORDING_DOTS}|"
                        rf"[\"“][^\"“”]{{1,60}}[\"”]){{2,120}}))")
# _ACCORDING for a text with no opening quotation mark ('"' or '“'), where its quoted-title
# alternative, which opens with one, cannot match (every sentence of the 2 MB "according to Reuters"
# text is searched)
_ACCORDING_PLAIN = re.compile(rf"[Aa](?<!\w[Aa])(?i:ccording\s+to\s+(?P<src>(?:[^,.;:!?()\"“”]|{_ACCORDING_DOTS}){{2,120}}))")
# a dot that one of _ACCORDING_DOTS takes (the same look-behinds, after the dot, case-blind as there; it
# opens with the dot, which `re` finds by a fast scan). In a text with none and no opening quotation
# mark, _ACCORDING's source is one set repeated: _ACCORDING_SIMPLE
_ACCORDING_DOT = re.compile(r"\.(?:(?<=\b[A-Z]\.)|(?<=\bMr\.)|(?<=\bMs\.)|(?<=\bMrs\.)|(?<=\bDr\.)|(?<=\bSen\.)|"
                            r"(?<=\bRep\.)|(?<=\bGov\.)|(?<=\bGen\.)|(?<=\bSt\.))", re.I)
_ACCORDING_SIMPLE = re.compile(r"[Aa](?<!\w[Aa])(?i:ccording\s+to\s+)(?P<src>[^,.;:!?()\"“”]{2,120})")
# where the source named after 'according to' ends
# where a date inside the noun phrase is no end: "according to a January 2016 study by ...", "a 2013 study", "the 2020
# census" (a number after one of these words is part of the phrase)
_DATE_INSIDE = (r"(?<!January)(?<!February)(?<!March)(?<!April)(?<!May)(?<!June)(?<!July)(?<!August)"
                r"(?<!September)(?<!October)(?<!November)(?<!December)(?<!\ba)(?<!\bthe)")
# the ends of the phrase after "according to" other than its "data"/"figures": a relative clause, a clause's verb, a
# participle and its agent ("exit polls conducted for The AP by Edison Research", "a study ... based on census data")
_ACCORDING_END_TAIL = (r"|\s+(?:is|are|was|were|has|have|had|will|would)\s"
                       r"|\s+(?:conducted|obtained|seen|published|released|issued|posted|filed|based)\s")
_ACCORDING_END = LazyRe(r"\s+(?:the\s+)?(?:new|latest|recent)?\s*(?:data|figures)\b|\s+(?:which|who|that)\b"
                        # "according to The Associated Press 11 states were identified": no comma ("according to
                        # SDG 11," and "Article 5," end on their number: part of the name)
                        r"|" + _DATE_INSIDE + r"(?<!\bits)(?<!\btheir)\s+\d(?![\d.]*\s*$)" + _ACCORDING_END_TAIL)
# _ACCORDING_END without its "data"/"figures": where "preclinical data published in ..." ends
_ACCORDING_END_REST = LazyRe(r"\s+(?:which|who|that)\b|" + _DATE_INSIDE + r"\s+\d" + _ACCORDING_END_TAIL)
# the words that open a clause after a name with no comma ("according to Reuters the company will ...")
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "there", "it", "he", "she", "they", "we", "i",
                             "his", "its", "their"})
_LINK_WORDS = frozenset({"http", "https", "www"})  # 'according to https://...': the link, not a source
# the verbs before an "according to" that means "in proportion to" or "as it was planned": no source follows
_IN_PROPORTION = LazyRe(r"\b(?:vary|varies|varied|varying|differ|differs|differed|differing|change|changes|changed|"
                        r"adjusted|ranked|sorted|grouped|priced|tailored|calculated|weighted|scaled|went|go|goes|"
                        r"going|proceeded|proceeds)\s+$")
_UNNAMED_FIRSTS = frozenset({"reports", "sources", "some", "many", "estimates"})  # 'according to some ...'


# What Judge._according reads from the text after "according to" alone, once per distinct text (real
# articles cite the same sources again and again; the 2 MB "according to Reuters" text one 64,000
# times): (the source, whether it is a link, whether its first word makes it unnamed, the owner of
# "X's office" in it, its reason). What depends on the article (the speakers named so far) is asked
# for every sentence. Bounded: emptied when full.
_ACCORDING_SOURCES: dict[str, tuple[str, bool, bool, str | None, str]] = {}
_ACCORDING_SOURCES_MAX = 4096


# "according to a story her sister Maya has told": a story or an account, then who told it (a clause with no
# "that", its subject a person or a name): the teller is the source, not "a story her sister Maya"
_TOLD_BY = LazyRe(r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+)?(?:story|stories|account|accounts|version|"
                  r"anecdote|anecdotes|tale|recollection)\s+(?P<teller>(?:his|her|their|my|our|the|[A-Z][\w'’.-]*)"
                  r"(?:\s+[\w'’.-]+){0,4}?)\s+(?:(?:has|have|had|would|later|once|often|since|repeatedly)\s+)*"
                  r"(?:told|tells|tell|recounted|recounts|recount|gave|given|gives|related|relates|shared|shares|"
                  r"wrote|writes|written)\b")


def _according_source(phrase: str) -> tuple[str, bool, bool, str | None, str]:
    """`_ACCORDING_SOURCES[phrase]`, worked out and kept."""
    src = phrase.strip()
    told = _TOLD_BY.match(src) if " " in src and src[:1] in "AaTtOo" else None
    if told is not None:
        src = told.group("teller")
    # the text before _ACCORDING_END's first match; each of its alternatives opens with a space, so a
    # one-word source ("Reuters": letters only) is not searched
    end = None if src.isalpha() else _ACCORDING_END.search(src)
    if end is not None and end.group(0).rstrip().endswith(("data", "figures")) \
            and not any(w[:1].isupper() for w in src[:end.start()].split()):
        # "according to preclinical data published in ...": no owner before "data" (an adjective is none), so the
        # data are the source, up to the next end ("preclinical data"; "Census Bureau data" stays the Bureau's)
        rest = _ACCORDING_END_REST.search(src, end.end())
        src = src[:rest.start()] if rest is not None else src
    elif end is not None:
        src = src[:end.start()]
    src = _COPY_OF.sub("", src.strip(), count=1)  # "according to a copy of the filing": the filing speaks
    words = src.split()
    for k in range(1, len(words)):
        if words[k].lower() in _CLAUSE_OPENERS and words[k - 1][:1].isupper():
            # "According to Tessa the best time to book ... is": no comma, the name ends at the clause
            src = " ".join(words[:k])
            break
    words = src.split()
    owner = _OFFICE.search(src) if "office" in src else None
    known = (src, src.lower() in _LINK_WORDS, (words[0].lower() if words else "") in _UNNAMED_FIRSTS,
             owner.group(1) if owner else None, reason("according", source=src))
    if len(_ACCORDING_SOURCES) >= _ACCORDING_SOURCES_MAX:
        _ACCORDING_SOURCES.clear()
    _ACCORDING_SOURCES[phrase] = known
    return known
# a copy of a document is the document: "a copy of the filing", "A copy of the report (, seen by ...,) says"
_COPY_OF = LazyRe(r"^(?:[Aa]n?|[Tt]he)\s+(?:leaked\s+|signed\s+|full\s+)?cop(?:y|ies)\s+of\s+(?=\S)")
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
_OFFICE = LazyRe(r"\b([A-Z][\w-]+)['’]s\s+office\b")
# "The 80-year-old, a member of Tamworth Soroptimists: “...": a person described by age, an aside, a colon, a quotation
_AGED_COLON = LazyRe(r"(?P<who>The\s+\d{1,3}-year-old(?:\s+[a-z]+)?)(?:,[^:“”\"]{1,80})?:\s*[“\"‘]")
# (a party tag may stand before the colon: 'Rep. Trey Gowdy (R-S.C.):"I have not heard ...')
_COLON_ATTR = LazyRe(rf"^(?P<who>{_NAME})(?:\s*\((?:[RDI]|[RDI]-[A-Z][\w.]*|[A-Z][a-z]{{1,4}}\.)\))?\s*:\s*[\"“‘]")
# "But neighbour Zibulka picks up the story: “All of a sudden ...": a named subject, a short clause of its own
# verb, then a colon and a quotation: the subject's words, whatever the verb
_COLON_CLAUSE = LazyRe(r"^(?:(?:But|And|Then|Later|Now)\s+)?(?:[a-z]+\s+)?"
                       r"(?P<who>(?!(?:He|She|They|It|We|I|This|That|There)\s)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+[a-z]+(?:s|ed)\b[^:“”\"]{0,30}:\s*[“\"‘]")
# "'BoC to stay on sidelines next week': TD Economics": a quotation credited after it, the way
# headlines and round-ups of reactions name their speaker (Financial Post, the UK press)
# (an apostrophe inside a word is no closing mark: "‘The economy isn’t booming ...’: BMO")
_QUOTE_CREDIT = LazyRe(rf"^\s*[\"“‘'](?:[^\"“”‘’]|[’'](?=[a-z]))+[\"”’']\s*:\s*(?P<who>{_NAME})\s*$")
# a reporting verb, "that" and "according" ("reported that, according")
_VERB_THAT_ACCORDING = LazyRe(r"[a-z]+\s+that,?\s+according")
# "Here’s Clinton in December 1992: “...", "Here is what Trump said:" is not: a name, a time or a place, a colon, a quotation
_HERE_IS = LazyRe(rf"^Here(?:['’]s|\s+is)\s+(?P<who>{_NAME})(?:\s+(?:in|on|at|during|last|this|from)\b[^:“\"]{{0,60}})?"
                  r":\s*[\"“]")
# a transcript's speaker label in capitals, then the speaker's words ("FALLIN: I think ...", "JAKE TAPPER: ...")
_LABEL_SPEAKER = re.compile(r"(?P<who>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?):\s+\S")
# labels in capitals that name no speaker
_NOT_LABELS = frozenset({"UPDATE", "EXCLUSIVE", "BREAKING", "WATCH", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "VIDEO",
                         "PHOTOS", "PHOTO", "READ", "RELATED", "CORRECTION", "CLARIFICATION", "SOURCE", "SOURCES",
                         "LISTEN", "ANALYSIS", "OPINION", "BREAKING NEWS", "LIVE", "UPDATED", "DEVELOPING", "WARNING",
                         "SPOILER", "FACT CHECK", "TRANSCRIPT", "QUESTION", "ANSWER", "MORE", "ALSO", "SEE", "PLUS"})
# "HIGHER THAN EXPECTED TURNOUT IN IOWA - Michael P. McDonald: “...": a round-up's headline, its author, a colon and
# the author's words (HuffPost's Pollster round-ups)
# (or "-More from Blumenthal and Cohen: “...": the same hand-over, its dash glued to "More from")
_DASH_CREDIT = re.compile(rf"(?:\s[-—–]\s+|(?:^|[\s—–-])More\s+from\s+)(?P<who>{_NAME}(?:\s+and\s+{_NAME})?)\s*:\s*[“\"]")
# "asked by Fox Business moderator Gerard Baker": the person after the outlet and role asked
_BY_AGENT = LazyRe(rf"^\s+by\s+(?P<np>(?:the\s+)?{_NAME})(?:\s+(?:moderator|host|anchor|reporter|correspondent|"
                   rf"columnist|editor|writer|analyst|spokesman|spokeswoman|interviewer)\s+(?P<name>{_NAME}))?")
# after a passive's agent: its lower-case head ("by Russian politicians") and a second agent joined by
# "and" ("... and Donald Trump Jr"); the head only before the end of the phrase
_AGENT_TAIL = LazyRe(rf"(?P<nouns>(?:\s+[a-z][\w'’-]*){{0,2}}?)(?:\s+and\s+(?P<more>(?:the\s+)?{_NAME})"
                     r"|(?=\s*[,.;:!?)\"”—–]|\s*$|\s+(?:who|which|that|in|on|at|over|for)\b))")
# a sentence opening with a document: "Article 5", "The new treaty", "Sweden’s brochure" (its head then in
# DOCUMENT_HEADS)
_LEAD_DOCUMENT = LazyRe(r"(?P<np>(?:Article|Section|Clause|Chapter|Paragraph|Annex)\s+\d+\w*"
                        r"|(?:The\s+|[A-Z][\w-]*['’]s\s+)(?:[A-Z][\w-]*\s+|new\s+|updated\s+|official\s+){0,2}"
                        r"(?P<head>[a-z]+))\b")
# the head noun after a possessor, up to the verb: "(Kohberger’s) defense team (issued)"
_POSSESSED = LazyRe(r"(?P<head>(?:\s+[a-z][\w-]*){1,3}?)\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|are|were|will|"
                    r"would|[a-z]+ed|[a-z]+s)\b")
# the start of a body's name that goes on after "and": "(the Philippine) Bureau of Fisheries (and Aquatic Resources)"
_BODY_OF_AND = LazyRe(r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,3})?(?P<head>[A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*"
                      r"(?:\s+[A-Z][\w'’-]*)?$")
# a passive's quoted complement before its agent: ' as “a national treasure”', ' an “undesirable” organization'
_QUOTED_COMPLEMENT = LazyRe(r"(?:\s+as)?(?:\s+(?:a|an|the))?(?:\s+[a-z][\w-]*){0,2}?\s+[“\"][^”\"]{1,80}[”\"]"
                            r"(?:\s+[a-z][\w-]*){0,2}?(?=\s+by\s)")
# ... and its agent, a common noun phrase ("by his rival", "by the Russian prosecutor's general office")
_BY_PHRASE = LazyRe(r"\s+by\s+(?P<np>(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
                    r"(?=\s*[,.;:!?)]|\s+(?:and|on|in|at|during|after|before|who|which|last|this)\b|\s*$)")
# adverbs between a participle and its agent: "(claimed) almost entirely (by Beijing)", "(announced) only last week"
_ADVERBS_BEFORE_BY = LazyRe(r"(?:\s+(?:[a-z]+ly|almost|mostly|only|also|still|even|first|once|long|since))+(?=\s+by\s)")
# a name that may be the first of two subjects joined by "and" ("Sweden and Finland have told")
_CONJUNCT = LazyRe(rf"(?:[Tt]he\s+)?{_NAME}")
# "with the previous Government (saying)": "with", then the participle's subject (a noun phrase of up to six words)
_WITH_SUBJECT = LazyRe(r"\s*with\s+(?P<np>(?:the|a|an|his|her|their|its|many|some|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){0,5})\s*")
# a thing's name or title as a verb's subject ("than its name suggests", "as the title implies"): nobody speaks
_LABEL_SUBJECT = LazyRe(r"(?:[Ii]ts|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:own\s+|very\s+)?(?:nick)?(?:name|title)")
_PARTICIPLE_OK = LazyRe(r"(?:,|\bby|\bwhile|\bbefore|\bafter|\bwhen|\bin)\s*$")
# "(one of the victims, Jane Roe,) filed a lawsuit (saying ...)": a document the subject filed or issued, then a
# speech participle; whoever filed it says it (the verb, up to two modifiers, a head of DOCUMENT_HEADS). Not "sent"
# or "posted": PolNeAR's annotators credit "she sent an email saying, “done.”" to the emails, one moved message
_ISSUING = frozenset({"file", "files", "filed", "issue", "issues", "issued", "release", "releases", "released",
                      "publish", "publishes", "published", "sign", "signs", "signed", "lodge", "lodges", "lodged",
                      "submit", "submits", "submitted"})
_ISSUED_DOCUMENT = LazyRe(r"\b(?P<verb>(?:" + "|".join(sorted(_ISSUING)) + r"))\s+(?:an?|the|his|her|their|its|our)"
                          r"(?:\s+[\w-]+){0,2}?\s+(?P<head>[a-z-]+)\s*$")
_LEADING_NP = LazyRe(r"^\s*(?:(?:However|Meanwhile|Additionally|Also|But|And|Still|Yet|Instead|Later|Earlier|"
                     r"Now|Then|In\s+response|In\s+addition|At\s+the\s+same\s+time)\s*,?\s*)?"
                     r"(?:(?:in|on|at|during|after|before)\s+[^,]{1,60},\s*)?"
                     r"(?P<np>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,5}"
                     # "The Clinton campaign (pushed back)": a name, then the head noun it modifies
                     r"(?:\s+(?:campaign|administration|government|camp|team|spokesman|spokeswoman|"
                     r"spokesperson|aides?|officials?|supporters|advisers|advisors|staff|allies|"
                     r"lawyers?|attorneys?|officers?|"
                     # "The Florida senator (sought)", "The New Jersey governor": a place, then the role
                     r"senator|governor|congressman|congresswoman|lawmakers?|mayor|minister|candidates?|nominee|"
                     r"leaders?|businessman|billionaire|ad)){0,2}"
                     # (then the verb, or a dashed aside: "Governor Chris Christie – a Dallas Cowboys fan – gave"; not a
                     # dateline's dash: "ATLANTIC CITY — Hillary Clinton descended")
                     r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)(?:\s+[a-z]|\s+[–—]\s+[a-z])")
# the roles _LEADING_NP reads after a name or a place ("The Florida senator"): a subject for the rules
# (Judge._leading_subject), not a name for the learned part (_named_lead)
_ROLE_AFTER_NAME = frozenset({"senator", "governor", "congressman", "congresswoman", "lawmaker", "lawmakers", "mayor",
                              "minister", "candidate", "candidates", "nominee", "leader", "leaders", "businessman",
                              "billionaire", "ad"})
_NOUN_BEFORE = LazyRe(r"\b(?:the|a|an|this|that|his|her|their|its|our|whose|more|most|fewer|many|several|these|"
                      r"those|other|such|two|three|four|five|six|seven|eight|nine|ten|\d+)\s*$", re.I)
# a determiner and a modifier of two names joined by a slash before a cue's base or -s form ("the Obama/Clinton
# calls"): a noun (a poll's name, "a new CNN/ORC poll shows", has its head noun before the verb)
_SLASH_MODIFIER_BEFORE = LazyRe(r"\b(?:the|a|an|this|that|these|those)\s+[A-Z][\w.&-]*/[A-Z][\w.&-]*\s+$", re.I)
# a preposition before a cue's base or -s form makes it a noun: "campaigned on pledges", "in reply to"; so does
# "make" ("make jokes", "made claims")
_PREPOSITION_BEFORE = LazyRe(r"\b(?:on|of|with|in|for|about|from|by|at|into|over|under|against|among|amid|"
                             r"despite|without|after|before)\s+$"
                             # (and "make": "his friends make jokes about", "made remarks", "making claims")
                             r"|\b(?:make|makes|made|making)\s+$")
# ... and so does a preposition, a determiner and an adjective: "in his opening remarks", "during her prepared
# comments" (the speaker was "his opening")
_PREPOSITION_ADJECTIVE_BEFORE = LazyRe(r"\b(?:on|of|with|in|for|about|from|at|into|over|after|before|during|to)\s+"
                                       r"(?:(?:the|his|her|their|its|our|my|your|this|that)\s+[a-z]+(?:ing|ed|al|ic|ous|ive|en)"
                                       # (or a name's: "referring to Trump's recent remarks")
                                       r"|[A-Z][\w.-]*['’]s\s+[a-z]+(?:al|ic|ous|ive|ent|ant))\s+$")
# "no" (and an adjective) before a cue's base or -s form makes it a noun: "no specific mention", "no comment"
_NO_BEFORE = LazyRe(r"\b[Nn]o\s+(?:(?P<adj>[a-z]+)\s+)?$")


def _no_before(before: str) -> bool:
    m = _NO_BEFORE.search(before)
    if m is None:
        return False
    adj = m.group("adj")
    return adj is None or (adj in adjectives() and not people_noun(adj) and adj not in speaker_heads())


_DETERMINER_BEFORE = LazyRe(r"\b(?:the|a|an|this|that|these|those)\s+$", re.I)
_QUESTION = LazyRe(r"\?[\"'”’)\]]*\s*$")
_LABEL_HEADING = LazyRe(r"^[\w\s&'’,-]{1,40}:$|^(?:[A-Z0-9&'’ ,.-]+)$")
_ROLE_BEFORE = LazyRe(r"[A-Z]|(?:the|a|an|its|their|his|her)\s+\S")  # a title, or a role led by a determiner
# the writer facing the person they interview: "I ask Blair", "As I sit opposite Sir Tony Blair",
# "we put it to the minister Jane Doe" (the name right after the verb)
_INTERVIEWER = LazyRe(
    r"\b(?:I|we)\s+(?:[a-z]+\s+)?(?:ask|asked|put\s+it\s+to|press|pressed|interview|interviewed|"
    r"(?:sit|sat)\s+(?:down\s+)?(?:opposite|with|across\s+from|beside))\s+"
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# "I posed the question to Google": whom the writer put one question to; a quotation opening the paragraph after,
# credited to nobody, is their answer (only there: the writer's later scare quotes are not theirs)
_ASKED = LazyRe(r"\b(?:I|we)\s+(?:[a-z]+\s+)?(?:posed|put|sent|addressed|raised)\s+(?:the|my|our|this|that|these|those)\s+"
                r"questions?\s+(?:directly\s+)?to\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# an interview set as questions and answers names the person answering: "Q&A with Vice President Joe Biden",
# "An interview with Angela Merkel", "In conversation with Zadie Smith"
# (a role in lower case may stand before the name: "a Q&A with fisherman Tom Caldwell", "with former minister Ann Lee")
_QA_WITH = LazyRe(r"\b(?:Q\s?&\s?A|[Ii]nterview|[Cc]onversation)\s+with\s+(?:[a-z][\w-]*[^s\W]\s+){0,2}"
                  r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})")
# an answer's label: "A: It's a big mistake.", "A. I am surprised."
_ANSWER_LABEL = LazyRe(r"A[:.]\s+\S")
# what an interview's introduction says of itself when it names no "interview with X" ("Questions and answers have
# been edited for length and clarity."); a writer's own Q&A ("a short response to some questions I received")
# says none of it
_INTERVIEW_INTRO = LazyRe(r"\b(?:edited\s+for\s+(?:length|clarity|brevity)|interview(?:ed)?|spoke\s+(?:to|with)|"
                          r"talked\s+(?:to|with)|sat\s+down\s+with|in\s+conversation)\b", re.I)
_QUESTION_LABEL = LazyRe(r"Q[:.]\s+\S")
# labels set with no colon or full stop, often in bold: "Q Why did you run? / A Because nobody else would." A bare
# "A " opens many sentences ("A spokesman said"): it is an answer's label only in an interview whose questions are
# labelled the same way, at the start of a paragraph
_BARE_QUESTION = LazyRe(r"Q\s+[A-Z“\"‘]")
_BARE_ANSWER = LazyRe(r"A\s+\S")
_QUOTE_CHARS = LazyRe(r"[\"“”‘]|''")  # not ’, an apostrophe as often
# 'Said Jane Roe, who grew up with him, "We were all so proud."': a speech verb that opens the sentence, its
# speaker after it (the inverted order of '"...," said Jane Roe'); only verbs that cannot mean the speaker was
# spoken to ("Asked Trump whether ..., the aide said" is the aide's), and only before a quotation
_LEADING_INVERTED = LazyRe(r"^\s*(?P<verb>Said|Says|Added|Adds|Wrote|Writes|Explained|Recalled|Noted|Continued|"
                           r"Declared|Concluded|Replied|Answered|Remarked|Quipped|Tweeted|Observed|Insisted|Warned|"
                           r"Cautioned|Argued)\s+(?:(?:the|a|an)\s+\w|[A-Z]|(?:[a-z]+\s+){1,3}[A-Z])")
# verbs a journalist puts before their subject ('"...," said the official.', 'added a spokesman', 'writes the
# author'); after any other verb a common noun is its object ("promised a vote.", "unveiled the plan.")
_INVERTING = frozenset({
    "said", "says", "added", "adds", "wrote", "writes", "explained", "explains", "recalled", "recalls", "noted",
    "notes", "continued", "continues", "declared", "declares", "concluded", "concludes", "replied", "replies",
    "answered", "answers", "remarked", "remarks", "quipped", "quips", "tweeted", "tweets", "observed", "observes",
    "insisted", "insists", "warned", "warns", "cautioned", "cautions", "argued", "argues", "asked", "asks",
    "reported", "reports", "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes",
    "countered", "counters", "suggested", "suggests", "stated", "states", "claimed", "claims", "commented",
    "comments", "predicted", "predicts", "posted", "posts", "agreed", "agrees", "confirmed", "confirms",
    "responded", "responds", "joked", "jokes", "stressed", "stresses", "emphasized", "emphasised", "recounted",
    "recounts", "complained", "complains", "mused", "muses", "offered", "offers", "opined", "opines", "boasted",
    "boasts", "lamented", "laments", "sighed", "sighs", "whispered", "shouted", "yelled", "exclaimed",
    "reasoned", "reasons", "contended", "contends", "maintained", "maintains", "elaborated", "elaborates",
    "pointed", "points", "testified", "testifies", "texted", "emailed", "messaged", "announced", "announces",
})
_DETERMINERS_AFTER = frozenset({"the", "a", "an", "one", "another", "his", "her", "their", "its"})
# a sentence led by one more of a group: "Another said", "A third fan added", "Yet another tweeted"
_ONE_MORE_LEAD = LazyRe(r"(?:(?:Yet|Still|And)\s+)?(?:[Aa]nother|[Aa]\s+(?:second|third|fourth|fifth))\b")
# "an experimental trait solver called Chalk": a noun phrase led by "a"/"an" (no other verb after it), then the
# naming participle and a capitalised name
_INDEFINITE_BEFORE = LazyRe(r"(?:^|[\s,(])(?:[Aa]n?|[Aa]nother)\s+(?:(?!(?:that|which|who|whom)\s)[\w-]+\s+){0,4}?"
                            r"(?!(?:that|which|who|whom)\s)[\w-]+\s+$")
_NAMED_THING_AFTER = LazyRe(r"\s+(?:[A-Z][a-z]|`[^`]+`)")  # "Chalk", `rustup` (not "anti-gay": "critics called it so")
# a participle that points within the writer's own text: "(the obstacles) mentioned above", "(listed) below"
_POINTER_AFTER = LazyRe(r"\s+(?:above|below|(?:earlier|previously|before)(?=\s*[,.;:)]))")
# "added" that is no speech: an amount after it ("added 300 jobs", "added $2 billion"), "to" a thing ("added to the
# debate", "added to Node.js"), or the object of "what" ("what he has added")
_ADD_AMOUNT = LazyRe(r"\s+(?:(?:about|nearly|almost|roughly|more\s+than|some|another)\s+)?(?:[$£€]?\d|"
                     r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|billions)"
                     r"\s+(?:million|billion|thousand|hundred|percent|per\s+cent|jobs|points|seats|members|users)\b)")
_ADD_TO_THING = LazyRe(r"\s+to\s+(?:(?:the|its|their|his|her|our|a|an)\s+(?!(?:reporters|journalists|press|crowd|"
                       r"audience|committee|panel|interviewer|host)\b)[a-z]|[A-Z][\w.]*\.[a-z])")
# ... or an object, then "to" or "into" what it joins ("adding Node.js into their strategy", "added the
# president to the list"): never "added that he would go to ..." nor "added to reporters"
_ADD_OBJECT_TO = LazyRe(r"\s+(?!(?:that|he|she|they|it|we|I|there|this|in|on|at|to|for|with)\b)(?:[\w.()+-]+\s+){1,3}"
                        r"(?:to|into)\s+(?:its|their|his|her|our|the|a|an|my|your)\s")
_WHAT_ADDED = LazyRe(r"\bwhat\s+(?:he|she|they|it|we|I)\s+(?:has\s+|have\s+|had\s+)?$")
# the writer pointing back (or on) to their own text: "As said before,", "As mentioned above,", "As noted earlier,"
_AS_SAID_ABOVE = LazyRe(r"As\s+(?:was\s+|we\s+|I\s+)?(?:have\s+|had\s+)?(?P<verb>said|mentioned|noted|discussed|explained|"
                        r"described|stated|shown|outlined|reported)\s+(?:before|above|earlier|previously|below|"
                        r"elsewhere|in\s+(?:the|this|an?)\s+(?:previous|earlier|last|first|next)\s+\w+)\b")
# a phrase before an infinitive that opens on a verb ("needs (to declare)", "allow consumers (to not worry)"): no
# speaker, the verb's own subject stands elsewhere
_INFINITIVE_HEAD = LazyRe(r"(?:needs|need|allow|allows|help|helps|want|wants|ask|asks|tell|tells|force|forces|enable|"
                          r"enables|expect|expects|urge|urges|encourage|encourages|let|lets|make|makes|get|gets|"
                          r"try|tries|plan|plans|hope|hopes|seem|seems|appear|appears)\b")
# plural heads without an -s, which agree with a base form ("The women say", "Many people think")
_IRREGULAR_PLURALS = frozenset({"women", "men", "people", "children", "police", "folk", "staff", "clergy", "youth",
                                "cattle", "personnel", "crew", "faithful"})
# participles of hearsay before "to have" / "to be" with no "is": a passive a headline shortened ("Second aircraft
# reported to have crashed"), no speaker's words; the hedges file makes it vague
_HEARSAY_PARTICIPLES = frozenset({"reported", "said", "believed", "thought", "rumored", "rumoured", "alleged"})
_TO_HAVE_OR_BE = LazyRe(r"\s+to\s+(?:have|be)\b")
# verbs whose "of" is no passive's: "Carson said of a potential travel ban", "wrote of"
_ACTIVE_OF = frozenset({"said", "wrote", "spoke", "told", "warned", "thought", "complained", "boasted", "asked"})
# a name, then an aside: an age, a place, a role, a relative clause ("Cory James, 22, of Flint, Mich., said")
_LEAD_ASIDES = LazyRe(rf"^\s*(?P<np>{_NAME}),\s+(?:\d{{1,3}},|a\s|an\s|the\s|who\s|whose\s|of\s|from\s|"
                      r"[RDI]-[A-Z][\w.]*,|[a-z]+ing\s)")
_HAS_LETTER = re.compile(r"[A-Za-z]")
# a sentence about one of a group, named in apposition: "(In 2009,) one of Epstein's victims, Virginia Giuffre, filed"
_ONE_OF_NAME = LazyRe(r"(?:[A-Z][^,]{0,40},\s+)?(?:[Oo]ne|[Aa]nother)\s+of\s+[^,]{1,60},\s+"
                      r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+[a-z]")
# an aside whose one quotation closes right after the aside's last comma: ' host of MSNBC’s “Morning Joe,”'
_QUOTED_TO_COMMA = LazyRe(r"[^\"“”]*(?:“[^\"“”]+,”|\"[^\"“”]+,\")")
# a state after a place in an aside: "of Raleigh, N.C.,", "in Allentown, Pa.,", "of Flint, Mich.,"
_STATE_ABBREVIATION = LazyRe(r"[A-Z][a-z]{0,4}\.|[A-Z]\.\s?[A-Z]\.")
# "Sen. Ted Cruz (R-Tex.)", "Rep. Sander M. Levin (Mich.)": a party or a state tag, never the speaker
_PARTY_TAIL = LazyRe(r"\s*\((?:[RDI]|[RDI]-[A-Z][\w.]*|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)\)$")
_TITLED_PERSON = LazyRe(r"(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][a-z][\w'’-]*")  # "State Rep. Wendy Nanney", not "Shaw & Company"
# a time alone between a clause boundary and the verb: "(but) on Tuesday (wrote)", "(and) in March (said)"
_TIME_AFTER_BOUNDARY = LazyRe(r"(?:on|in|during)\s+(?:(?:the|last|this|next|early|earlier|late|later)\s+)?"
                              r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|"
                              r"July|August|September|October|November|December|morning|afternoon|evening|night|weekend|"
                              r"week|month|year)(?:\s+(?:morning|afternoon|evening|night))?\s*")
# a sentence's own subject: a full name (titled or not), a party tag, an aside between commas, then a lower-case word
HE_OWN_ASIDE = True
_NAME_ASIDE_VERB = LazyRe(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+|(?:Senator|Representative|Governor)\s+)?"
                          r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2})"
                          r"(?:\s+\([A-Z][\w.-]{0,12}\))?,\s+[^,;:“”\"()]{3,100}?,\s+[a-z]")
# a refusal to speak: "Tor Holm declined to comment", "The campaign refused to say": the subject's (the base-form
# checks dropped it, and the speaker before was carried in). Only verbs of speaking itself: "the administration refused
# to disclose the emails" is an act the writer reports, not the administration's claim
DECLINED_TO = True
_DECLINED = frozenset({"declined", "refused"})
_DECLINED_SPEECH = frozenset({"comment", "say", "respond", "elaborate", "answer", "discuss", "speculate", "confirm",
                              "specify", "explain", "claim"})
_HONORIFIC_NAME = LazyRe(r"(?:Mr|Mrs|Ms|Dr)\. [A-Z][a-z][\w'’-]*")  # "Mr. Olsen": a surname behind an honorific
_DETERMINER_ROLE = LazyRe(r"(?:The|the|A|a|An|an|Its|its|Their|their)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?")


# enum members as module constants: an attribute of an Enum class costs a Python-level lookup
_ATTRIBUTED = Category.ATTRIBUTED
_VAGUE = Category.VAGUE
_UNATTRIBUTED = Category.UNATTRIBUTED
_NONE = Category.NONE
_BODY = Role.BODY
_HEADING = Role.HEADING
_CITATION = LinkRole.CITATION
_RULE_NAME = {c: "unattributed" if c is _NONE else c.value for c in Category}  # the learned part's name
_RULE_K = {c: CLASSES.index(name) for c, name in _RULE_NAME.items()}  # ... and its class index
_ROLE_NAME = {r: r.value for r in Role}


_ROLE_REASONS = {r: reason(r.value) for r in (Role.RELATED, Role.SOURCES, Role.CAPTION, Role.BYLINE,
                                                 Role.BOILERPLATE)}


_PLAIN = Judgement(_UNATTRIBUTED, None, None, reason("plain"))


# not frozen: built for every cue found (a frozen dataclass's __init__ costs four times as much), read once, never
# hashed, and private to this module
@dataclass(slots=True)
class Evidence:
    category: Category
    source: str | None
    cue: str
    reason: str
    subject_kind: str = ""
    pos: int = -1  # offset of the cue in the sentence text, when known
    belief: bool = False  # a belief or intention ("plans", "believes"), not a statement


# the verbs of "X Says ...", "X Slams ..." headlines: in title case, only these are read as verbs
# a headline's verb at its end, after a comma and the name: ", Trevor Noah Says." (matched at the verb)
# a headline's credit at its end: the verb last ("..., Trevor Noah Says."), or after a name, the verb and at most
# three title-case words of its object ("..., Howard Dean Tells Democratic Convention."; not "..., Says Preserve Our
# Culture", where the words after the verb are what was said)
_HEADLINE_CREDIT = LazyRe(r"[A-Z][a-z]+[.!?]?\s*$")
_HEADLINE_CREDIT_OBJECT = LazyRe(r"[A-Z][a-z]+(?:\s+[A-Z][\w'’.-]*){1,3}[.!?]?\s*$")
_HEADLINE_VERBS = frozenset({
    "says", "said", "calls", "tells", "told", "warns", "claims", "slams", "urges", "accuses", "denies", "insists",
    "admits", "vows", "praises", "blasts", "rips", "demands", "asks", "argues", "explains", "reveals",
    "announces", "confirms", "defends", "criticizes", "criticises", "endorses", "rejects", "predicts",
    "responds", "pledges", "promises", "threatens", "touts", "mocks", "attacks", "condemns", "dismisses"})
_TWO_LOWER = re.compile(r"\b[a-z][\w'’-]{3,}.*?\b[a-z][\w'’-]{3,}", re.S)
_TITLE_WORD = LazyRe(r"\b[A-Za-z][\w'’-]{3,}")


def _title_case(text: str) -> bool:
    """Whether a sentence is written in title case, as headlines are ("Trump Says He Never Pledged To
    ..."): four words or more of four letters or more, nearly all capitalised."""
    if _TWO_LOWER.search(text) is not None:
        return False  # the common case, decided by the first two lower-case words of four letters or more
    long_words = _TITLE_WORD.findall(text)
    if len(long_words) < 4:  # (four: "Trump Calls On Obama To Resign.")
        return False
    caps = sum(w[0].isupper() for w in long_words)
    # (not in capitals throughout: "VIDEO SHOWS SUSPECT ACCUSED ..." has no words to tell apart)
    return caps >= len(long_words) - 1 and not text.isupper() and len(text.lower()) == len(text)


def _clause_before(text: str, end: int) -> str:
    """The words between the last clause boundary (_BOUNDARY) and `end`: one search, backwards."""
    head = text[max(0, end - 160):end]
    rev = head[::-1]
    m = _BOUNDARY_BACK.search(rev)
    while m is not None and m.group(0) == "," and m.start() > 0 and m.end() < len(rev) \
            and rev[m.start() - 1].isdigit() and rev[m.end()].isdigit():
        m = _BOUNDARY_BACK.search(rev, m.end())  # a comma between digits is no boundary: "Almost 2,000 people (said)"
    return head if m is None else head[len(head) - m.start():]


# a quotation closed by a comma (or "?"/"!"), then up to four words before the verb: '"...," the Saudis state in'
_CREDIT_AFTER_QUOTE = LazyRe(r"[,?!](?:[”\"]|'')\s+(?:[\w.'’-]+\s+){1,4}$")


def _credit_after_quotation(text: str, start: int) -> bool:
    """Whether the cue word at `start` follows a closed quotation and a short noun phrase, as a credit's verb does
    ('"...," the Saudis state in the white paper'): there it is a verb even where the tagger reads a noun
    ("state", "note"), and what follows it need not be a clause."""
    return CREDIT_AFTER_QUOTE and start > 4 and _CREDIT_AFTER_QUOTE.search(text, max(0, start - 60), start) is not None


# a verb's subject that is a share of respondents: "79 percent of Democrats", "31% of Republicans and ... voters",
# "Sixty-seven percent of Americans" (the clause right before the verb)
_SHARE_SUBJECT = LazyRe(r"(?:^|[,;:—–]\s+|\b(?:and|but)\s+)(?:about\s+|some\s+|nearly\s+|almost\s+|only\s+|just\s+|over\s+)?"
                        r"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|[A-Za-z-]+\s+(?:percent|per\s+cent))\s+of\s+"
                        r"[^,;:“”\"]{1,80}?\s+(?:[a-z]+ly\s+)?$")
# the poll a sentence names: "In a New York Times/CBS News survey released last Thursday, ...", "... in a Washington
# Post-ABC News poll this month", or opens with: "The poll has bad news for Bush — 25 percent ... say ..."
_POLL_NAMED = LazyRe(r"(?:\b[Ii]n\s+|^)(?P<np>(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[\w/.'’&-]+\s+){0,6}?(?:[Pp]oll|[Ss]urvey))\b")


def _poll_of_shares(text: str, verb_at: int) -> str | None:
    """The poll that speaks for the share of respondents who are the subject of the verb at `verb_at`, when the
    sentence names one ("In a CNN/ORC poll ..., 38 percent of voters said ..."); None otherwise."""
    if _SHARE_SUBJECT.search(text, max(0, verb_at - 120), verb_at) is None:
        return None
    poll = _POLL_NAMED.search(text)
    return None if poll is None else poll.group("np")


def _occurrences(text: str, forms: set[str] | frozenset[str]) -> list[tuple[int, str]]:
    """Where the words `forms` stand in `text`, as whole words (as lexicon.WORD finds them), in order."""
    out: list[tuple[int, str]] = []
    n = len(text)
    for w in forms:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            ok = i == 0 or not (text[i - 1] in _ASCII_LETTERS or text[i - 1] == "-"
                                or (text[i - 1] in "'’" and i > 1 and text[i - 2] in _ASCII_LETTERS))
            if ok and j < n:
                c = text[j]
                ok = c not in _ASCII_LETTERS and not (c in "'’" and j + 1 < n and text[j + 1].islower()
                                                      and text[j + 1] in _ASCII_LETTERS)
            if ok:
                out.append((i, w))
            i = text.find(w, j)
    out.sort()
    return out


# cue words that are a noun as often as a verb: tagger.verb_at decides (the others need no tagger,
# whose weights then stay unloaded); the reporting verbs' base and -s forms among tagger.py's words
_NOUN_OR_VERB = frozenset({
    "answer", "answers", "argue", "call", "calls", "charge", "charges", "claim", "claims", "comment", "comments",
    "demand", "demands", "estimate", "estimates", "note", "notes", "plan", "plans", "point", "points", "post",
    "posts", "promise", "promises", "replies", "reply", "report", "reports", "show", "shows", "state", "states",
    "tweet", "tweets", "vow", "vows", "warn", "wish", "hope", "feel", "welcome", "question", "questions"})
# a headline's verb that is a noun as often, outside the tagger's vocabulary (it decides from the words around it):
# "Mining blasts shatter homes" was the words of "Mining" (Lesotho Times); "Trump blasts Clinton" stays a verb
_HEADLINE_NOUN_OR_VERB = frozenset({"blast", "blasts", "slam", "slams"})

# what follows a reporting verb and rarely a noun: "reports that", "reports:", "shows he won"; the
# tagger, trained on little news, reads "Fox News reports:" as a noun compound
_CLAUSE_AFTER = LazyRe(r"\s*(?::|(?:that|whether|if|why|how|what)\b|(?:he|she|they|it|we|i|the|a|an|this|these|there)\s)",
                       re.I)
# "find"/"found" reports only a finding stated as a clause ("found that", "found it was", "found the
# drug was safe", "found him guilty"); with a thing or person as its object ("police found the 10th
# victim") or nothing after it (a headline's "remains of last missing person found") it is no cue
_FINDING = frozenset({"find", "finds", "found"})
_SHOW_UP = LazyRe(r"\s+(?:up|off|around)\b")
# "maintain" reports a claim stated as a clause ("maintained that…", "Cardin maintained the new policy
# exceeds…") or nothing after it ("…, Blackwell maintains."); with an object and no verb after it
# ("Finland has always maintained a high level of preparedness", "maintains a lock on") it means kept
_MAINTAIN = frozenset({"maintain", "maintains", "maintained"})
_WORD_AFTER = LazyRe(r"[A-Za-z][\w'’-]*")


def _clause_follows(text: str, end: int) -> bool:
    """Whether a clause (a finite verb within six words, or a clause opener) follows offset `end`."""
    after = text[end:]
    if not after.strip(" ,.;:!?\"'”’)") or _FINDING_CLAUSE.match(after):
        return True
    for n, m in enumerate(_WORD_AFTER.finditer(after)):
        if n >= 6 or "," in after[:m.start()]:
            return False
        w = m.group(0).lower()
        # a finite verb in -s or -ed ("exceeds", "violated") that the tagger reads as one there; the
        # tagger is not asked about short or function words, which it reads as verbs too readily
        if len(w) > 3 and (w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))) \
                and verb_at(text, end + m.start()) is True:
            return True
    return False
_FINDING_CLAUSE = LazyRe(
    r"\s*(?::|(?:that|whether|if|why|how|what|who|no|nothing|little|evidence|itself|themselves)\b|"
    r"(?:[\w'’-]+\s+){0,6}?(?:is|are|was|were|had|has|have|would|could|did|does|should|might|may|will|"
    r"to\s+be|to\s+have|guilty|liable|responsible|innocent|unconstitutional|unlawful|illegal)\b)", re.I)
_CAPITALISED = LazyRe(r"\b[A-Z][a-z][\w'’-]*")
THEY_OWN_SUBJECT = True  # "they" after the sentence's own plural subject is that subject (Judge._verbs)
HE_OWN_SUBJECT = True  # "he"/"she" inside a sentence that opens with a person's name is that person (Judge._verbs)
CREDIT_AFTER_QUOTE = True  # a cue after '"...," the Saudis' is the credit's verb, whatever the tagger says
NAME_IN_TOWN = True  # "X of Y in <town>": the town is where X is, not the speaker (_np)
POLL_SHARES = True  # "In a ... poll, 79 percent of Democrats said": the poll is the source (_poll_of_shares)
RELATIVE_AFTER_COMMA = True  # "Beck, who has in the past described": the name before the comma and "who" speaks
HE_OWN_FRONTED = True  # ... also when a fronted word or phrase stands before the name ("However, Adelson ...")
GROUP_THEY = True  # people of a kind who spoke ("Authors ... reported") are what a later "they" means
LEAD_PEOPLE = True  # a named person leading any sentence is the latest person "he"/"she" can mean
LEAD_OWN_SUBJECT = True  # ... found as _own_subject finds it (a role before the name, a fronted phrase, asides)
# a sentence opening with a determiner or a pronoun names no person first: the search is not made (speed)
_NO_LEAD_NAME = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
                           "there", "its", "his", "her", "their", "our", "my", "what", "how", "why", "it's", "it’s",
                           "there's", "there’s", "that's", "that’s", "some", "many", "most", "all", "no", "one"})
BLOCK_QUOTES = True  # the paragraph after a speaker line ending in a colon is the speaker's (Judge._block_quote)
WRITER_I = True  # outside quotation marks, "I" is the writer: no neighbour's speaker carries in (_carrying_cue)
CARRY_CUE = 0.3  # a cue this reliable (cues_mined.tsv) in the sentence itself lets a neighbour's source in
LAUNDER_MODE = "keep"  # "keep": the rules' verdict stands; "unnamed": attributed to a speaker it does not name
NOUN_MARGIN = 0.0  # how sure tagger.verb_at must be of a noun to veto the verb (measured: see docs/polnear.md)

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _strip_aux(clause: str) -> tuple[str, list[str]]:
    words = clause.split()
    dropped: list[str] = []
    while words and (words[-1].lower() in _AUX or _adverb(words[-1])):  # "is nonetheless (considered)"
        if words[-1] in ("May", "Will") and len(words) > 1 and words[-2][:1].isupper():
            break  # "Theresa May (said)", "Brian May": a surname, not a modal
        w = words.pop().lower()
        if w in _AUX:
            dropped.append(w)
    return " ".join(words), dropped


_TIME_TAIL = LazyRe(r"\s+(?:at\s+(?:the|that)\s+time|at\s+one\s+point|in\s+the\s+past|for\s+now|so\s+far|"
                    r"(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)|"
                    r"once\s+again|at\s+the\s+time|for\s+the\s+(?:first|second|third|last|only)\s+time)\s*$", re.I)


# what is posted or shown somewhere and speaks ("a welcome message on the website reads", "a post on the forum said")
_POSTED_HEADS = frozenset({"message", "post", "tweet", "video", "sign", "banner", "caption", "headline", "note"})


# days written in lower case, capitalised only inside a name after a capitalised word: "USA TODAY (reported)"
_CAPITAL_IN_NAMES = frozenset({"today", "tonight", "tomorrow", "yesterday"})


# a dash opening a relative clause: "The behemoth Koch operation - which aims ..."
_DASHED_RELATIVE = LazyRe(r"(?:\s-|[—–])\s*(?:which|who|whose)\b")
# a relative or a companion named by a possessive ("Her father", "his wife", "their longtime friend")
_KIN_ROLE = LazyRe(r"(?:(?:[A-Z][\w'’ ]{0,40}\s)?(?:[Hh]is|[Hh]er|[Tt]heir))\s+(?:[a-z]+\s+)?(?:wife|husband|father|mother|"
                   r"son|daughter|brother|sister|partner|girlfriend|boyfriend|fiancee|fiancée|fiance|friend|cousin|"
                   r"aunt|uncle|grandmother|grandfather|niece|nephew|stepfather|stepmother|widow)")
KIN_FIRST_NAME = True  # "Her father, Brad, 39, worried": the role and the first name speak (_name_before_descriptions)


def _lead_stripped(role: str) -> str:
    """The possessive role without the words before it in its clause ("On CNN Tuesday his wife" -> "his wife")."""
    m = re.search(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s", role)
    return role[m.start():] if m is not None else role


# a list of two or more names, titled or not: "Mr. Tribe, Ms. Epstein and Mr. Amar"
_ONE_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.\s+)?[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2}"
_NAMES_LIST = LazyRe(rf"{_ONE_NAME}(?:,\s+{_ONE_NAME})*,?\s+and\s+{_ONE_NAME}")


def _np(clause: str) -> str:
    """The noun phrase that ends a clause: its last words up to a preposition or verb-like word."""
    if " time" in clause or " past" in clause or " now" in clause or " far" in clause or " again" in clause \
            or " point" in clause or " in the " in clause:
        clause = _TIME_TAIL.sub("", clause)  # "Trump at the time (said)": a time, not "the time"
    if " in " in clause or " at " in clause or " during " in clause:
        clause = _without_occasion(clause)
    words = clause.split()
    while len(words) > 1 and _adverb(words[-1]):  # "Clinton summarily (rejected)": the adverb is no name
        words.pop()
    k = len(words)  # "Donald Trump on Wednesday (said)", "Smith last week (told)": a time adjunct is no name
    while k > 1 and words[k - 1].lower().strip(",.") in DAYS_MONTHS \
            and not (words[k - 1].strip(",.") == "May" and words[k - 2][:1].isupper()) \
            and not (words[k - 1][:1].isupper() and words[k - 1].lower().strip(",.") in _CAPITAL_IN_NAMES
                     and words[k - 2][:1].isupper()):
        k -= 1  # (but "Theresa May (said)" is a name: a capitalised word before it and no preposition)
    if k < len(words):
        if k > 1 and words[k - 1].lower() in ("on", "in", "at", "during", "since", "until", "by"):
            k -= 1
        if k >= 1 and not words[k - 1].endswith((",", ".")):
            words = words[:k]
            if len(words) > 2 and words[-1].islower() and (words[-1].endswith("ed") or words[-1] in _PARTICIPLES):
                # "A campaign TV ad released (Thursday accuses)", "A news report published (Wednesday said)": the
                # participle before the time belongs to it, not to the speaker's name
                words = words[:-1]
    while len(words) > 1 and words[-1] in ("here", "there"):
        words = words[:-1]  # "Her campaign workers here (said)"
    for k in range(len(words) - 2, 0, -1):
        if words[k + 1] == "by" and words[k] in _AGENT_PARTICIPLES:
            words = words[:k]  # "A letter from the Legion obtained by The Associated Press (warns)": the agent's rest
            break
    out: list[str] = []
    skip_to = len(words)
    for i in range(len(words) - 1, -1, -1):
        if i >= skip_to:
            continue
        w = words[i]
        if "." in w[2:-1]:
            glued = _GLUED_SENTENCES.fullmatch(w)
            if glued is not None:
                # "... the highest in the country.The data (shows)": two sentences the page glued with no space; the
                # phrase is the next sentence's only (the Times of India's was "the country.The data")
                out.append(glued.group("next"))
                break
        if out and w.endswith(".") and _SENTENCE_END_WORD.fullmatch(w) and w[:-1].lower() not in title_words() \
                and w[:-1].lower() not in _ABBREVIATIONS:
            break  # "... the collapse of Silicon Valley Bank. Tester (criticized)": a sentence the splitter joined
        lw = w.lower().strip(",.")
        if out and lw in ("in", "on", "at", "with", "to", "from", "into", "over", "during", "for", "about",
                          "after", "before", "since", "amid", "against", "under", "than", "like"):
            # "a spokesman for the company": keep the head before the preposition too
            if lw == "for" and len(out) <= 4:
                out.append(w)
                continue
            before = words[i - 1].lower().strip(",.") if i else ""
            ing = i - 2 if i >= 2 and _adverb(words[i - 1]) else i - 1  # (past an adverb: "relying largely on")
            if ing >= 1 and words[ing].endswith("ing") and words[ing].isalpha() and words[ing].islower() \
                    and len(words[ing]) > 5 and words[ing] not in _ING_NOUNS and words[ing - 1].isalpha() \
                    and words[ing - 1].lower() not in _NOT_BEFORE_PARTICIPLE and words[ing - 1].lower() not in _AUX \
                    and not _adverb(words[ing - 1]):
                # "city dwellers relying largely on digital services (might not have thought)", "People living in
                # London said", "Doctors working at the clinic have warned": a participle's phrase describes the
                # people before it, who act; the object of its preposition is no speaker (the Metro's "digital services")
                out = []
                skip_to = ing
                continue
            if lw in ("on", "for") and before in ORG_WORDS and words[i - 1][:1].isupper() \
                    and all(o[:1].isupper() or o in ("and", "of", "the") for o in out):
                out.append(w)  # "the House Select Committee on Benghazi", "Center for American Progress": one name
                continue
            if lw == "for" and i >= 1 and (before in _FOR_HEADS or (words[i - 1][:1].isupper() and i == 1)) \
                    and len(out) <= 8 and all(o[:1].isupper() or o in ("and", "of", "the", "on") for o in out):
                out.append(w)  # "Staff for the House Select Committee on Benghazi": the role speaks for the body
                continue
            if lw in ("in", "of") and _COUNT.fullmatch(before) and _COUNT.fullmatch(out[-1].lower()):
                out.append(w)  # "(About) four in 10 South Carolina voters", "Two in three", "nine of 10": one count
                continue
            # "many in the crowd", "a source involved in the talks": the head stands before it; so
            # does "Some Palestinians in Gaza" (a place is no speaker: the people in it are)
            if before in _QUANTIFIERS or before in _PARTICIPLE_HEADS or (
                    lw == "in" and len(out) <= 3 and is_place(" ".join(reversed(out)))) or (
                    # "Owen Price of Grange Farm in Wexley": a town no list holds, after a name; the name speaks
                    # (the town was the speaker, as a person)
                    NAME_IN_TOWN and lw == "in" and len(out) <= 2 and i >= 1 and words[i - 1][:1].isupper()
                    and words[i - 1][1:].islower() and all(o[:1].isupper() and o[1:].islower() for o in out)) or (
                    lw == "on" and len(out) <= 2 and " ".join(reversed(out)).strip(",.") in PLATFORMS) or (
                    lw in ("at", "from", "with", "on", "in") and len(out) <= 4 and i >= 1
                    and _PLURAL_HEAD.fullmatch(before) and (lw not in ("on", "in") or _speaks(before) or words[i - 1] in PARTY_PLURALS)):
                # "Officials at the Pentagon said", "analysts from Goldman Sachs said", "GOP leaders on the ground
                # told", "Republicans in Congress said": the people speak
                out.append(w)
                continue
            if lw == "from" and i >= 1 and len(out) <= 6 and words[i - 1].lower() in DOCUMENT_HEADS:
                out.append(w)  # "A Feb. 1 letter from the American Legion (warns)": the document from the body
                continue
            if lw == "to" and 1 <= len(out) <= 6 and out[-1].isalpha() and out[-1].islower() \
                    and out[-1] not in _NOUN_LEADS and i >= 2 and words[i - 1].islower() \
                    and words[i - 1].lower() not in DOCUMENT_HEADS and _PUSH_TO_HEADS.fullmatch(words[i - 1]):
                # "Organizers of the push to boycott Trump's AIPAC speech (said)": an infinitive after a noun of intent
                # describes it; the phrase before speaks (the source was "boycott Trump's AIPAC speech")
                out = []
                continue
            if lw == "to" and i >= 1 and len(out) <= 4 and words[i - 1].lower() in DOCUMENT_HEADS:
                # "The Conservatives’ letter to Daniel Greenberg (said)": the document speaks, not whom it is to
                out = []
                continue
            if lw in ("at", "in", "on", "during", "after", "amid") and i >= 1 and len(out) <= 4 \
                    and all(o.islower() and o not in _SUBJECT_PRONOUNS for o in out) \
                    and (_PERSON_NAME_END.fullmatch(words[i - 1]) or words[i - 1] in _SPEAKING_HEADS
                         or words[i - 1] in DOCUMENT_HEADS or words[i - 1] in _POSTED_HEADS) \
                    and words[i - 1].lower() not in DAYS_MONTHS:
                # "Clinton at a rally said", "The senator at the hearing said": a name or a role, then where
                # or when it spoke; the name or role speaks
                out = []
                continue
            if lw == "at" and i >= 1 and len(out) <= 4 and all(o not in _SUBJECT_PRONOUNS for o in out) \
                    and _person_of_a_kind(words[i - 1] if i > 1 else words[0].lower()):
                # "a teacher at the venue said", "Teacher at Southport hub brands": a person of a trade at a place
                # speaks (the Mirror's were "the venue", and "Southport hub", then what "She said:" meant)
                out = []
                continue
            if lw == "from" and i >= 2 and len(out) <= 6 and (out[-1][:1].isupper() or (
                    out[-1] == "the" and len(out) >= 2 and out[-2][:1].isupper())) \
                    and _PERSON_NAME_END.fullmatch(words[i - 1]) and _PERSON_NAME_END.fullmatch(words[i - 2]) \
                    and words[i - 2].lower() not in DAYS_MONTHS and words[i - 1] not in title_words():
                # "Lauren Nel from Natural Justice in Cape Town says": a full name, then the body the person
                # is from; the person speaks (the Namibian's was "Natural Justice"), as "Peter McNally of
                # Third Bridge" does (speakers._parse)
                out = []
                continue
            break
        out.append(w)
        if len(out) >= 9:
            break
    out.reverse()
    if len(out) > 1 and out[0] in ("what", "whatever") and out[1].lower() not in _SUBJECT_PRONOUNS \
            and out[1] not in ("it", "It"):
        out = out[1:]  # "in what Pakistan's leader (called)": the relative word is no part of the name
    elif len(out) > 2 and out[1] in _NOUN_LEADS and out[0].islower() and out[0].endswith("s") \
            and out[0] in lexicon().verb_forms and lexicon().verbs[out[0]].kind == "s":
        out = out[1:]  # "..., and, given ..., expects the June jobs numbers (might tell)": the verb is no part of it
    return " ".join(out)


# an occasion a speaker spoke on, after "in", "at" or "during" and before the verb, with where or to whom
# ("a news briefing in New Delhi", "an interview with the BBC", "a rally in Ohio", "his weekly address")
_OCCASION = LazyRe(
    r"\s(?:in|at|during)\s+(?:a|an|the|his|her|their|its|our|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|(?:news|press)\s+conference|conference\s+call|speech|rally|hearing|address"
    r"|appearance|remarks|post|tweet|video|letter|e-?mail|op-ed|podcast|broadcast|debate|news\s+release"
    r"|press\s+release|town\s+hall|call|message|testimony|sermon)"
    r"(?:\s+(?:in|with|on|to|at|before|from)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,4})?,?$",
    re.IGNORECASE)


def _without_occasion(clause: str) -> str:
    """The clause without the occasion its speaker spoke on, when a name, a role or a body stands before it:
    "Vikram Misri in a news briefing in New Delhi (accused)", "The Indian army in a statement (said)", "The
    minister in an interview with the BBC (said)" (AP's were "a news briefing in New Delhi", "a statement")."""
    m = _OCCASION.search(clause)
    if m is None or m.start() == 0:
        return clause
    before = clause[:m.start()].split()
    w = before[-1]
    if not w.isalpha() or w.lower() in DAYS_MONTHS or w.lower() in PREPOSITIONS or w.lower() in _AUX \
            or (w.islower() and len(before) == 1):
        return clause  # (a name or a noun ends the phrase before it: "The coast guard", "Misri")
    return clause[:m.start()]
# nouns of intent an infinitive describes ("the push to boycott", "a bid to win", "the effort to repeal")
_PUSH_TO_HEADS = LazyRe(r"push|bid|effort|efforts|attempt|attempts|drive|campaign|move|plan|plans|call|calls|"
                        r"decision|vote|fight|race|rush|pressure|pledge|promise|proposal|deal|order|motion|petition")
# nouns in -ing that head a phrase before a preposition ("a meeting at the Pentagon", "the building on Main Street")
_ING_NOUNS = frozenset({"meeting", "building", "briefing", "hearing", "morning", "evening", "spring", "ruling",
                        "rating", "funding", "spending", "polling", "ceiling", "setting", "opening", "offering",
                        "finding", "findings", "warning", "training", "landing", "gathering", "housing", "wedding",
                        "painting", "clothing", "shooting", "bombing", "killing", "bidding", "booking", "filing",
                        "listing", "posting", "recording", "reading", "screening", "sitting", "standing", "timing",
                        "wording", "framing", "thing", "nothing", "something", "anything", "everything", "king",
                        "wing", "ring", "string", "sibling", "darling", "pudding", "awning", "lightning"})
# what a participle's phrase after it cannot describe: it opens a clause, or it is a verb's own -ing form
_NOT_BEFORE_PARTICIPLE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
                                    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for",
                                    "with", "from", "he", "she", "they", "we", "i", "it", "you", "who", "which",
                                    "that", "not", "keep", "kept", "keeps", "start", "started", "stop", "stopped",
                                    "began", "begin", "continue", "continued", "while", "when", "after", "before"})
# a sentence's last word, its full stop and the next sentence's first word with no space between ("country.The")
_GLUED_SENTENCES = LazyRe(r"[\w'’-]*[a-z]{2}[)”\"’]?\.(?P<next>[A-Z][a-z][\w'’-]*)")
# participles whose agent follows ("obtained by The Associated Press"): never part of the speaker's name
_AGENT_PARTICIPLES = frozenset({"obtained", "seen", "reviewed", "published", "released", "issued", "posted", "filed",
                                "cited", "quoted", "conducted", "written", "commissioned", "shared", "sent"})
# past participles not in -ed ("taken", "written"): with a time after them, part of the phrase before it
_PARTICIPLES = frozenset({"taken", "written", "seen", "given", "shown", "done", "made", "held", "sent", "put", "led",
                          "run", "set", "built", "brought", "drawn", "won", "cast", "out"})
# a word that ends a sentence with its full stop: lower case, or capitalised and at least three letters
# long and not an abbreviation ("Bank.", "Southport.", "said."; not "Mr.", "U.S.", "Jr.", "Calif.")
_SENTENCE_END_WORD = LazyRe(r"[a-z]{2,}[a-z'’)]*\.|[A-Z][a-z]{2,}[a-z'’]*\.")
_ABBREVIATIONS = frozenset({
    "inc", "corp", "ltd", "bros", "dept", "univ", "assn", "ave", "blvd", "etc", "calif", "mich", "conn", "ariz",
    "tenn", "mass", "wash", "fla", "penn", "ill", "ind", "minn", "wis", "colo", "okla", "nev", "ore", "kan", "neb",
    "miss", "ala", "ark", "del", "mont", "wyo", "vol", "est", "approx", "vs", "no", "nos", "pp", "ca",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_ADVERBS = frozenset({"also", "still", "now", "then", "never", "often", "just", "even", "again", "later", "once",
                      "soon", "already", "always", "too", "first", "long", "since", "nonetheless", "nevertheless",
                      "however", "meanwhile", "reportedly", "allegedly"})
_LY_NOUNS = frozenset({"family", "ally", "rally", "assembly", "supply", "daily", "weekly", "monthly", "quarterly",
                       "belly", "bully", "reply", "anomaly", "monopoly", "homily", "lily", "folly", "jelly",
                       "italy", "sully", "tally", "gully", "fly", "sly", "july"})


def _person_of_a_kind(word: str) -> bool:
    """A lower-case noun for a person of a trade or kind ("teacher", "nurse", "resident"): a people noun of
    unnamed.txt or a head GUM types as a person or body (speaker_heads.txt), in the singular or plural."""
    return word.islower() and (people_noun(word) or word in speaker_heads() or word + "s" in speaker_heads())


def _adverb(word: str) -> bool:
    """A lower-case adverb that can stand between a subject and its verb ("repeatedly", "also")."""
    if not word.islower():
        return False
    w = word.strip(",.")
    return w in _ADVERBS or (len(w) > 4 and w.endswith("ly") and w not in _LY_NOUNS)


_PERSON_NAME_END = LazyRe(r"[A-Z][a-z][\w'’-]*")  # a capitalised word ending a name ("Clinton")
# the roles that speak for a body named after "for" ("a spokesperson for the Parks and Recreation Department")
_FOR_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "staff", "aide", "aides",
                        "lawyer", "attorney", "producer", "director", "official", "officials", "adviser", "strategist"})
# a name, a comma and a role in lower case before "and": "Anthony Anton, president and (CEO of ...)"
_NAME_ROLE_AND = LazyRe(r"(?:^|[.;:]\s+|\bsaid\s+)(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2}),"
                        r"\s+(?:[a-z][\w-]*\s+){0,2}(?:president|chairman|chairwoman|founder|director|owner|chief|"
                        r"executive|editor|publisher|partner|principal)\s+and\s*$")
# a count in figures or words ("four", "10", "one"): "four in 10", "nine of 10" count people together
_COUNT = LazyRe(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten")
_SINGULAR_DETERMINERS = frozenset({"a", "an", "this", "that", "each", "every", "one", "another"})
# a capitalised plural of people: "Organizers", "Iowa biofuels advocates" (a lower-case plural head after names)
_PLURAL_PEOPLE = LazyRe(r"(?:[A-Z][a-z]+(?<!ss)(?<!us)(?<!is)s|(?:[A-Z][\w-]*\s+){1,3}[a-z]+(?<!ss)(?<!us)(?<!is)s"
                        r"(?:\s+[a-z]+(?<!ss)(?<!us)(?<!is)s)?)")
_PLURAL_HEAD = LazyRe(r"[a-z]{3,}(?<!ss)(?<!us)(?<!is)s")  # "officials", "analysts": people of a kind
_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "none", "one", "all", "dozens", "hundreds",
                          "thousands", "others"})
# a quantifier and a preposition before the manner verb's speaker: "many in (the town) wondered", "some of (the crowd)"
_QUANTIFIED_BEFORE = LazyRe(r"(?:^|\s)(?P<q>(?:" + "|".join(sorted(_QUANTIFIERS)) + r")\s+(?:in|of|at|from|among))\s+$",
                            re.IGNORECASE)
_PARTICIPLE_HEADS = frozenset({"involved", "familiar", "close", "briefed", "knowledgeable"})


class Judge:
    """Judges the sentences of one article in order, remembering who has spoken."""

    def __init__(self) -> None:
        self.lex = lexicon()
        self.speakers = Speakers()
        self.prev: Judgement | None = None
        self.prev_text = ""  # the sentence before, when it was body text (Judge._unnamed_referent)
        self.asked: tuple[int, str] | None = None  # the paragraph where the writer put a question to someone, and whom
        self.recent_texts: deque[str] = deque(maxlen=4)  # the four sentences before (Judge._unnamed_referent)
        self.prev_block: int = -1
        self.prev_closes = False  # whether the sentence before ended on a closing quotation mark
        self.block_speaker: tuple[int, str] | None = None  # a speaker line ending in a colon: (its block, speaker)
        self.earlier: list[str] = []  # the text of earlier paragraphs (only a transcript's labels look)
        self.interviewee: str | None = None  # who answers the "A:" lines of a question-and-answer interview
        self.answering = False  # inside an answer of that interview (from an "A:" line to the next "Q:")
        self.bare_labels = False  # that interview labels its questions "Q " with no colon (_BARE_QUESTION)
        self.turn: tuple[int, str] | None = None  # a transcript's labelled turn ("FALLIN: ..."): (its block, speaker)
        self.labels: dict[str, str] = {}  # a transcript's label speakers so far, by surname ("Bolduan": "Kate Bolduan")
        self.tag = ""  # which rule decided the last sentence (a feature of the learned part)
        self.words: set[str] | frozenset[str] = frozenset()  # the current sentence's lower-cased words
        self.subject = ""  # the kind of source it found
        self.interlocutors: list[str | None] = []  # per judged sentence: the person interviewed so far
        self.titles = title_words()
        # Scans made once per paragraph (the block of the sentence being judged): a literal a pattern
        # needs, searched in the block's text, which holds every sentence of it. A paragraph without
        # it spares each of its sentences the pattern's search (docs/speed.md, session 14).
        self._scanned: Block | None = None
        self._honorifics = True  # "Mr", "Ms" or "Dr" in the paragraph: _HONORIFIC may match

    # ------------------------------------------------------------------ evidence

    def _intro_interviewee(self) -> str | None:
        """At an interview's first question ("Q: ..."), whom its answers are by when no "interview with X" said
        so: the person its introduction names most often, when the introduction says it is an interview; None
        otherwise (a writer's own questions and answers are the writer's)."""
        intro = " ".join(self.earlier[-12:])
        if _INTERVIEW_INTRO.search(intro) is None or not self.speakers.people:
            return None
        counts = {full: intro.count(surname) for surname, full in self.speakers.people.items()
                  if " " in full and surname in intro}
        if not counts:
            return None
        best = max(counts.values())
        words = next(full for full, n in counts.items() if n == best).split()  # (a tie: the first named)
        while len(words) > 2 and words[0] not in first_names() and words[1] in first_names():
            words = words[1:]  # "Actress Diane Guerrero", as a sentence opened with her: the name is "Diane Guerrero"
        return " ".join(words)

    def _earlier_full_name(self, surname: str) -> str | None:
        """The latest full name ending in `surname` in the paragraphs before ("Hillary Clinton"), one that
        reads as a person's; None when there is none."""
        pattern = re.compile(r"\b([A-Z][a-z'’.-]+\s+(?:[A-Z][a-z'’.-]+\s+)?)" + re.escape(surname) + r"\b")
        for t in reversed(self.earlier[-200:]):
            for m in reversed(list(pattern.finditer(t))):
                full = f"{m.group(1).strip()} {surname}"
                who = classify(full, self.speakers)
                if who is not None and who.kind == "person":
                    return who.text
        return None

    def _verbs(self, s: Sentence, quotes: Sequence[QuoteSpan] = ()) -> list[Evidence]:
        text = s.text
        out: list[Evidence] = []
        main_subject: Subject | None = None
        candidates = self.lex.verb_forms.intersection(self.words)
        if not candidates:
            return out
        verbs = self.lex.verbs
        # a headline in title case ("Carly Fiorina Endorses Ted Cruz") capitalises its verb too
        title = _title_case(text)
        scan = text.lower() if title else text
        if not title and "A" <= text[:1] <= "Z":
            lead = _LEADING_INVERTED.match(text)
            if lead is not None and lead.group("verb").lower() in candidates \
                    and _QUOTE_CHARS.search(text, lead.end()) is not None:
                at = lead.start("verb")
                scan = text[:at] + text[at].lower() + text[at + 1:]  # the same offsets: read as '..., said X'
        for start, word in _occurrences(scan, candidates):
            form = verbs[word]
            end = start + len(word)
            if title and text[start].isupper() and (word not in _HEADLINE_VERBS or (
                    _clause_before(text, start) != text[:start] and _HEADLINE_CREDIT.match(text, start) is None
                    and not (text[:start].rstrip()[-1:].isalpha() and _HEADLINE_CREDIT_OBJECT.match(text, start)))):
                # in title case only a headline's speech verb after the name it opens with, or its credit at the
                # end ("Trump Is Like A Lawyer's Dumbest Client Ever, Trevor Noah Says.")
                continue
            before = text[max(0, start - 24): start]  # enough for the look-behind checks
            after = text[end: end + 120]
            if form.kind == "s":
                nxt = _NEXT_WORD.match(after)
                if nxt and nxt.group(1) in verbs and verbs[nxt.group(1)].kind in ("base", "s", "ed"):
                    continue  # "reports suggest": a noun followed by the real verb
            if form.kind == "ed" and (_DETERMINER_BEFORE.search(before) or (
                    before.endswith(" ") and superlative(before.rsplit(None, 1)[-1] if before.strip() else ""))):
                continue  # "the reported memo", "an alleged plot", "the largest confirmed reserves": an adjective
            if form.kind in ("base", "s") and "/" in before and _SLASH_MODIFIER_BEFORE.search(before):
                continue  # "the Obama/Clinton calls for regime change": a determiner and a compound modifier, a noun
            if form.kind in ("base", "s") and (_NOUN_BEFORE.search(before) or _PREPOSITION_BEFORE.search(before)
                                               or _PREPOSITION_ADJECTIVE_BEFORE.search(before)):
                continue  # "the report", "a call", "his claims", "campaigned on pledges"
            if form.kind == "s" and before[-4:] in (" to ", " To "):
                continue  # "gave money for Head Start to states": after "to", an -s form is a noun (a verb is a base)
            if form.kind in ("base", "s") and "no" in self.words and _no_before(before):
                continue  # "makes no specific mention of", "there was no comment": a noun
            if form.kind in ("base", "s") and (word in _NOUN_OR_VERB or word in _HEADLINE_NOUN_OR_VERB) \
                    and not _CLAUSE_AFTER.match(after) \
                    and not (title and word in _HEADLINE_VERBS) \
                    and not (not after.strip(_QUOTE_MARKS + ".!") and (
                        _POST_POSED.search(text) or _POST_POSED_RECORDS.search(text) or _POST_POSED_THE.search(text))) \
                    and not _credit_after_quotation(text, start) \
                    and verb_at(text, start, NOUN_MARGIN) is False:
                continue  # "GOP state budget", "one family plan", "at some point": a noun (tagger.py)
            if word in _FINDING and not _FINDING_CLAUSE.match(after.split(",", 1)[0].split(";", 1)[0]) \
                    and not (POST_POSED_FINDING and not after.strip(_QUOTE_MARKS + ".!")
                             and (_POST_POSED.search(text) or _POST_POSED_THE.search(text))):
                # ("..., the poll found.", "..., Fox found.": a credit after the claim is a finding's statement)
                continue  # "Forensic police found the 10th victim": a discovery, not a statement
            if form.kind == "ed" and _POINTER_AFTER.match(after) and before[-1:] != "," \
                    and (before.rstrip().rsplit(None, 1)[-1:] or [""])[0].lower() not in SUBJECT_PRONOUNS:
                continue  # "the two obstacles mentioned above:", "the limitations noted below": the writer's pointer
            if word in ("called", "named", "dubbed") and _NAMED_THING_AFTER.match(after) and _QUOTE_CHARS.search(text) is None \
                    and _INDEFINITE_BEFORE.search(text, max(0, start - 60), start):
                continue  # "an experimental trait solver called Chalk began ...": a thing's name, nobody speaks
            if word[:3] == "add" and (_ADD_AMOUNT.match(after) or _ADD_OBJECT_TO.match(after) or (
                    after[:4] == " to " and _ADD_TO_THING.match(after) and not _QUOTE_CHARS.search(text))
                    or _WHAT_ADDED.search(before)):
                continue  # "The company added 300 jobs", "She added to the debate", "what he has added to Node.js": no speech
            if word[:4] == "show" and _SHOW_UP.match(after):
                continue  # "officers showed up at her door", "he showed off his car": no finding, nobody speaks
            if word in _MAINTAIN and not _clause_follows(text, end):
                continue  # "Finland has always maintained a high level of preparedness": kept, not said
            if form.kind == "ing":
                if not _PARTICIPLE_OK.search(before):
                    clause_raw = _clause_before(text, start)
                    clause, dropped = _strip_aux(clause_raw)
                    with_np = _WITH_SUBJECT.fullmatch(clause_raw) if "with" in self.words and not dropped else None
                    if with_np is not None and form.cls == "speech":
                        # "..., with the previous Government saying courts had no capacity": the noun phrase after
                        # "with" is the participle's subject, and says it (the Metro's had no source at 0.96)
                        subj = classify(with_np.group("np"), self.speakers)
                        if subj is None or subj.kind not in ("person", "org", "other", "unnamed"):
                            continue
                        out.append(self._evidence(subj, word, word, cls=form.cls, pos=start))
                        continue
                    issued = _ISSUED_DOCUMENT.search(clause_raw) if form.cls == "speech" and not dropped \
                        and not _ISSUING.isdisjoint(self.words) else None
                    if issued is not None and issued.group("head") in DOCUMENT_HEADS:
                        # "In 2009, one of Epstein's victims, Virginia Giuffre, filed a lawsuit saying he had ...":
                        # the document says it, for whoever filed it (Nine News had no source, at 0.96)
                        verb_at_ = start - len(clause_raw) + issued.start("verb")
                        raw_before = _clause_before(text, verb_at_)
                        before_verb, _ = _strip_aux(raw_before)
                        subj = classify(_np(before_verb), self.speakers) if before_verb.strip() \
                            else self._past_aside(text, verb_at_ - len(raw_before)) \
                            or self._name_before_descriptions(text, verb_at_ - len(raw_before))
                        if subj is not None and before_verb.strip():
                            subj = self._coordinated(text, verb_at_ - len(raw_before), subj)  # "Trump and Ryan issued"
                        if subj is not None and subj.kind != "thing":
                            out.append(self._evidence(subj, word, word, cls=form.cls, pos=start))
                        continue
                    if not dropped or not (set(dropped) & _BE):
                        continue
                    subj = classify(_np(clause), self.speakers) if clause.strip() \
                        else self._past_aside(text, start - len(clause_raw))
                    if subj is None and not clause.strip() and ("—" in text or "–" in text or " - " in text) \
                            and _DASHED_RELATIVE.search(text, 0, start):
                        # "The behemoth Koch operation - which aims to spend ... - is now considering": the noun
                        # phrase before a dashed relative clause, as for a finite verb (not "All geniuses of humanity –
                        # in art, sport, politics – were saying “yes” to a few things", a figure of speech)
                        subj = self._before_dash_aside(text, start - len(clause_raw))
                else:
                    # (an imperative has no subject: "Please read our Comment Policy before commenting." was the
                    # Comment Policy's words, TimesLive)
                    subj = main_subject or (None if self.lex.calls_to_action.match(text) else self._leading_subject(text))
                if subj is None:
                    continue
            else:
                clause_raw = _clause_before(text, start)
                if "''" in clause_raw:
                    # "''Is Trump running against the RNC?'' asked Mr. Manafort": the NYT's closing '' ends
                    # the quotation (no clause boundary), and the words in it are no subject
                    clause_raw = clause_raw[clause_raw.rfind("''") + 2:]
                clause, dropped = _strip_aux(clause_raw)
                if dropped[:2] == ["to", "on"] and (dropped[2:3] in (["goes"], ["went"], ["go"]) or (
                        clause.rsplit(None, 1)[-1:] in (["goes"], ["went"], ["go"]))):
                    # "The email goes on to say:", "The memo went on to say,": "goes on to" is the verb's aspect, its
                    # subject stands before it (the phrase was "The email goes", no speaker, and the one before was
                    # carried in; "went", an auxiliary to _strip_aux, left "The email" as a base form's subject)
                    if dropped[2:3] in (["goes"], ["went"], ["go"]):
                        dropped = ["does", *dropped[3:]]
                    else:
                        clause, dropped = clause.rsplit(None, 1)[0] if " " in clause else "", ["does", *dropped[2:]]
                if form.kind == "ed" and after.startswith(" of ") and word not in _ACTIVE_OF:
                    continue  # "House Speaker accused of blackmail": a passive, not the speaker's words
                if form.kind == "ed" and not dropped and word in _HEARSAY_PARTICIPLES and _TO_HAVE_OR_BE.match(after) \
                        and clause.strip() and _bare(clause.split()[-1]) not in _SUBJECT_PRONOUNS | {"who"}:
                    continue  # "Second aircraft reported to have crashed", "Two soldiers said to have died": a passive
                by_after = after
                if form.kind == "ed" and not dropped and after[:4] != " by " and " by " in after[:36]:
                    adverbs = _ADVERBS_BEFORE_BY.match(after)  # "the waterway claimed almost entirely by Beijing"
                    by_after = after[adverbs.end():] if adverbs is not None else after
                if form.kind == "ed" and by_after.startswith(" by ") and not dropped and clause.strip() and word != "said" \
                        and _BY_AGENT.match(by_after) \
                        and clause.split()[-1].lower() not in ("as", "than") and clause.rstrip()[-1:] not in ",;:—–":
                    # "The 25% tariffs on steel and aluminum imports announced by Donald Trump on Monday are
                    # illogical, Ebrard said": a participle after its noun, with its agent; no speaker of the clause
                    continue
                if set(dropped) & _BE and form.kind == "ed":
                    agent = _BY_AGENT.match(after)
                    if agent is None and " by " in after and _QUOTE_CHARS.search(after) is not None:
                        # "was called “a coward” by Mayor Tom Hale", "was declared an “undesirable” organization by
                        # the Russian prosecutor's office": a quoted complement, then the agent, who said it (the
                        # learned part named the passive's subject, the one it was said of)
                        complement = _QUOTED_COMPLEMENT.match(after)
                        if complement is not None:
                            after = after[complement.end():]
                            agent = _BY_AGENT.match(after)
                            said_by = self._agent(agent, after) if agent is not None else None
                            if said_by is None:
                                # ("by his rival", "by the Russian prosecutor's general office": a common noun phrase)
                                phrase = _BY_PHRASE.match(after)
                                said_by = classify(phrase.group("np"), self.speakers) if phrase is not None else None
                            if said_by is not None and said_by.kind in ("person", "org", "other", "unnamed"):
                                out.append(self._evidence(said_by, word, f"{word} by", pos=start))
                            continue
                    if agent:
                        subj = self._agent(agent, after)
                        if subj is not None:
                            # (its position: inside a quotation, the agent is the speaker's words, not the source)
                            out.append(self._evidence(subj, word, f"{word} by", pos=start))
                    elif word in _SPEECH_PASSIVES:
                        doc = _IN_DOCUMENT.match(after)
                        if doc is not None and doc.group("head").lower() in DOCUMENT_HEADS:
                            # "was confirmed in a family statement": the statement speaks (a document)
                            out.append(self._evidence(Subject(doc.group("np"), "other", True), word, f"{word} in",
                                                      pos=start))
                    continue  # passive without an agent: the hedges file decides
                clause_at = start - len(clause_raw)  # where the verb's clause starts (before an aside in brackets)
                if _ACRONYM_CLAUSE.fullmatch(clause_raw) and text[start - len(clause_raw) - 1] == "(":
                    # "the Civil Aviation Authority of Nepal (CAAN) said": the full name speaks
                    clause, dropped = _strip_aux(_clause_before(text, start - len(clause_raw) - 1))
                elif ")" in clause_raw and text[start - len(clause_raw) - 1] == "(" \
                        and len(clause_raw.split(")", 1)[0].split()) <= 3 \
                        and text[:start - len(clause_raw) - 1].rsplit(None, 1)[-1:] != [] \
                        and text[:start - len(clause_raw) - 1].rsplit(None, 1)[-1].lower() not in SUBJECT_PRONOUNS:
                    # "A fan account of the couple (@beccafodenx) on Instagram shows": a short aside in brackets stands
                    # inside the subject's phrase, which goes on around it (the Sun's had no source); not a party tag or an
                    # acronym ("Christopher Dodd (D) have announced"), nor a pronoun's gloss ("he (referring to Martin)")
                    rest = clause_raw.split(")", 1)[1]
                    outer = "" if rest.lstrip()[:1] in ("-", "—", "–") \
                        else _clause_before(text, start - len(clause_raw) - 1)  # "KATHMANDU, April 25 (Reuters) - ..."
                    clause, dropped = _strip_aux(outer.rstrip() + rest)
                    clause_at = start - len(clause_raw) - 1 - len(outer)
                # "''...,'' said Freund": the NYT's '' marks only; "Reince Priebus, the GOP chairman, this past
                # week announced": a time only
                empty = not clause.strip(_QUOTE_MARKS) or all(
                    w.lower().strip(",.") in DAYS_MONTHS for w in clause.split()) or (
                    # "... has been critical of the mayor but on Tuesday wrote": a time after the boundary, no subject
                    clause[:3] in ("on ", "in ", "dur") and _TIME_AFTER_BOUNDARY.fullmatch(clause) is not None)
                np = _np(clause) if not empty else ""
                if not empty and " whose " in clause_raw:
                    # "The farmers whose fields were flooded say": a relative clause on "whose" inside the subject
                    # (no clause boundary); the noun phrase before it speaks, when nothing but it stands there
                    before_whose = clause_raw.rsplit(" whose ", 1)[0].strip()
                    if before_whose and _np(before_whose) == before_whose and (
                            before_whose[:1].isupper() or before_whose.split()[0] in _RELATIVE_SUBJECTS) \
                            and getattr(classify(before_whose, self.speakers), "kind", None) not in (None, "unnamed"):
                        np = before_whose  # (never people nobody names: "The officials whose ... say" stays as it was)
                if np[-4:] in ("name", "itle") and _LABEL_SUBJECT.fullmatch(np):
                    continue  # "less privileged than its name suggests": what a thing is called says nothing
                if not empty and clause[:1].islower() and _SUBJECT_PRONOUNS.isdisjoint(clause.lower().split()) \
                        and _RELATIVE_BEFORE.search(text, max(0, start - len(clause_raw) - 8), start - len(clause_raw)):
                    # "A woman who was raped ... by Jeffrey Epstein has revealed": the verb's clause is a
                    # relative clause's rest, whose agent or object is not the subject; the noun phrase
                    # before "who" is (not "the man who the police say", nor "the people who eat a lot
                    # - we all know": there a subject of their own speaks)
                    rel_at = start - len(clause_raw) - len(text[:start - len(clause_raw)].rstrip().split()[-1]) - 1
                    head = _np(_clause_before(text, max(0, rel_at)).strip().rstrip(","))
                    rel_first = clause.split(None, 1)[0].lower()
                    if not head and RELATIVE_AFTER_COMMA and text[:max(0, rel_at)].rstrip().endswith(",") and (
                            rel_first in _AUX or rel_first in _BE or _adverb(rel_first)):
                        # (only where "who" is the verb's subject, an auxiliary or an adverb after it: in "The
                        # changes, which officials said ...", the officials speak)
                        # "Beck, who has in the past described Trump as ...": the name before the comma ("has" was
                        # the speaker, the clause's own words past its time phrase)
                        comma = text.rfind(",", 0, max(0, rel_at))
                        head = _np(_clause_before(text, comma).strip()) if comma > 0 else ""
                    if head and (head[:1].isupper() or head.split()[0].lower() in _RELATIVE_SUBJECTS):
                        np = head
                elif not empty and "where" in self.words and dropped and not _BE.isdisjoint(clause.lower().split()) \
                        and _WHERE_BEFORE.search(text, max(0, start - len(clause_raw) - 8), start - len(clause_raw)):
                    # "A teacher at a community hub where three kids were murdered in a knife attack has branded":
                    # a "where" clause with a verb of its own ends before the main verb, whose subject stands before
                    # "where" (the Mirror's was "a knife attack"); "Gaza, where officials said" keeps its officials
                    rel_at = start - len(clause_raw) - len("where") - 1
                    head = _np(_clause_before(text, max(0, rel_at)).strip().rstrip(","))
                    if head:
                        np = head
                if THEY_OWN_SUBJECT and np[-5:] == " they":
                    np = "they"  # "(Wyoming Republicans have once again decided) they (want)": the verb's subject
                at_they = text.find(np) if np in ("they", "They") and THEY_OWN_SUBJECT else -1
                if at_they > 0 and not text[:at_they].rstrip().endswith(","):
                    # (never a parenthetical "..., they said": the clause before it is what was said)
                    # "Mrs. Clinton's campaign strategists say they believe ...": "they" is the sentence's own
                    # plural subject before it, not the organisation named last
                    own = _own_np_subject(text)
                    if own is not None and own.lower() not in ("they", "we", "i", "nor", "neither", "either") \
                            and 0 <= text.find(own) < start:
                        np = own
                elif HE_OWN_SUBJECT and np.rsplit(None, 1)[-1:] in (["he"], ["she"]) \
                        and not clause_raw.lstrip().startswith(("He ", "She ")):
                    # (also "the message he felt": a relative clause without "that", whose subject is the pronoun)
                    np = np.rsplit(None, 1)[-1]
                    at_he = text.find(" " + np + " ")
                    if at_he > 0 and not text[:at_he].rstrip().endswith(",") and not _QUOTE_CHARS.search(text, 0, start):
                        # "Roffman signed a letter of apology that he said was drafted by the firm": the person the
                        # sentence opens with, when of the pronoun's sex, not the person named before it
                        own = _own_subject(text, _NO_PLAIN, named_only=True)
                        # (or behind a fronted word: "However, Adelson met with Trump ... that he found")
                        own_at = -1 if own is None else 0 if text.startswith(own) \
                            else _fronted_at(text, own) if HE_OWN_FRONTED else -1
                        if own is None and HE_OWN_ASIDE and text[:1].isupper():
                            # "Rep. Jo Lund (R-Ore.), chairman of the committee, didn't object, but he did call for":
                            # a full name, a party tag and an aside before the sentence's verb (_own_subject wants
                            # the verb right after the name)
                            lead = _NAME_ASIDE_VERB.match(text)
                            named = classify(lead.group("name"), self.speakers) if lead is not None else None
                            if lead is not None and named is not None and named.kind == "person" \
                                    and text.startswith(named.text, lead.start("name")):
                                own, own_at = named.text, lead.start("name")
                        if own is not None and " and " not in own and 0 <= own_at < at_he \
                                and self.speakers.sex_of(self.speakers.canonical(own)) in (None, PRONOUN_SEX[np]) \
                                and not self._person_between(text, own_at + len(own), at_he, PRONOUN_SEX[np]):
                            np = own
                subj = classify(np, self.speakers) if np.strip() else None
                if subj is not None and not empty and _AND_BEFORE.search(text, max(0, clause_at - 8), clause_at):
                    subj = self._coordinated(text, clause_at, subj)
                at = start - len(clause_raw) - 1  # the comma before the clause, if there is one
                placed = _PLACE_END.search(text, max(0, at - 60), at) if not empty and subj is not None \
                    and text[at:at + 1] == "," and (_STATE_ABBREVIATION.fullmatch(np) or is_place(np)) else None
                if placed is not None:
                    # "Stacy Baker of Columbia, South Carolina says": the rest of a place, not the speaker; the
                    # name before the place speaks, or nobody
                    head = _clause_before(text, placed.start()).strip()
                    named = classify(head, self.speakers) if _PERSON_ASIDE.fullmatch(head) else None
                    subj = named if named is not None and named.kind == "person" else None
                    np = subj.text if subj is not None else ""
                if not empty and (_INDEFINITE.match(clause_raw) or _ROLE_CLAUSE.match(clause_raw) or (
                        clause_raw[:1] in _ROLE_OF_INITIALS and _CAPITAL_ROLE_OF.match(clause_raw)) or (
                        (" of " in clause_raw or " for " in clause_raw or " at " in clause_raw)
                        and _LOWER_ROLE_OF.match(clause_raw))):
                    # "Chad Hawk, vice president of PMG, a paper money grading company in Florida told
                    # Fox": a description in apposition; the name before it speaks
                    named = self._name_before_descriptions(text, start - len(clause_raw))
                    if named is not None:
                        subj, np = named, named.text
                if subj is None and empty:
                    subj = self._past_aside(text, start - len(clause_raw))
                    if subj is not None and subj.kind in ("person", "org") and " and " in text:
                        at_name = text.rfind(subj.text, 0, start - len(clause_raw))
                        if at_name > 0 and _AND_BEFORE.search(text, max(0, at_name - 8), at_name):
                            # "Jeb Bush and Hillary Clinton, among others, have said": both, not the last name
                            subj = self._coordinated(text, at_name, subj)
                if subj is None and empty and ("—" in text or "–" in text or " - " in text):
                    # "The lawyer — a former judge — said", "Joyce — who is listed as an attorney — told The Post":
                    # the noun phrase before a dashed aside speaks (the verb's clause was the aside's empty end)
                    subj = self._before_dash_aside(text, start - len(clause_raw))
                if subj is None and empty and "who" in self.words:
                    who = _NAME_WHO.search(text, max(0, start - len(clause_raw) - 80), start - len(clause_raw))
                    if who is not None and _COMPLEMENT_BEFORE.search(text, max(0, who.start() - 60), who.start()):
                        # "... was councillor Margaret Clarke, who said those responsible ...": the name the relative
                        # "who" stands for speaks (the Mirror's had no source)
                        subj = classify(who.group("name"), self.speakers)
                if subj is None and "which" in self.words and form.cls == "speech" and word[:2] != "wr" \
                        and text[:start].rstrip().endswith(", which"):
                    # "... the head of the Palestinian Dialogue Group in Turkey, which says on its site": the body the
                    # relative "which" stands for speaks, not the person named before it (CBC's was Abu Amer); a verb of
                    # speech only ("the Constitutional Convention, which wrote and adopted" made a thing, said nothing)
                    antecedent = _NAME_BEFORE_WHICH.search(text, 0, text.rfind(", which", 0, start))
                    named = classify(antecedent.group("np"), self.speakers) if antecedent is not None else None
                    if named is not None and named.kind in ("org", "other") \
                            and any(w[:1].isupper() for w in named.text.split()):
                        subj = named
                if subj is None and empty:
                    # "One of the protesters, Hayley Walsh, 42, a lecturer from Nottingham, said:": the name
                    # before an age and a description speaks
                    subj = self._name_before_descriptions(text, start - len(clause_raw))
                if subj is None and empty and _AND_BEFORE.search(text, 0, start - len(clause_raw)):
                    # "Mpofu adopted a 'so what' attitude and said ...": the first verb's subject
                    first = None
                    for m in _CLAUSE_SUBJECT.finditer(text, 0, start - len(clause_raw)):
                        first = m
                    if first is not None:
                        subj = classify(first.group("np"), self.speakers)
                    else:
                        # "He funds gun control groups and has stated, '...'": the sentence's own subject
                        subj = self._leading_subject(text)
                        lead = _LEADING_NP.match(text)
                        after_lead = _NEXT_WORD.match(text, lead.end("np")) if lead is not None else None
                        if after_lead is not None and after_lead.group(1).lower() in _BE:
                            subj = None  # "We are entertained, informed and branded by corporations": a passive
                        if subj is not None and (subj.kind not in ("person", "org", "pronoun", "author") or (
                                subj.kind in ("person", "org") and lead is not None
                                and " " not in lead.group("np").strip()
                                and lead.group("np").strip().lower() not in ("he", "she", "they", "it", "i", "we")
                                and lead.group("np").strip() not in self.speakers.people)):
                            subj = None  # "Asked on Monday whether ..., Mrs. Clinton ... and said": no name
                if subj is None and empty:
                    subj = self._lead_with_asides(text, start - len(clause_raw))
                if subj is None and empty and form.kind in ("ed", "s") and not dropped:
                    # '..., said another Twitter user, Johanna Bayer.': the name in apposition speaks
                    # (never after an auxiliary: in "..., has said the pipeline 'is ...'" the words after
                    # the verb are what was said, not who said it)
                    inv = (_AFTER_KNOWN_AS.match(after) if " as " in after or " going by " in after else None) \
                        or _AFTER_ROLE_NAME.match(after) \
                        or _AFTER_BODY_ROLE_NAME.match(after) \
                        or _AFTER_APPOSITION.match(after) or _AFTER_TITLED_ROLE_NAME.match(after) \
                        or _AFTER_SUBJECT.match(after)
                    if inv and inv.group("np").strip(" .").lower() in title_words():
                        inv = None  # "..., cited Mr. Trump's fondness": a title cut at its dot is no name
                    elif inv and word not in _INVERTING and inv.group("np")[:1].islower() \
                            and inv.group("np").split(None, 1)[0] in _DETERMINERS_AFTER:
                        # "... and promised a vote.": a common noun after a verb that never comes before its
                        # subject is its object ('"...," said the official.' is the official's; "promised" is no
                        # "said"): the garbage source "a vote"
                        inv = None
                    elif inv and inv.group("np").rsplit(None, 1)[-1].lower() in self.titles \
                            and after[inv.end("np"):inv.end("np") + 1] == ".":
                        # "said former South Carolina Gov. Jim Hodges, a Clinton backer": the phrase was cut at the
                        # title's dot ("South Carolina Gov" was the speaker); the name after it speaks (not after
                        # the sentence's own full stop: '," said the Democratic nominee.')
                        inv = _NAME_AFTER_TITLE_DOT.match(after, inv.end("np")) or inv
                    if inv:
                        subj = classify(inv.group("np"), self.speakers)
                if subj is None:
                    continue
                if np.endswith(("'s", "’s")):
                    continue
                if form.kind == "base" and dropped[:1] == ["to"] and subj.kind == "org" and not _BE.intersection(dropped) \
                        and not (DECLINED_TO and word in _DECLINED_SPEECH and _DECLINED.intersection(dropped)):
                    continue  # "questions in their letter for the FBI to answer": an infinitive, nobody answered
                if form.kind == "base" and "to" in dropped[:2] and subj.kind == "other" and subj.text[:1].islower() \
                        and _INFINITIVE_HEAD.match(np):
                    continue  # "C ... needs to declare", "tools to allow consumers to not worry": a verb's phrase
                if form.kind == "base" and subj.kind == "person" and not dropped and clause == clause_raw.strip() \
                        and _PLURAL_PEOPLE.fullmatch(subj.text) is not None and subj.text not in self.speakers.people \
                        and np.partition(" ")[0].lower() not in _SINGULAR_DETERMINERS:
                    # "Organizers say", "Iowa biofuels advocates say": a plural agrees with the base form, so it is
                    # people of a kind, never one person named "Organizers" (who would say "says")
                    subj = Subject(subj.text, "other", True)
                    agreed = True
                else:
                    agreed = False
                if form.kind == "base" and not (set(dropped) & ({"will", "would", "could", "should", "may", "might",
                                                                  "must", "did", "does", "do", "not", "never"}
                                                                 | (_DECLINED if DECLINED_TO and word in _DECLINED_SPEECH
                                                                    else frozenset()))) \
                        and not (dropped[:1] == ["to"] and dropped[1:2] and dropped[1] in _CATENATIVES) \
                        and subj.kind not in ("author", "unnamed", "org") and not agreed \
                        and not (word == "read" and not after.strip(_QUOTE_MARKS + ".!? ")
                                 and _QUOTE_CHARS.search(text, 0, start) is not None) \
                        and not (word == "read" and after.lstrip()[:1] in (":", '"', "“")) \
                        and not re.search(r"\b(?:they|we|I)\s*$", clause) \
                        and not (form.cls == "speech" and subj.kind == "person" and clause.strip() == np.strip()
                                 and np.strip() in self.speakers.people) \
                        and not (subj.kind == "other" and subj.text.rsplit(None, 1)[-1].lower() in _IRREGULAR_PLURALS) \
                        and not (subj.kind == "other" and subj.text.endswith("s") and (
                            subj.text.islower() or subj.text.rsplit(None, 1)[-1] in RECORD_PLURALS
                            or (subj.text[1:].islower() and (
                                " " not in subj.text or _speaks(subj.text.rsplit(None, 1)[-1])
                                or subj.text.rsplit(None, 1)[-1] in RECORD_PLURALS)))):
                    continue  # (a surname the article named takes a base form by a typo: "Sims say he was ...")
            if POLL_SHARES and ("poll" in self.words or "survey" in self.words) \
                    and ("percent" in self.words or "%" in text):
                poll = _poll_of_shares(text, start)
                if poll is not None:
                    # "In a New York Times/CBS News survey released last Thursday, 79 percent of Democrats said they
                    # were satisfied": the share of respondents speaks through the poll, the source a reader can check
                    # (it was "Democrats", or no one named)
                    subj = classify(poll, self.speakers) or Subject(poll, "other", True)
            if main_subject is None and subj.kind != "unnamed" and not (
                    quotes and any(q.start <= s.start + start < q.end for q in quotes)):
                # (a verb inside a quotation is the speaker's: in '"If I was a donor, I'd want answers,"
                # said a party member, asking for anonymity' the "I" of "want" is not who is asking)
                main_subject = subj
            out.append(self._evidence(subj, word, word, cls=form.cls, pos=start))
        return out

    def _coordinated(self, text: str, end: int, subj: Subject) -> Subject:
        """A subject joined to a name before "and" (which ends at `end`) is the whole phrase: "Sweden
        and Finland have told" is both countries' claim, not Finland's. Only a name may stand there
        ("Trump defeated Cruz and Clinton said" keeps Clinton). A role in lower case before "and", after a
        name and a comma, is the name's ("Anthony Anton, president and CEO of the association, stated")."""
        if subj.kind in ("person", "org") and " " in subj.text and text[max(0, end - 60):end].count(",") == 1:
            role = _NAME_ROLE_AND.search(text, max(0, end - 80), end)
            if role is not None:
                named = classify(role.group("name"), self.speakers)
                if named is not None and named.kind == "person":
                    return named
        if subj.kind not in ("person", "org") or not _CONJUNCT.fullmatch(subj.text):
            return subj
        m = _AND_BEFORE.search(text, max(0, end - 8), end)  # a window: the text may be one long sentence
        if m is None:
            return subj
        at = text.find(subj.text, end, end + 160)  # (a window: a resolved pronoun's name is not in the text)
        before = text[end:at].split() if at > end else []
        if before and before[0].lower() not in self.titles and any(w.lower() in self.titles for w in before[1:]):
            left_word = text[:m.start()].split()[-1:]
            if left_word and left_word[0].lower() in speaker_heads():
                # "Police and Crime Commissioner Matt Storey said": a common noun, "and", then a title before the
                # name: one office (the Mirror's was "Police and Matt Storey"); "Trump and Florida Governor Ron
                # DeSantis said", "Trump and Senator Cruz said" are two people
                return subj
        left_end = len(text[:m.start()].rstrip())
        if text[left_end - 1:left_end] == ")":
            tag = _PARTY_TAIL.search(text, max(0, left_end - 16), left_end)
            if tag is not None:
                left_end = tag.start()  # "Byron Dorgan (D) and Christopher Dodd (D) have announced": both, untagged
        left = _clause_before(text, left_end).strip().rstrip(",").strip()
        if " of " in left and subj.text[:1].isupper() and len(subj.text.split()) <= 3 and text[end:end + 4] != "the ":
            body = _BODY_OF_AND.search(left)
            if body is not None and body.group("head").lower() in ORG_WORDS:
                # "the Philippine Bureau of Fisheries and Aquatic Resources said": one body whose name holds "and"
                # (Taipei Times; it was "Aquatic Resources"), as "the Ministry of Trade and Industry" is
                whole = classify(f"{body.group(0)} and {subj.text}", self.speakers)  # ("The Ministry" -> "the Ministry")
                return whole if whole is not None and whole.kind == "org" else Subject(
                    f"{body.group(0)} and {subj.text}", "org", True)
        if not _CONJUNCT.fullmatch(left):
            if _OF_NAME_END.search(left) is not None and text[end:end + len(subj.text) + 1].lstrip().startswith(subj.text):
                # "A spokesperson for the Parks and Recreation Department said", "The Department of Health and Human
                # Services said": one body's name holds the "and" ("Recreation Department", "Human Services" spoke)
                whole = classify(f"{left} and {subj.text}", self.speakers)
                if whole is not None:
                    return whole
            return subj
        other = classify(left, self.speakers)
        if other is None or other.kind not in ("person", "org"):
            return subj
        kind = "person" if other.kind == subj.kind == "person" else "org"
        names = [other.text]
        at_left = text.rfind(left, 0, left_end)
        while at_left > 0 and len(names) < 5 and text[:at_left].rstrip().endswith(","):
            # "Carson, Fiorina and Huckabee have all characterized": every name of the list, not its last two
            comma = len(text[:at_left].rstrip()) - 1
            prev = _clause_before(text, comma).strip()
            named = classify(prev, self.speakers) if prev and _CONJUNCT.fullmatch(prev) else None
            if named is None or named.kind not in ("person", "org"):
                break
            names.insert(0, named.text)
            at_left = text.rfind(prev, 0, comma)
        lead = ", ".join(names)
        return Subject(f"{lead} and {subj.text}", kind, True)

    def _agent(self, agent: re.Match[str], after: str) -> Subject | None:
        """The agent of a passive ("criticised by X"), whole: "by Russian politicians and Donald Trump Jr
        (who wrote ...)" is both, never the adjective "Russian"."""
        if agent.group("name"):
            return classify(agent.group("name"), self.speakers)
        np = agent.group("np")
        tail = _AGENT_TAIL.match(after, agent.end("np"))
        if tail is None:
            return classify(np, self.speakers)
        left = np + tail.group("nouns")
        subj = classify(tail.group("more"), self.speakers) if tail.group("more") else None
        first = classify(left, self.speakers)
        if subj is None or subj.kind not in ("person", "org"):
            return first  # "by Russian officials.": the noun phrase alone
        if first is None or first.kind not in ("person", "org", "unnamed", "other"):
            return subj
        kind = "person" if first.kind == subj.kind == "person" else "org"
        return Subject(f"{first.text} and {subj.text}", kind, True)

    def _learned(self, text: str) -> list[Evidence]:
        """'..., the Post has learned.': the outlet or person that learned it reports the claim (the
        issue's attribution after the content). Only a closing clause: "learned" alone is no cue."""
        m = _LEARNED.search(text)
        if m is None:
            return []
        subj = classify(m.group("src"), self.speakers)
        if subj is None or subj.kind not in ("person", "org", "author"):
            return []
        return [Evidence(_ATTRIBUTED, subj.text, "has learned",
                         reason("learned", source=subj.text, cue=f"{m.group('src')} has learned"), subj.kind,
                         m.start("src"))]

    def _past_aside(self, text: str, end: int) -> Subject | None:
        """The subject before an aside set off by commas, when the verb's own clause (ending at `end`)
        is empty: "Chris Collins, a Trump supporter, said", "Trump, who leads, mocked", "Bob Corker,
        R-Tenn., said". The words before the aside must be nothing but a name or a pronoun."""
        closed = end >= 2 and text[end - 1] in "\"”" and text[end - 2] == ","
        if closed:
            end -= 1  # the aside ends in a quotation, its comma inside the closing mark (checked below)
        if end < 1 or text[end - 1] != ",":
            return None
        comma = text.rfind(",", max(0, end - 200), end - 1)  # (an aside of up to 200 characters)
        while comma > 0 and text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit():
            comma = text.rfind(",", max(0, end - 200), comma)  # ("admit 250,000 Syrians": a number's comma opens no aside)
        if comma < 1:
            return None
        aside = text[comma + 1:end - 1]
        if not aside.strip() or any(c in aside for c in ";:()") or (
                (closed or any(c in aside for c in "\"“”"))
                and not _QUOTED_TO_COMMA.fullmatch(aside + text[end - 1:end + 1])
                and not (not closed and aside.count("“") == aside.count("”") >= 1 and '"' not in aside)):
            # (a title in quotation marks inside the aside is no quotation: "Bill Eastland, wearing a cowboy hat and
            # “Ted Cruz” campaign pins, said")
            # (a quotation may end the aside, its comma inside the closing mark: "Joe Scarborough, host of MSNBC's
            # “Morning Joe,” suggested", "Roffman, who put his costs "in the seven figures," described")
            return None
        if aside[:7] == " which " and text[comma - 1:comma] != ")":
            # "Senator Richard Shelby, the Alabama Republican who heads the Senate Banking Committee, which oversees
            # the Fed, said": a "which" aside describes the body before it; the subject may stand before an aside
            # of its own before that (it was "heads the Senate Banking Committee")
            further = self._past_aside(text, comma + 1)
            if further is not None:
                return further
        role_then_name = ROLE_THEN_NAME.fullmatch(aside.strip())
        if role_then_name and _DETERMINER_ROLE.fullmatch(_clause_before(text, comma).strip()):
            # "The host, National Resources Defense Council board member Nicole Lederer, has said": a
            # role, then an aside that describes the person and ends with their name
            named = classify(role_then_name.group("name"), self.speakers)
            if named is not None and named.kind == "person":
                return named
        if (_PERSON_ASIDE.fullmatch(aside.strip()) or _PERSON_OF_ASIDE.fullmatch(aside.strip())) \
                and _ROLE_BEFORE.match(_clause_before(text, comma).strip()) \
                and not (is_place(aside) and _PLACE_END.search(text, max(0, comma - 60), comma)) \
                and "’s" not in aside and "'s" not in aside \
                and aside.split()[-1].lower().strip(".") not in title_words():  # "Time’s Assistant Managing Editor"
            # "MEC for Cooperative Governance and Traditional Affairs, Jacob Mamabolo, said", "the
            # national government delegate in Valencia, Pilar Bernabé, told": a title or role before
            # the commas, the person's name between them
            named = classify(aside.strip(), self.speakers)
            if named is not None and named.kind == "person":
                return named
        head_end = comma
        tag = _PARTY_TAIL.search(text, max(0, comma - 16), comma) if text[comma - 1] == ")" else None
        if tag is not None:
            head_end = tag.start()  # "Rep. Sander M. Levin (Mich.), a superdelegate ..., said": the tag is no name
        head_raw = _clause_before(text, head_end)
        head = head_raw.strip()
        # "''I would not discount it,'' Mr. Kaplan, a screenwriter, said": the comma before the name
        # closes the quotation, it opens no aside (the NYT's '' is no clause boundary)
        after_quote = head[:1] in _QUOTE_MARKS
        head = head.lstrip(_QUOTE_MARKS)
        if " to " in head:
            document = _np(head)
            if head.startswith(document + " to "):
                head = document  # "The Conservatives’ letter to Daniel Greenberg, the standards commissioner, said"
        if not head or head != _np(head) or (
                not after_quote and text[head_end - len(head_raw) - 1:head_end - len(head_raw)] == ","
                and not _TITLED_NAME.fullmatch(head)):
            # "In Washington, ..." is no subject; nor is one aside after another; but a titled name
            # after a fronted phrase is ("Alarmed by the unrest, Senator Harry Reid, the minority leader, said")
            return None
        subj = classify(head, self.speakers)
        if subj is not None and subj.kind == "other" and subj.text.split()[-1].lower() in DOCUMENT_HEADS:
            return subj  # "The Conservatives’ letter to ..., the standards commissioner, said": a document speaks
        if subj is not None and subj.kind == "other" and subj.text == head and head in self.speakers.known_orgs:
            return subj  # "Xinhua, the official Chinese news agency, wrote": a body the article calls one speaks
        if subj is not None and subj.kind == "other" and subj.text.rsplit(None, 1)[-1] in SIDE_HEADS:
            return subj  # "Kyiv's European allies, including France's Emmanuel Macron ..., called": a side speaks
        return subj if subj is not None and subj.kind in ("person", "org", "pronoun", "author") else None

    def _name_before_descriptions(self, text: str, end: int) -> Subject | None:
        """The person named before one or two descriptions set off by commas, the last ending at `end`
        (the start of the verb's clause, right after a comma): "Chad Hawk, vice president of PMG, (a
        ... company told)"."""
        if end < 2 or text[end - 1] != ",":
            return None
        parts = text[max(0, end - 240):end - 1].split(",")
        # (up to four: "Cecilia Purner, 67, a retired customer service representative in Allentown, Pa., said")
        for back in range(1, min(5, len(parts)) + 1):
            # "Gov. John Kasich (R-OH), said", "State Rep. Wendy Nanney (R), a leader of ..., suggested": a
            # party tag and a title stand around the name
            seg = _PARTY_TAIL.sub("", parts[-back].strip().lstrip(_QUOTE_MARKS + "'’").strip())
            tagged = seg != parts[-back].strip() and _TITLED_PERSON.fullmatch(seg) is not None
            if back < len(parts) and (_PLACE_OPENS.match(parts[-back - 1]) or _PLACE_END.search(parts[-back - 1])) \
                    and _PERSON_ASIDE.fullmatch(seg) and len(seg.split()) <= 3:
                continue  # "from Tynemouth, North Tyneside, said": the rest of a place, not a person
            if back > 1 and not _PERSON_ASIDE.fullmatch(seg):
                role = _ROLE_WORDS_NAME.fullmatch(seg)
                if role is not None:
                    seg = role.group("name")  # "mechanical engineer Richard Weir, 60, ..., said"
            if _PERSON_ASIDE.fullmatch(seg) or (tagged and _PERSON_ASIDE.fullmatch(strip_titles(seg))) or (
                    back > 2 and _HONORIFIC_NAME.fullmatch(seg)):
                # ("Mr. Olsen, now 74 and retired in Bergen, Minn., said": a surname behind an honorific, before
                # a description and a place's two parts; the two-word test wanted a first name)
                subj = classify(seg, self.speakers)
                return subj if subj is not None and subj.kind == "person" else None
            if KIN_FIRST_NAME and back < len(parts) and " " not in seg and seg in first_names() \
                    and _KIN_ROLE.fullmatch(parts[-back - 1].strip()):
                # "Her father, Brad, 39, worried that ...", "his wife, Jane, called for ...": a relative named by first
                # name only; the role and the name speak (the speaker was an unresolved "they" or "he")
                return Subject(f"{_lead_stripped(parts[-back - 1].strip())}, {seg}", "person", True)
            if back > 1 and (not (seg[:1].islower() or seg.isdigit() or _STATE_ABBREVIATION.fullmatch(seg))
                             or any(c in seg for c in "\"“”;:()")):
                # only a description ("vice president of PMG") or an age ("Hayley Walsh, 42, a lecturer
                # from Nottingham, said") may stand between them
                return None
        return None

    def _before_dash_aside(self, text: str, end: int) -> Subject | None:
        """The person, body or role named right before an aside set off by dashes that ends at `end` ("The
        lawyer — a former judge — said"), or None."""
        head = text[:end].rstrip()
        dash = head[-1:]
        if dash == "-" and head[-2:-1] == " ":
            dash = " - "  # a dash typed as a hyphen between spaces ("Deborah Jordan Reynolds - Santilli's girlfriend - told")
        elif dash not in ("—", "–"):
            return None
        opening = head.rfind(dash, max(0, len(head) - 160), len(head) - len(dash))
        if opening <= 0 or _QUOTE_CHARS.search(head, opening):
            return None
        clause = _clause_before(text, opening).strip()
        np = _np(_strip_aux(clause)[0]) if clause else ""
        subj = classify(np, self.speakers) if np else None
        if subj is not None and subj.kind in ("other", "unnamed") and dash == " - ":
            aside = head[opening + len(dash):len(head) - 1].strip()
            if _NAMES_LIST.fullmatch(aside):
                # "The three constitutional scholars - Mr. Tribe, Ms. Epstein and Mr. Amar - agreed": the aside names
                # the people the description stands for; they speak
                return Subject(aside, "person", True)
        return subj if subj is not None and subj.kind in ("person", "org", "other", "unnamed") else None

    def _lead_with_asides(self, text: str, end: int) -> Subject | None:
        """The name a sentence opens with, when only asides stand between it and the verb: "Cory
        James, 22, of Flint, Mich., said", "Harry Bond, 30, of Raleigh, N.C., who was among those
        polled, said"."""
        m = _LEAD_ASIDES.match(text)
        if m is None or end - m.end("np") > 160 or text[end - 1:end] != "," or _QUOTE_CHARS.search(text, 0, end):
            return None
        subj = classify(m.group("np"), self.speakers)
        return subj if subj is not None and subj.kind in ("person", "org") else None

    def _leading_subject(self, text: str) -> Subject | None:
        m = _LEADING_NP.match(text)
        if m is None:
            return None
        np = m.group("np")
        if " " not in np and np.endswith(("ing", "ed")) and np not in self.speakers.people:
            return None  # "Speaking in his real voice, he ...", "Asked about it, ...": a participle clause
        if np.endswith(("'s", "’s")):
            # "Kohberger’s defense team issued ...": the possessor's noun is the subject, not the possessor
            head = _POSSESSED.match(text, m.end("np"))
            if head is None:
                return None
            np += head.group("head")
        role = _ROLE_WORDS_NAME.match(text, m.end("np") + 1) if text[m.end("np"):m.end("np") + 1] == " " else None
        if role is None and text[m.end("np"):m.end("np") + 1] == " ":
            # "Band member Flea shared ...": a role's head, then a name of one word before the verb
            role = _ROLE_HEAD_ONE_NAME.match(text, m.end("np") + 1)
        if role is not None and not role.group(0).split()[0].endswith(("ed", "ing")):
            # "Royal commentator Lee Cohen was discussing ...": a capitalised adjective, a role, then the name
            return classify(role.group("name"), self.speakers)
        return classify(np, self.speakers)

    def _manner(self, s: Sentence, text: str) -> list[Evidence]:
        """A manner-of-speaking verb that frames a quotation: '"Go back to Univision," Trump barked',
        '"..." shouted the crowd', '"Honestly," he continued, "we may ..."', a speaker line "Cruz
        continued:", or "Tiegen wondered." right after a sentence that closed a quotation. Without a
        quotation beside it the verb says nothing of speech ("Trump continued his attack")."""
        out: list[Evidence] = []
        for m in _MANNER_AFTER.finditer(text):
            if m.group("verb") not in _MANNER_VERBS:
                continue
            before, rest = text[:m.start("who")], text[m.end("verb"):]
            if m.group("verb") == "went":  # "he went on:" ("went" alone is no speech)
                if not rest.startswith(" on"):
                    continue
                rest = rest[3:]
            beside = _CLOSING_BEFORE.search(before) is not None or _OPENING_AFTER.match(rest) is not None \
                or (m.group("verb") == "wondered" and _WONDERED_CLAUSE.match(rest) is not None) \
                or (not before.strip() and (rest.strip() == ":" or (
                    self.prev_closes and self.prev_block == s.block and _QUOTE_TAIL.fullmatch(rest) is not None)))
            if beside:
                who = m.group("who")
                quantified = _QUANTIFIED_BEFORE.search(before)
                if quantified is not None:
                    who = before[quantified.start("q"):] + who  # "many in the town (wondered)"
                self._manner_evidence(out, who, m.group("verb"), m.start("verb"))
        for m in _MANNER_BEFORE.finditer(text):
            if m.group("verb") in _MANNER_VERBS:
                self._manner_evidence(out, m.group("who"), m.group("verb"), m.start("verb"))
        return out

    def _manner_evidence(self, out: list[Evidence], who: str, verb: str, pos: int) -> None:
        subj = classify(who, self.speakers)
        if subj is not None and (subj.kind in ("person", "org", "pronoun", "author", "other") or (
                subj.kind == "unnamed" and " " in who)):
            out.append(self._evidence(subj, verb, verb, pos=pos))

    def _evidence(self, subj: Subject, cue: str, what: str, *, cls: str = "speech", pos: int = -1) -> Evidence:
        if subj.kind == "unnamed":
            # "some", "many": nobody in particular; a determiner alone is reported as no source
            src = None if subj.text.lower() in DETERMINERS or subj.text.lower() == "others" else subj.text
            return Evidence(_VAGUE, src, cue, reason("unnamed-subject", source=subj.text, cue=what),
                            "unnamed", pos)
        key = ("named-belief" if cls == "belief" else "author" if subj.kind == "author"
               else "named" if subj.kind in ("person", "org") else "subject")
        return Evidence(_ATTRIBUTED, subj.text, cue, reason(key, source=subj.text, cue=what), subj.kind, pos,
                        cls == "belief")

    def _person_between(self, text: str, start: int, end: int, sex: str) -> bool:
        """Whether a person the article has named, not shown to be of the other sex, stands between `start` and
        `end` ("... the shootings that Obama mentioned when he announced": "he" is Obama, not the subject)."""
        for w in _CAPITALISED.findall(text, start, end):
            full = self.speakers.people.get(w)
            if full is not None and self.speakers.sex_of(full) in (None, sex):
                return True
        return False

    def _put_it(self, text: str) -> list[Evidence]:
        """'As X put it, “...”': X's words ("As the chief executive, Jeff Weiner, put it in his memo"; "as
        prosecutor Marc Trevidic put it"), the name in an aside where the words before it are a role."""
        m = _PUT_IT.search(text)
        if m is None:
            return []
        parts = [p.strip() for p in m.group("who").split(",") if p.strip()]
        best = None
        for k, part in enumerate(parts[:2]):
            subj = classify(part, self.speakers)
            if subj is None or (subj.kind in ("pronoun", "unnamed") and k):
                continue
            if best is None or (k and subj.kind == "person" and " " in subj.text and parts[0][:1].islower()):
                best = subj  # "the LinkedIn chief executive, Jeff Weiner": the name in apposition
        if best is None:
            return []
        return [self._evidence(best, "put it", "put it", pos=m.start("who"))]

    def _latter_former(self) -> dict[str, str]:
        """Whom "the latter" and "the former" mean: the last and the first of the people the sentence before names
        ("... Ishiba said in response to Japan Innovation Party leader Nobuyuki Baba. The latter had pressed the prime
        minister ..." is Baba's question; the learned part carried Ishiba in). Nobody unless it names two or more."""
        people: list[str] = []
        for m in _NAME_RUN.finditer(self.prev_text):
            subj = classify(m.group(0), self.speakers)
            if subj is not None and subj.kind == "person" and subj.text not in people:
                people.append(subj.text)
        if len(people) < 2:
            return {}
        return {"the latter": people[-1], "the former": people[0]}

    def _according(self, s: Sentence) -> list[Evidence]:
        out: list[Evidence] = []
        if "according" not in self.words:
            return out
        text = s.text
        pattern = _ACCORDING if '"' in text or "“" in text else \
            _ACCORDING_SIMPLE if _ACCORDING_DOT.search(text) is None else _ACCORDING_PLAIN
        for m in pattern.finditer(text):
            if m.start() > 4 and _IN_PROPORTION.search(text, max(0, m.start() - 24), m.start()):
                continue  # "prices will vary according to your tariff": in proportion to it, nobody's account
            phrase = m.group("src")
            known = _ACCORDING_SOURCES.get(phrase)
            if known is None:
                known = _according_source(phrase)
            src, link, unnamed_first, owner, plain = known
            if link:
                continue  # "according to https://...": the link is the evidence (its domain names it)
            # (what the article has named so far: for every sentence; "according to him": whom "he" means)
            subj = classify(_OBJECT_PRONOUNS.get(src.lower(), src), self.speakers)
            if subj is not None and src.lower() in _OBJECT_PRONOUNS:
                src = subj.text if subj.kind != "pronoun" else src
            if (subj is not None and subj.kind == "unnamed") or unnamed_first:
                out.append(Evidence(_VAGUE, src, "according to", reason("according-unnamed", source=src)))
            else:
                who = self.speakers.describe_office(owner) if owner else None
                why = reason("according-office", source=src, who=who) if who else plain
                out.append(Evidence(_ATTRIBUTED, src, "according to", why, "doc"))
        return out

    def _hedges(self, s: Sentence) -> list[Evidence]:
        lex = self.lex
        hit = lex.hedge_triggers.intersection(self.words)
        if not hit:
            return []
        for i in sorted({i for t in hit for i in lex.hedge_index[t]}):  # in file order
            m = lex.hedges[i][1].search(s.text)
            if m:
                cue = m.group(0).strip()
                return [Evidence(_VAGUE, None, cue, reason("hedge", cue=cue))]
        return []

    # ------------------------------------------------------------------ decision

    def judge(self, s: Sentence, block: Block, quotes: Sequence[QuoteSpan], links: Sequence[Link],
              words: set[str] | frozenset[str] | None = None) -> Judgement:
        """`block`: the sentence's own block (its text holds the sentence's). `words`: the sentence's
        lower-cased words (features.sentence_tokens), when already known."""
        text = s.text.strip()
        self.words = words if words is not None else sentence_tokens(text)[1]
        if block is not self._scanned:
            if self._scanned is not None:
                self.earlier.append(self._scanned.text)  # (a transcript's labels name people met before)
            self._scanned = block
            body = block.text
            self._honorifics = _may_hold_honorific(body)
        if not self.titles.isdisjoint(self.words):  # else observe() finds no titled name
            self.speakers.observe(text, self.words)
        if self.speakers.titles:
            self.speakers.note_mentions(self.words)
        self.speakers.observe_orgs(text, self.words)
        self.speakers.observe_sex(text, self.words)  # (whom a later "he" or "she" can mean)
        self.tag, self.subject = "plain", ""
        if self.speakers.referents:
            self.speakers.referents = {}
        if text[:4] in ("The ", "the ") and ("latter" in self.words or "former" in self.words) and self.prev_text \
                and _LATTER_FORMER.match(text):
            self.speakers.referents = self._latter_former()
        if text[:5] == "They " and self.speakers.last_org:
            org = self.speakers.last_org.rsplit(None, 1)[-1]
            self.speakers.org_stale = org not in text and not any(org in t for t in self.recent_texts)
        if text[:3] == "It " and self.speakers.last_thing:
            # "Her yearbook quote gives ... It suggests her cherished memories were ...": the yearbook quote, not the New
            # York Times named four paragraphs before (National Post): "It" takes the organisation or document last
            # named only when it is named in this sentence or the four before, as "They" does
            head = self.speakers.last_thing.rsplit(None, 1)[-1]
            self.speakers.thing_stale = head not in text and not any(head in t for t in self.recent_texts)
        j = self._decide(s, block, text, quotes, links)
        self.speakers.org_stale = self.speakers.thing_stale = False
        if j.category is _ATTRIBUTED and j.source and self.tag != "link":  # a linked domain is no speaker
            # only a name is remembered for later references: "The senator" or "the company" is not one
            kind = self.subject
            office = kind == "person" and any(w in j.source.lower() for w in (
                "office", "department", "ministry", "pentagon", "house", "council", "committee", "statement"))
            head = j.source.split()[-1].lower()
            paper = head in DOCUMENT_HEADS or head[:-1] in DOCUMENT_HEADS or head in RECORD_PLURALS
            if kind == "doc" and " " not in j.source and j.source in self.speakers.people:
                # "According to Hawk" after "Chad Hawk": the person, whom a later "he said" means (it was the body
                # "Hawk", and the Daily Mail's next "he said" went to a George Washington named before)
                kind = "person"
            elif office or (kind == "doc" and j.source[:1].isupper() and not paper):  # or 'according to' a named body
                kind = "org"  # (not "according to Federal Election Commission filings": papers, never "the group")
            elif kind in ("other", "doc") and paper:
                kind = "doc"  # "The Swedish brochure says": what a later "It tells people" means
            if kind == "person" and j.source in PARTY_PLURALS:
                kind = ""  # "the Conservatives have said": a party, never what a later "she" or "the group" means
            if kind in ("person", "other") and GROUP_THEY and j.source.count(" ") <= 2 and j.source[:1].isupper() \
                    and j.source.endswith("s") and j.source.rsplit(None, 1)[-1].lower() in speaker_heads() \
                    and (" " not in j.source or (j.source.count(" ") == 1 and j.source.split()[0] in demonyms())) \
                    and j.source not in self.speakers.people:
                # "Authors also evaluated ... but reported that ...": people of a kind, never one person named
                # "Authors"; whom a later "They concluded:" means, until an organisation is named
                self.speakers.remember(j.source, "group")
            if kind in ("person", "org", "doc"):
                self.speakers.remember(self.speakers.canonical(j.source) if kind == "person" else j.source, kind)
        elif LEAD_PEOPLE and s.role is _BODY and text[:1].isupper():
            # "Galois returned to mathematics ... He wrote": the person a sentence is about is the
            # latest person a later "he" or "she" can mean, whether or not they spoke
            lead = _LEADING_NP.match(text)
            np = lead.group("np").strip() if lead else ""
            if np[:4] in ("The ", "the ") or np in ("The", "A", "An"):
                np = ""  # "The Nordic (neighbours have published)": a phrase cut before its head, no person
            described = _THE_DESCRIBED.match(text) if not np and text[:1] in "TBA" else None
            if described is not None:
                np = described.group("name")  # "The elder Soros gives ...": Soros is whom a later "he" means
            if np.endswith(("'s", "’s")):
                np = np[:-2]  # "Meghan Markle's whirlwind romance ...": she, without the possessive
            # a name of two words or more opening the sentence ("Galois Smith returned"); else the sentence's
            # own subject as _own_subject finds it: a role before the name ("Obama consultant Cornell Belcher,
            # the highest-ranking African-American pollster, picked up ... 'he said'"), past a fronted phrase
            subj = classify(np, self.speakers) if " " in np or described is not None else None
            one_of = _ONE_OF_NAME.match(text) if " of " in text else None
            if one_of is not None and one_of.group("name").split()[0] not in first_names():
                one_of = None  # (a first name makes it a person: "one of ..., Our Revolution, ..." is a body)
            if one_of is not None:
                # "In 2009, one of Epstein's victims, Virginia Giuffre, filed a lawsuit ...": the name in apposition
                # to "one of ..." is the person the sentence is about (her later "She said" was Epstein's)
                subj = classify(one_of.group("name"), self.speakers)
            if subj is not None and subj.kind == "person" and subj.text[:1].isupper():
                self.speakers.remember(subj.text, "person")
            elif one_of is not None:
                pass
            else:
                first = text.split(None, 1)[0].lower()
                own = _own_subject(text, _NO_PLAIN, named_only=True) \
                    if LEAD_OWN_SUBJECT and first not in _NO_LEAD_NAME and not _QUOTE_CHARS.match(text) else None
                # (a full name or a titled one, "Sir Keir", only: a surname alone is as often someone already
                # remembered, or met in a description of someone else, as the person a later "he" means)
                at = text.find(own) if own is not None else -1
                titled = at > 0 and text[:at].split()[-1:] != [] \
                    and text[:at].split()[-1].lower().strip(".") in self.titles
                if own is not None and " and " not in own and (" " in own or titled or own in self.speakers.people or (
                        at >= 0 and text.startswith(", who ", at + len(own)))):
                    # (or a surname of a person met before: "Katjavivi, one of Geingob’s close friends, was ...",
                    # "On Tuesday morning, Ebrard presented data": the sentence is about them, a later "he" too)
                    # (or a single name a relative "who" describes: "Meanwhile Rihanna, who was honored ...")
                    named = classify(own, self.speakers)
                    if named is not None and named.kind == "person" and named.text[:1].isupper():
                        self.speakers.remember(named.text, "person")
                elif np and " " not in np and np in self.speakers.people:
                    # (the person the article named with this surname, even where the surname alone is also a
                    # city's name, which classify() refuses: "Dayton has been a longtime Clinton supporter")
                    self.speakers.remember(self.speakers.people[np], "person")
                elif "who" in self.words and not np:
                    # "The first witness at the trial was Hawks head Major-Gen Gopaul Govender, who ...": the person
                    # a copula introduces, whom a later "He said" means
                    met = _INTRODUCED.search(text)
                    named = classify(met.group("name"), self.speakers) if met is not None else None
                    if named is not None and named.kind == "person" and " " in named.text:
                        self.speakers.remember(named.text, "person")
        if text[:3] == "To " and s.role is _BODY:
            to = _TO_WHOM.match(text)
            named = classify(strip_titles(to.group("who")), self.speakers) if to is not None else None
            if named is not None and named.kind == "person" and " " in named.text:
                # "To Montclair State University political science professor Brigid Harrison, Christie's stare
                # seemed to reflect sadness. “It really looked like heartbreak,” she said.": the person whose view the
                # sentence gives is whom the next "she" means (it was the woman named before)
                self.speakers.remember(named.text, "person")
        if HONORIFIC_PEOPLE and self._honorifics and s.role is _BODY \
                and not (j.category is _ATTRIBUTED and self.subject == "person") and _HONORIFIC.search(text):
            # "... dangling political favors before Mr. Lassiter ... In fact, he says": the latest person
            # named with an honorific is what a later "he" or "she" can mean, whether or not they spoke
            # (not a name inside a quotation: the speaker's words, not the writer's narration)
            *_, last = _HONORIFIC.finditer(text)
            if not _QUOTE_CHARS.search(text[:last.start()]):
                self.speakers.remember(self.speakers.canonical(last.group("name")), "person")
        if self.speakers.mentioned and s.role is _BODY and not _PARTY_ROLES.isdisjoint(self.words):
            party = _PARTY_DESCRIPTION.search(text)
            meant = self.speakers.recent_titled() if party and not _QUOTE_CHARS.search(text, 0, party.start()) \
                else None
            if meant is not None:
                # "... the first scandal that the prominent Republican has had to deny. Earlier in the year,
                # he denied ...": the description means the titled person just named (Speaker Moore)
                self.speakers.remember(meant, "person")
        if s.role is _BODY and text[:1].isupper() and (j.category is not _ATTRIBUTED or self.tag == "link"):
            thing = _LEAD_DOCUMENT.match(text)
            if thing is not None and (thing.group("head") is None or thing.group("head") in DOCUMENT_HEADS):
                # "Article 5 is one of Nato's core principles. It says ...", "Sweden’s brochure includes
                # ... It tells people": the document a sentence opens with is what a later "it" means
                self.speakers.remember(thing.group("np"), "doc")
        if ("i" in self.words or "we" in self.words) and s.role is _BODY and not _QUOTE_CHARS.search(text) \
                and not any(q.start <= s.start < q.end for q in quotes):
            # (not inside a quotation: "There was one day I asked Gary about the smell" is a neighbour's
            # words about Gary, not the writer interviewing him)
            met = _INTERVIEWER.search(text)
            if met is not None:
                who = classify(strip_titles(met.group("who")), self.speakers)
                if who is not None and who.kind == "person":
                    self.speakers.interlocutor = who.text
            asked = _ASKED.search(text) if met is None and "question" in text else None
            if asked is not None:
                who = classify(asked.group("who"), self.speakers)
                if who is not None and who.kind in ("person", "org"):
                    self.asked = (s.block, who.text)
        if self.interviewee is None and "with" in self.words and s.role in (_BODY, _HEADING):
            qa = _QA_WITH.search(text)
            who = classify(strip_titles(qa.group("who")), self.speakers) if qa is not None else None
            if who is not None and who.kind == "person":
                self.interviewee = who.text
        self.interlocutors.append(self.speakers.interlocutor or (
            self.asked[1] if self.asked is not None and s.block - self.asked[0] == 1 else None))
        if j.category is _ATTRIBUTED and j.source and self.tag in ("colon", "verb") and text.endswith(":") \
                and self.subject in ("person", "org", "pronoun") and s.role in (_BODY, _HEADING):
            # (a speaker line set as a paragraph of its own reads as a heading: "Cruz continued:")
            self.block_speaker = (s.block, j.source)  # "Hewitt writes:": the next paragraph is theirs
        elif self.block_speaker is not None and s.block > self.block_speaker[0] + 1:
            self.block_speaker = None
        if (text[:4] == "She " or text[:3] == "He ") and s.role is _BODY and self.prev_text \
                and not _QUOTE_CHARS.match(text):
            self._unnamed_referent(text)
        self.prev_text = text if s.role is _BODY else ""
        self.recent_texts.append(text)
        self.prev = j
        self.prev_block = s.block
        self.prev_closes = text.endswith(_CLOSING_MARKS)  # (text is stripped) _CLOSING_END.search(text)
        return j

    def _unnamed_referent(self, text: str) -> None:
        """"... when he kidnapped his first known victim. She had been ...": a sentence of narration opening with "he"
        or "she" right after one that brings in a person it does not name ("his first known victim", "a woman"), when
        neither names the person the pronoun would mean: the pronoun is that unnamed person, and so is a later one of
        the same sex until someone of that sex is named (the Mirror's "She said: “I saw this big hole ...”" was Doris
        Zibulka's, a neighbour named paragraphs before, for the victim's)."""
        pronoun = "she" if text[0] == "S" else "he"
        sex = PRONOUN_SEX[pronoun]
        meant = self.speakers.person_for(pronoun)
        if meant is None:
            return
        last = meant.rsplit(None, 1)[-1]
        if last in text or any(last in t for t in self.recent_texts):
            return  # (named in this sentence or the four before: "Briskman had been working ... She thought")
        for m in _UNNAMED_PERSON.finditer(self.prev_text):
            noun = m.group("noun").lower()
            if _UNNAMED_PERSON_SEX.get(noun, sex) == sex and not _NAME_AFTER.match(self.prev_text, m.end()):
                self.speakers.unnamed_sexes.add(sex)
                return

    def _carried(self, source: str | None, block: int) -> str | None:
        """The speaker a quotation carries on from the sentence before: in an interview, the answer
        after the writer's question ("I ask Blair ..." then a quotation) is the interviewee's; so is the
        paragraph right after the writer put a question to someone ("I put the question to Acme Maps.")."""
        if source == "the author" and self.speakers.interlocutor:
            return self.speakers.interlocutor
        if source == "the author" and self.asked is not None and block - self.asked[0] == 1:
            return self.asked[1]
        return source

    def _block_quote(self, s: Sentence, text: str, quotes: Sequence[QuoteSpan]) -> Judgement | None:
        """The paragraph right after a speaker line that ends in a colon ("In the text accompanying the
        video post, Wallnau wrote:", "Hewitt writes:") is the speaker's block quotation, set without
        quotation marks: a sentence of it with no attribution of its own is theirs (one with its own,
        "The SEC said that ...", keeps it, as the hand-annotated set wants)."""
        speaker = self.block_speaker
        if speaker is None or not BLOCK_QUOTES or s.block != speaker[0] + 1 or s.role is not _BODY or quotes \
                or _QUOTE_CHARS.search(text):
            return None
        self.tag = "quote-cont"
        return Judgement(_ATTRIBUTED, speaker[1], ":", reason("block-quote", source=speaker[1]))

    def _continued_quotation(self, s: Sentence, text: str, quotes: Sequence[QuoteSpan]) -> Judgement | None:
        """A quotation that continues the previous sentence's speaker, or None."""
        prev = self.prev
        if prev is None or prev.category is not _ATTRIBUTED:
            return None
        if self.prev_block in (s.block, s.block - 1) and text[:1] in "\"“‘'":
            self.tag = "quote-cont"
            who = self._carried(prev.source, s.block)
            return Judgement(_ATTRIBUTED, who, "quotation", reason("quote-continues", source=who))
        if self.prev_block == s.block and any(q.start <= s.start and not q.closed for q in quotes):
            self.tag = "quote-in"
            who = self._carried(prev.source, s.block)
            return Judgement(_ATTRIBUTED, who, "quotation", reason("quote-inside", source=who))
        return None

    def _decide(self, s: Sentence, block: Block, text: str, quotes: Sequence[QuoteSpan],
                links: Sequence[Link]) -> Judgement:
        if block.ignore:
            self.tag = "fixed"
            return Judgement(_NONE, None, None, reason("ignored"))
        if s.role in _ROLE_REASONS:
            self.tag = "fixed"
            return Judgement(_NONE, None, None, _ROLE_REASONS[s.role])
        if not _HAS_LETTER.search(text):
            self.tag = "fixed"
            return Judgement(_NONE, None, None, reason("empty"))

        evidence: list[Evidence] = self._according(s) if "according" in self.words else []
        m = (_COLON_ATTR.match(text) or _COLON_CLAUSE.match(text)) if ":" in self.words or "):" in text else None
        if m:
            subj = classify(m.group("who"), self.speakers)
            if subj is not None and (m.re is _COLON_ATTR.rx or subj.kind in ("person", "org")) \
                    and _LEADING_INVERTED.match(m.group("who")) is None:  # "Said Smith:" is Smith's (_verbs)
                evidence.append(Evidence(_ATTRIBUTED, subj.text, ":", reason("colon", source=m.group("who"))))
        m = _AGED_COLON.match(text) if ":" in self.words and text[:4] == "The " and not evidence else None
        if m:
            # "The 80-year-old, a member of Tamworth Soroptimists: “I have lived in Tamworth ...”": a person described by
            # age, an aside, then a colon and their words (the Mirror's named nobody, at 0.96)
            subj = classify(m.group("who"), self.speakers)
            if subj is not None:
                evidence.append(Evidence(_ATTRIBUTED, subj.text, ":", reason("colon", source=subj.text), subj.kind))
        m = _LABEL_SPEAKER.match(text) if ":" in self.words and text[1:2].isupper() else None
        if m and m.group("who") not in _NOT_LABELS:
            # a transcript's speaker label: "FALLIN: I think he is ...", "JAKE TAPPER: Donald Trump released ..."
            # (its "I" is the speaker's, not the writer's): a full name, or a surname the article has named
            # (only a person the article has named: "SECOND FIX:", "MEDIA CONTACT:" are labels, not people)
            who = " ".join(w.capitalize() for w in m.group("who").split())
            surname = who.rsplit(None, 1)[-1]
            named = self.speakers.people.get(surname) or self.labels.get(surname) or (
                who if " " in who and (any(who in t for t in self.earlier[-200:])
                                       # or a first name and a surname: "JAKE TAPPER:" (never "SECOND FIX:")
                                       or who.split()[0] in first_names()) else None)
            if named is None and self.labels and " " not in who:
                # in a transcript (a label has named a speaker before), a surname alone is the person of that name
                # the article met before ("CLINTON:" after "Hillary Clinton's campaign says"; its "I believe"
                # was the writer's); never in an article without labels ("WASHINGTON: The ..." is a dateline)
                named = self._earlier_full_name(surname)
            subj = classify(named, self.speakers) if named else None
            if subj is not None and subj.kind == "person":
                self.labels[surname] = subj.text
                evidence.insert(0, Evidence(_ATTRIBUTED, subj.text, ":", reason("colon", source=subj.text), "person"))
                self.turn = (s.block, subj.text)
        if self.interviewee is None and s.role is _BODY and text[:1] == "Q" \
                and (_QUESTION_LABEL.match(text) or _BARE_QUESTION.match(text)) and self.earlier:
            self.interviewee = self._intro_interviewee()
        if self.interviewee is not None and s.role is _BODY:
            if text[:1] == "A" and (_ANSWER_LABEL.match(text) or (
                    self.bare_labels and _BARE_ANSWER.match(text) and block.text.lstrip().startswith(text[:40]))):
                # the answer of a question-and-answer interview: the interviewee's turn, until the next question
                # (its "I" is theirs, and so is every sentence of it: "A: It's a big mistake. Everybody's making it.")
                self.answering = True
            elif text[:1] == "Q" and (_QUESTION_LABEL.match(text) or _BARE_QUESTION.match(text)):
                self.bare_labels = self.bare_labels or _BARE_QUESTION.match(text) is not None
                self.answering = False
            if self.answering:
                self.turn = (s.block, self.interviewee)
        m = _DASH_CREDIT.search(text) if ":" in self.words and quotes and not evidence else None
        if m:
            # "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon Cohen: “Although ...": a round-up's
            # item, a headline, then its author and their words
            parts = [classify(who, self.speakers) for who in m.group("who").split(" and ")]
            if all(p is not None and p.kind in ("person", "org") for p in parts):
                # (two authors are both named: "Mark Blumenthal and Jon Cohen")
                who = " and ".join(p.text for p in parts if p is not None)
                kind = parts[0].kind if len(parts) == 1 and parts[0] is not None else "person"
                evidence.append(Evidence(_ATTRIBUTED, who, ":", reason("colon", source=who), kind))
        m = _QUOTE_CREDIT.match(text) if ":" in self.words and quotes else None
        if m:
            subj = classify(m.group("who"), self.speakers)
            if subj is not None:
                # the credit is a whole name ("Indeed Canada" is the job site, not the country)
                evidence.append(Evidence(_ATTRIBUTED, m.group("who"), ":", reason("quote-credit", source=m.group("who"))))
        here = _HERE_IS.match(text) if ":" in self.words and quotes and text[:4] == "Here" else None
        if here is not None:
            subj = classify(here.group("who"), self.speakers)
            if subj is not None and subj.kind in ("person", "org"):
                # "Here’s Clinton in December 1992: “Our new direction ...”": the writer hands over to a speaker
                evidence.append(Evidence(_ATTRIBUTED, subj.text, ":", reason("colon", source=subj.text)))
        if not self.lex.verb_forms.isdisjoint(self.words):  # else _verbs finds nothing
            evidence += self._verbs(s, quotes)
            own = _AS_SAID_ABOVE.match(text) if text[:3] == "As " else None
            if own is not None:
                # "As mentioned above, the solver handles ...": the writer points back to their own text; the claim
                # is the writer's own, unattributed (it was "attributed, no source")
                evidence = [e for e in evidence if e.pos != own.start("verb")]
        if "learned" in self.words:
            evidence += self._learned(text)
        if not _FINDING_VERBS.isdisjoint(self.words) and not _STUDY_HEADS.isdisjoint(self.words):
            study = _study_finds(text)
            if study:
                # (its verb's subject as _verbs finds it is a fragment: "Wilton for Newsweek", "Ipsos")
                evidence = [e for e in evidence if e.pos != study[0].pos] + study
        if not _MANNER_VERBS.isdisjoint(self.words):
            evidence += self._manner(s, text)
        if ("put" in self.words or "puts" in self.words) and "as" in self.words:
            # 'as anti-terror prosecutor Marc Trevidic put it, "..."', "As the LinkedIn chief executive, Jeff Weiner,
            # put it": who put it so speaks
            evidence += self._put_it(text)
        for link in links:
            if link.role is _CITATION and link.url and not link.self_citation:
                evidence.append(Evidence(_ATTRIBUTED, link.domain or link.url, "link",
                                         reason("link", source=link.domain or link.url)))
        if quotes:
            # words inside a quotation are the speaker's, not the attribution: "'Nobody should doubt
            # it. The speaker knows it,' she said." is Smith's, whoever "the speaker" is
            q_starts = [q.start for q in quotes]  # in order and not overlapping: bisect, not scan

            def quoted(e: Evidence) -> bool:
                at = s.start + e.pos
                k = bisect_right(q_starts, at) - 1
                return e.pos >= 0 and k >= 0 and at < quotes[k].end
            evidence = [e for e in evidence if not quoted(e)]
        if not quotes and "?" in self.words and _QUESTION.search(text):
            # "What has Trump said about Nato?": a question asks; a cue in it attributes nothing
            self.tag = "question"
            return Judgement(_NONE, None, None, reason("question"))
        if evidence and "hether" in text:
            span = _open_question(text)
            if span is not None:
                # "Whether American oil companies will agree to go back remains unclear", "It is not clear whether
                # Trump said it": the writer says nobody knows yet; a cue in the open question attributes nothing
                evidence = [e for e in evidence if e.category is not _ATTRIBUTED or not span[0] <= e.pos < span[1]]
        if evidence and not quotes and text[:2] in _TIME_CLAUSE_OPENS and _TIME_CLAUSE.match(text):
            # "When he agreed, she fled and phoned police": a verb in a fronted clause of time tells when the main
            # clause's act happened; it attributes nothing the main clause says (the Mirror's was the lawyer's words;
            # "When he agreed, she said ...": the main clause's speaker speaks)
            comma = text.find(",")
            evidence = [e for e in evidence if e.category is not _ATTRIBUTED or not 0 <= e.pos < comma]
        elif evidence and not quotes and text[:2] in _TIME_CLAUSE_OPENS and _TIME_OPENER.match(text):
            # "When the moderator pointed out that Trump hadn't answered, the candidate said ...": the fronted clause
            # of time is when; once the main clause after its comma says who speaks, that speaker is the source
            comma = text.find(", ")
            if comma > 0 and any(e.category is _ATTRIBUTED and e.pos > comma for e in evidence):
                evidence = [e for e in evidence if e.category is not _ATTRIBUTED or e.pos > comma]
        attributed = [e for e in evidence if e.category is _ATTRIBUTED]
        # whether every attribution is a citation link (one pass; the usual single cue needs no generator)
        only_links = bool(attributed) and (attributed[0].cue == "link" if len(attributed) == 1
                                           else all(e.cue == "link" for e in attributed))
        if only_links and not quotes:
            cta = self.lex.calls_to_action.match(text)
            if cta:
                # "Listen here on your chosen podcast platform.": a call to action in any format;
                # its link points the reader somewhere, it cites nothing (pipeline: a resource)
                self.tag = "cta"
                return Judgement(_NONE, None, cta.group(0).strip(), reason("call-to-action", cue=cta.group(0).strip()))
        if only_links and quotes:
            # a link's domain is never a quotation's speaker: a quotation that continues a speaker's
            # words is theirs, linked or not
            continued = self._continued_quotation(s, text, quotes)
            if continued is not None:
                return continued
            # nor is it when the quotation is the link's text ("called climate change “the greatest con job
            # ever”" linked to a video of the speech): the link shows where the words were said, the speaker is
            # whoever the sentence says said them, which the rest of the judge reads as if no link were there
            evidence = [e for e in evidence if e.cue != "link"]
            attributed = []
        if attributed:
            # someone's statement outranks a belief or intention it reports: "The administration plans
            # to cut 300 jobs, the Post has learned" is the Post's claim
            best = attributed[0]
            if len(attributed) > 1 and best.subject_kind in ("pronoun", "person") and not quotes:
                # "He agreed to sell it in 2010, records show.": a pronoun's act (resolved or not), reported by the
                # records at the end; they are the source a reader can check
                tail = _POST_POSED_RECORDS.search(text)
                if tail is not None:
                    best = next((e for e in attributed if e.pos >= tail.start()), best)
            if len(attributed) > 1 and text[:2] in _FRONTED_OPENS and _FRONTED_CLAUSE.match(text):
                # "While the Conservatives have said ..., Rachel Reeves has pledged ...": a fronted subordinate
                # clause's speaker concedes; the main clause's speaks
                comma = text.find(",")
                if 0 <= best.pos < comma:
                    best = next((e for e in attributed if e.pos > comma and e.subject_kind in ("person", "org")), best)
            if best.cue == "according to" and len(attributed) > 1:
                # "The AP reported that, according to an analysis of her calendar, 85 of the 154 meetings ...": the
                # reporting subject outside says it; "according to" is where its report says it comes from
                at = text.find("according")
                best = next((e for e in attributed if e.cue not in ("according to", "link", ":") and not e.belief
                             and e.subject_kind in ("person", "org") and 0 <= e.pos < at
                             and _VERB_THAT_ACCORDING.fullmatch(text, e.pos, at + 9)), best)
            if quotes and best.cue in ("according to", "link"):
                # '"...trust but verify," Baker said, according to a report': the quotation's speaker
                # is the subject of the verb beside it, not the report or the linked page
                best = next((e for e in attributed if e.cue not in ("according to", "link", ":")
                             and e.subject_kind in ("person", "org", "pronoun", "author")), best)
            if best.belief:
                best = next((e for e in attributed if not e.belief and e.pos > best.pos
                             and _trailing_clause(text, e.pos)), best)
            if len(attributed) > 1 and text[:5] == "That " and best.cue not in ("according to", "link", ":"):
                # "That Xi personally announced the targets signals a “very high-level commitment”, says Belinda
                # Schäpe, a policy lead": a clause that is the subject ("That ...") is what the closing credit's
                # speaker says, its verb included (it was Xi's). Not "Smith accused the mayor, Jones said": there
                # PolNeAR's annotators credit the act to its actor (tuning source -36 when it was Jones's)
                last = max(attributed, key=lambda e: e.pos)
                if last is not best and last.pos > best.pos and not last.belief and not best.belief \
                        and last.subject_kind in ("person", "org") and _trailing_clause(text, last.pos) \
                        and last.cue in self.lex.verbs and self.lex.verbs[last.cue].cls == "speech" \
                        and _SENTENCE_END_AFTER.match(text, last.pos + len(last.cue)):
                    best = last
            if len(attributed) > 1 and best.cue not in ("according to", "link", ":") and ("“" in text or "''" in text):
                # "Surveys show that “most farmers are calm,” said Oskar Lind, the head of the union": a quotation
                # opened after the first cue and credited at the sentence's end is the credit's speaker's, the cue
                # before it included (it was "Surveys"'s); a named credit only ('...: “...,” she said' is the first
                # cue's speaker's), not one in brackets ('... headline writers (“...,” declared La Stampa), but ...')
                last = max(attributed, key=lambda e: e.pos)
                if last.pos > best.pos >= 0 and not last.belief and last.subject_kind in ("person", "org") \
                        and _OPENS_QUOTE.search(text, best.pos, last.pos) is not None \
                        and (credit := _CREDIT_BEFORE.search(text, max(0, last.pos - 60), last.pos)) is not None \
                        and _SUBJECT_PRONOUNS.isdisjoint(credit.group(0).lower().split()) \
                        and ")" not in text[last.pos:] \
                        and last.cue in self.lex.verbs and self.lex.verbs[last.cue].cls == "speech" \
                        and _SENTENCE_END_AFTER.match(text, last.pos + len(last.cue)):
                    best = last
            if best.subject_kind == "author" and len(attributed) > 1 and text.rstrip()[-1:] == ":":
                # "When the moderators yielded to snark—and do we know how tempting that is!—Cruz called them on
                # it:": the writer's aside is no speaker of the line that introduces a quotation; its named
                # speaker is (the quotation after it was the author's)
                best = next((e for e in reversed(attributed) if e.pos > best.pos
                             and e.subject_kind in ("person", "org")), best)
            if (best.subject_kind == "pronoun" and ((best.source or "").lower() == "they" or best.belief)) or (
                    best.belief and best.pos > 0 and text[:best.pos].rsplit(None, 1)[-1:] in (["he"], ["she"])):
                # "authorities announced they had located what they believed": an unresolved "they"
                # is the group the sentence named before it, whose verdict (vague) then stands; so is a
                # pronoun's belief inside what people nobody names said ("Friends close to the Duchess said
                # she wanted fame", "Ex-friends told the Daily Mail that ... she thought", resolved or not)
                group = next((e for e in evidence if e.subject_kind == "unnamed" and e.source
                              and 0 <= e.pos < best.pos), None)
                if group is not None:
                    self.tag, self.subject = "unnamed", "unnamed"
                    return Judgement(_VAGUE, group.source, group.cue, group.reason)
            if self.turn is not None and self.turn[0] == s.block and best.source != self.turn[1] and (
                    best.subject_kind == "author" or (
                        best.cue != "according to" and s.role is _BODY
                        and self.labels.get(self.turn[1].rsplit(None, 1)[-1]) == self.turn[1]
                        and len(set(self.labels.values())) > 1)):
                # "FALLIN: I think ... . And I think that is the message.": the turn's speaker, not the writer; and in
                # a conversation, "If you watch what he said this week, he talked about ..." is what the turn's
                # speaker says he said (it was Trump's): a labelled turn is the speaker's words, as a quotation is
                best = Evidence(_ATTRIBUTED, self.turn[1], best.cue, reason("named", source=self.turn[1], cue=best.cue),
                                "person", best.pos, best.belief)
            cues = best.cue if len(attributed) == 1 else \
                " / ".join(dict.fromkeys(e.cue for e in attributed if e.source == best.source))
            self.tag = _CUE_TAGS.get(best.cue, "verb")
            if self.tag == "verb" and text.endswith(":") and best.subject_kind in ("person", "org"):
                self.tag = "colon"  # "As Reuters reported:" introduces what follows: a speaker line
            self.subject = best.subject_kind
            # built with the confidence its basis has, its source's way included (named in the sentence or
            # resolved: _source_way's answer for the rules' own source), so that judge_sentences keeps it as it
            # is unless the learned part or the guards change it (no second judgement built per sentence)
            way = (":named" if best.source.rsplit(None, 1)[-1] in text else ":resolved") if best.source else ":none"
            return new_judgement(_ATTRIBUTED, best.source, cues, best.reason, (),
                                 _rule_way_confidence(self.tag, self.subject, way))

        if self.answering and self.interviewee is not None:
            # a sentence of an interview's answer with no attribution of its own: the interviewee's words
            self.tag = "quote-cont"
            return Judgement(_ATTRIBUTED, self.interviewee, ":", reason("qa-answer", source=self.interviewee))
        if self.turn is not None and self.turn[0] == s.block and s.role is _BODY \
                and self.labels.get(self.turn[1].rsplit(None, 1)[-1]) == self.turn[1] \
                and len(set(self.labels.values())) > 1:
            # 'MARK PELLER: This is a man who promised a clean race. He is now running attack ads.': the rest of a
            # transcript's labelled turn is the speaker's words as much as its first sentence (it was the writer's);
            # only in a conversation (two labelled speakers so far): "PARIS: The council voted ..." may be a dateline
            self.tag = "quote-cont"
            return Judgement(_ATTRIBUTED, self.turn[1], ":", reason("transcript-turn", source=self.turn[1]))
        # (after the sentence's own attributions: "CoinDesk reported:" then "The SEC said that ..." is the SEC's)
        block_quote = self._block_quote(s, text, quotes) if self.block_speaker is not None else None
        if block_quote is not None:
            return block_quote

        # ('"The drop is all about the emails," said a person close to the campaign.': a speaker of its own,
        # unnamed, whose words these are; not a continuation of the named speaker before it)
        continued = self._continued_quotation(s, text, quotes) if quotes and not any(
            e.subject_kind == "unnamed" for e in evidence) and _UNNAMED_SPEAKER_AFTER.search(text) is None else None
        if continued is not None:
            return continued

        # (the quotation opens with the sentence: one mark, or the two apostrophes of the NYT's archive)
        if quotes and any(q.start <= s.start + 2 and q.end >= s.end - 2 for q in quotes):
            # all of it inside a quotation whose speaker comes later ('..." Smith said.'): the
            # speaker is filled in from the sentence that names them (judge_sentences)
            self.tag = "quote-pending"
            return Judgement(_ATTRIBUTED, None, "quotation", reason("quote-pending"))

        if quotes and self.speakers.interlocutor:
            # an interview's quotation with no speaker of its own ('"Yes, of course," he snaps.'):
            # the answer of the person interviewed
            self.tag = "quote-in"
            who = self.speakers.interlocutor
            return Judgement(_ATTRIBUTED, who, "quotation", reason("quote-interview", source=who))

        # the first vague cue decides: the hedges are searched only when the evidence holds none
        vague = [e for e in evidence if e.category is _VAGUE] or self._hedges(s)
        if vague:
            best = vague[0]
            self.tag = "hedge" if best.source is None else "unnamed"
            return Judgement(_VAGUE, best.source, best.cue, best.reason)

        if s.role is _HEADING:
            if _LABEL_HEADING.match(text) or (len(text.split()) <= 3 and not _short_claim(text)):
                self.tag = "label"
                return Judgement(_NONE, None, None, reason("label"))
            self.tag = "heading"
            return Judgement(_UNATTRIBUTED, None, None, reason("heading-claim"))
        if "?" in self.words and _QUESTION.search(text):
            self.tag = "question"
            return Judgement(_NONE, None, None, reason("question"))
        cta = self.lex.calls_to_action.match(text)
        if cta:
            self.tag = "cta"
            return Judgement(_NONE, None, cta.group(0).strip(), reason("call-to-action", cue=cta.group(0).strip()))
        return _PLAIN


# a quotation's own speaker, unnamed, right after it: '," said a person close to the campaign', '," one aide said'
_UNNAMED_SPEAKER_AFTER = LazyRe(r"[,?!][\"”’']\s+(?:(?:said|says|told|added|explained|wrote|tweeted)\s+"
                                r"(?P<who>(?:a|an|one|another|several|some)\s[^.,;:\"“”]{1,80})|(?P<who2>(?:a|an|one|"
                                r"another|several|some)\s+[^.,;:\"“”]{0,80}?)\s+(?:said|says|told|added)\b)")
_TIME_CLAUSE = LazyRe(r"(?:When|Once|After|Before|Until|As\s+soon\s+as)\s+(?:he|she|they|we|I|[A-Z][a-z]+)\s+(?:had\s+)?"
                      r"[a-z]+ed\s*,")  # "When he agreed,", "After Smith complained,": a short clause of time
# a fronted "To <someone>," that gives whose view a sentence is ("To professor Brigid Harrison, ...")
_TO_WHOM = LazyRe(r"To\s+(?P<who>[^,;:“”\"]{3,90}?[A-Z][a-z][\w'’-]*),\s")
_TIME_CLAUSE_OPENS = frozenset({"Wh", "On", "Af", "Be", "Un", "As"})
_TIME_OPENER = LazyRe(r"(?:When|Once|After|Before|Until|As\s+soon\s+as)\s")  # a fronted clause of time, any length
_FRONTED_CLAUSE = re.compile(r"(?:While|Whilst|Although|Though|Whereas|Even\s+though|Even\s+as)\s")
_FRONTED_OPENS = frozenset({"Wh", "Al", "Th", "Ev"})  # the first two letters of its words: a cheap test first
_CUE_TAGS = {"according to": "according", ":": "colon", "link": "link"}  # the rule tag of an attribution's cue


# Evidence the learned part may not overrule: a quotation, "according to", a colon speaker line, and
# a citation link (a claim linked to its source is attributed, whatever the wording around it).
# "Blair, the campaign's political director, disputes that ...": a named speaker's denial of a claim is their
# statement (the learned part, reading the verb as no statement, made it the writer's)
_DENIALS = frozenset({"denies", "denied", "disputes", "disputed", "rejects", "rejected", "refutes", "refuted",
                      "contests", "contested"})
_FIRM_TAGS = frozenset({"quote-cont", "quote-pending", "quote-in", "according", "colon", "link"})
_SPEAKER_BEFORE = frozenset({"pron", "name", "name0", "np", "after-name", "after-pron", "punct", "unnamed"})


def _supports_attribution(infos: Sequence[SentenceInfo], blocks: Sequence[int], i: int, sourced: bool) -> bool:
    """The learned part may call a sentence attributed against the rules only with something to
    show for it: a quotation, a speaker line ending in a colon, an attributed sentence just before,
    or a reliable cue with a speaker before it; when a source was named nearby (`sourced`), a less
    reliable cue with a speaker before it is enough."""
    info = infos[i]
    if info.quote_in or info.quote_out or info.pair3 or info.marks % 2 or info.lead or info.colon_end:
        return True
    if i > 0:
        prev = infos[i - 1]
        if blocks[i - 1] == blocks[i]:
            if prev.rule == "attributed" or prev.colon_end or prev.quote_in:
                return True
        elif prev.colon_end or prev.lead:
            return True
    m = mined()
    if (m.gate_firsts if sourced else m.strong_firsts).isdisjoint(info.words):
        return False
    least = GATE_RELIABLE if sourced else GATE_STRONG
    return any(c.reliability >= least and kind in _SPEAKER_BEFORE and not _as_noun(info, k, c)
               and not _cue_no_speech(info, k, c)
               for (k, c), (_, kind) in zip(_subject_cues(info), info.subjects, strict=True))


_ADDED = frozenset({"added", "adds", "add"})
_TOKEN_PRONOUNS = _FEATURE_PRONOUNS | {"you"}  # the learned part's subject pronouns, and the generic "you"
_ADDED_TO_THING = frozenset({"the", "its", "their", "his", "her", "our", "a", "an"})


def _cue_no_speech(info: SentenceInfo, k: int, c: Cue) -> bool:
    """Whether the cue at token k is no speech: "added" in its sense of increase, an amount after it ("added 300
    jobs") or "to" a thing ("added to the debate"), with no quotation in the sentence (the rules' _ADD_AMOUNT, read
    on tokens); or a participle pointing within the writer's text ("the obstacles mentioned above", "As said
    before,")."""
    if k + 2 >= len(info.toks) or info.marks:
        return False
    nxt = info.toks[k + 1]
    if c.text not in _ADDED:
        return (c.text.endswith("ed") or c.text == "said") and (nxt in ("above", "below") or (
            nxt in ("earlier", "previously", "before") and not info.toks[k + 2][:1].isalnum())) and k > 0 \
            and info.toks[k - 1] not in _TOKEN_PRONOUNS
    return nxt[:1].isdigit() or nxt in ("$", "£", "€") or (nxt == "to" and info.toks[k + 2] in _ADDED_TO_THING) \
        or "what" in info.toks[max(0, k - 3):k]  # "what he has added (to Node.js)"


def _subject_cues(info: SentenceInfo) -> list[tuple[int, Cue]]:
    """The cues SentenceInfo.subjects describes, with their token positions, in the same order."""
    return [(k, c) for k, c in info.found if c.cls in _SUBJECT_CLASSES or c.reliability >= 0.5]


# what makes a reporting verb's form a noun or an adjective: "the claim that", "his claim", "the UK's
# claim", "The reported Pentagon memo" (the rules' _NOUN_BEFORE / _DETERMINER_BEFORE, on tokens)
_NOUN_LEADS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                         "these", "those"})


def _as_noun(info: SentenceInfo, k: int, c: Cue) -> bool:
    """Whether the reporting-verb cue at token k reads as a noun or an adjective there."""
    if c.cls != "reporting-verb" or k == 0:
        return False
    w = info.toks[k - 1]
    return w in _NOUN_LEADS or w.endswith("'s")


# the cue classes that can carry a neighbour's speaker in: not a noun ("other speculation about")
_CARRY_CLASSES = frozenset({"reporting-verb", "belief-verb", "multiword", "adjective", "adverb", "other"})


def _subject_word(toks: Sequence[str], k: int) -> str:
    """The word before the cue at token k, past auxiliaries and adverbs (features._subject_kind's walk)."""
    j = k - 1
    while j >= 0 and toks[j] in _SUBJECT_SKIP and k - j <= 3:
        j -= 1
    return toks[j] if j >= 0 else ""


# a preposition before a cue makes it a noun ("on promises of", "about claims"); "to" is left out
# ("to say"), and so are "as", "if", "since" of speakers.PREPOSITIONS ("as alleged", "if he says")
_NOUN_PREPOSITIONS = frozenset({"on", "of", "for", "with", "about", "in", "by", "from", "against", "over", "amid",
                           "despite", "after", "without"})


def _modifier(toks: Sequence[str], k: int) -> bool:
    """Whether the cue at token k is a noun after a preposition ("voted for her on promises of") or a
    participle modifying the noun after it, inside a noun phrase ("this latest alleged scandal")."""
    if k == 0:
        return False
    if toks[k - 1] in _NOUN_PREPOSITIONS:
        return True
    return toks[k].endswith("ed") and k >= 2 and toks[k - 2] in _NOUN_LEADS \
        and k + 1 < len(toks) and toks[k + 1].isalpha() and toks[k + 1] not in _CLAUSE_WORDS


_CLAUSE_WORDS = frozenset({"that", "he", "she", "they", "it", "i", "we", "the", "a", "an", "his", "her", "their",
                           "on", "in", "to", "as", "at", "by", "for", "with", "of", "and", "but", "or", "this"})


# the publication's own reporting, in the British press's words: no neighbour's speaker carries into it
_THIRD_PERSON = frozenset({"he", "him", "she"})
_OWN_SCOOP = LazyRe(r"\b(?:[Ii]t\s+can\s+(?:now\s+|also\s+|today\s+|exclusively\s+)*be\s+(?:revealed|disclosed)"
                    # (not a person's "he can reveal": the paper's name, or "we")
                    r"|(?<![Hh]e\s)(?<![Ss]he\s)(?<![Tt]hey\s)(?<!I\s)(?<![Yy]ou\s)can\s+"
                    r"(?:now\s+|also\s+|today\s+|exclusively\s+)*(?:reveal|disclose)\b)")


# a poll or a study a sentence opens with, what it is of and who made it, then its finding verb: "A poll of 1,500 US
# eligible voters conducted by Redfield and Wilton for Newsweek back in May found that ..." (the "and" of the
# pollster's name is no clause boundary; a poll is a source, as PolNeAR counts it)
_STUDY_HEADS = frozenset({"poll", "survey", "study", "report", "analysis", "review", "audit", "census", "inquiry",
                          "investigation", "experiment", "trial", "paper", "forecast", "outlook", "projection",
                          "assessment"})
_FINDING_VERBS = frozenset({"found", "finds", "shows", "showed", "shown", "suggests", "suggested", "revealed",
                            "reveals", "concluded", "concludes", "indicated", "indicates"})
_STUDY_FINDS = LazyRe(
    r"^(?:[A-Z][\w’'-]*(?:\s+[^\s,;:]+){0,8},\s+)?"
    r"(?P<np>(?P<lead>(?:[Aa]n?|[Tt]he|[Tt]his|[Oo]ne)\s+(?:[a-z][\w-]*\s+|[A-Z][\w&.-]*\s+){0,2}?"
    r"(?:poll|survey|study|report|analysis|review|audit|census|inquiry|investigation|experiment|trial|paper|"
    r"forecast|outlook|projection|assessment))\b"
    r"(?P<rest>(?:[^,;:\"“”()]|(?<=\d),(?=\d)){0,140}?))"
    r"(?<!\sbe)(?<!\sbeen)(?<!\sis)(?<!\swas)(?<!\swere)(?<!\sare)"  # "The full poll can be found here": a passive
    r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?P<verb>found|finds|shows|showed|shown|suggests|suggested|revealed|"
    r"reveals|concluded|concludes|indicated|indicates)\b")
# the pollster or authors after "by" in what follows a study's head: "conducted by Redfield and Wilton"
_STUDY_AGENT = re.compile(r".*?\bby\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w&.'’-]*){0,4}")


def _study_finds(text: str) -> list[Evidence]:
    """'A poll of 1,500 voters conducted by Redfield and Wilton ... found that ...': the poll is the source,
    reported up to its maker ("A poll of 1,500 US eligible voters conducted by Redfield and Wilton"), or as its
    head alone ("A new study")."""
    m = _STUDY_FINDS.match(text)
    if m is None:
        return []
    agent = _STUDY_AGENT.match(m.group("rest"))
    if len(m.group("np").split()) <= 6:
        src = m.group("np")  # "An investigation in Sweden (has revealed)": short enough to give whole
    else:
        src = m.group("lead") + (agent.group(0) if agent is not None and len(agent.group(0).split()) <= 12 else "")
    return [Evidence(_ATTRIBUTED, src, m.group("verb"), reason("subject", source=src, cue=m.group("verb")), "other",
                     m.start("verb"))]


def _carrying_cue(info: SentenceInfo) -> bool:
    """Whether the sentence holds a cue of its own that lets a neighbour's speaker in: one of
    reliability >= CARRY_CUE, read as a cue (not "the claim", "the reported memo"), whose own subject is
    not in the sentence ("he says", "reportedly", "Added that"). A cue whose subject the sentence names
    ("every North Carolinian who voted for her", "North Carolinians voted") is that subject's act, not
    the neighbour's words."""
    if info.best_reliability() < CARRY_CUE:
        return False
    if "can" in info.words and _OWN_SCOOP.search(info.text):
        return False  # "It can also be revealed that ...", "The Telegraph can reveal": the paper's own reporting
    if WRITER_I and "i" in info.words and not info.marks and not _THIRD_PERSON.isdisjoint(info.words):
        # "The look he gives me when I ... asked him ...": outside any quotation, an "I" who tells of a "he" or a
        # "she" is the writer, whose own narration no neighbour's speaker carries into (an "I" alone may be a
        # speaker's answer in a transcript set without quotation marks)
        return False
    # (measured on PolNeAR: leaving out every cue with a name or a noun phrase before it as well cost
    # 0.006 accuracy there, where an actor's act counts as attributed; a relative "who" costs 0.001)
    # nor a cue whose subject is people the sentence names for itself ("experts point to ...", "analysts
    # say"): nobody in particular, never the neighbour's speaker
    unnamed = lexicon().unnamed
    return any(c.reliability >= CARRY_CUE and c.cls in _CARRY_CLASSES and not _as_noun(info, k, c)
               and not _modifier(info.toks, k) and (w := _subject_word(info.toks, k)) != "who" and w not in unnamed
               and (c.cls != "adverb" or _speech_after(info.toks, k))
               for k, c in info.found)


def _speech_after(toks: Sequence[str], k: int) -> bool:
    """Whether the adverb cue at token k modifies a verb of speech ("repeatedly said", "publicly denied"): an
    adverb tells how something was done, and is a cue only through the verb it modifies ("She has repeatedly
    worn dresses by Me+Em" is the writer's, whoever spoke before it)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else ""
    return nxt in lexicon().verb_forms or (nxt in mined().cues and mined().cues[nxt].cls != "adverb")


# a claim closed by its speaker and a reporting verb: "..., Blackwell maintains."
# records that speak at a sentence's end: "He sold it in 2010, records show.", "..., court documents showed."
_POST_POSED_RECORDS = LazyRe(r",\s+(?:[a-z]+\s+){0,2}(?:" + "|".join(sorted(RECORD_PLURALS)) + r")\s+"
                             r"(?:show|showed|suggest|indicate|reveal)\s*[.!]?[\"”’']?\s*$")
_POST_POSED = LazyRe(rf",[\"”’']?\s+(?P<who>{_NAME})\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\s*[.!]?[\"”’']?\s*$")


# "..., the Post reports.", "..., the newspaper reports.": a body led by "the" after the claim, then its verb (its
# name may go on with a noun: "..., the Pew Research Center analysis shows.")
_POST_POSED_THE = LazyRe(r",[\"”’']?\s+the\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+[a-z]+)?|[a-z]+)\s+"
                         r"(?:[a-z]+ly\s+)?[a-z]+"
                         r"\s*[.!]?[\"”’']?\s*$")


def _post_posed(text: str) -> bool:
    """Whether a sentence ends on ", Name verb." with a reporting verb: the claim before it is theirs."""
    m = _POST_POSED.search(text) if "," in text else None
    return m is not None and m.group("verb") in lexicon().verb_forms


def _supports_vague(info: SentenceInfo) -> bool:
    """... and vague only with a cue mostly used without a named source, or an unnamed source."""
    if mined().gate_firsts.isdisjoint(info.words):
        return False
    for _, c in info.found:
        if c.vague_share >= GATE_VAGUE_SHARE and c.reliability >= GATE_VAGUE_RELIABLE:
            return True
    return info.unnamed_head or any(kind == "unnamed" for _, kind in info.subjects)


def _may_change(j: Judgement, s: Sentence, infos: Sequence[SentenceInfo], blocks: Sequence[int], i: int,
                sourced: bool) -> bool:
    """Whether the learned part could change the rules' verdict at all: if not, it is not run."""
    if j.category is _ATTRIBUTED:
        # a quotation, 'according to' or a colon speaker line: on PolNeAR's tuning part the learned
        # part overruled these once in 2,200 sentences (wrongly); it is not asked; nor about a claim
        # its named speaker closes ("..., Blackwell maintains.")
        return infos[i].tag not in _FIRM_TAGS and not (
            infos[i].subject in ("person", "org") and _post_posed(infos[i].stripped)) and not (
            infos[i].subject in ("person", "org") and j.cue in _DENIALS and j.cue + " that " in infos[i].stripped)
    if j.category is _VAGUE:
        return True
    if infos[i].tag in ("fixed", "question") or (j.category is _NONE and s.role is not _BODY
                                   and s.role is not _HEADING):
        return False
    if _supports_attribution(infos, blocks, i, sourced) or _supports_vague(infos[i]):
        return True
    # GATE_NAMED: a sure model with a known source; only worth asking when the sentence holds a cue
    # of some reliability (GATE_NAMED_CUE; measured: the same figures as asking always, with the
    # model run on 2,195 of corpus/text's 5,398 sentences instead of 2,847; 2,017 before GATE_NAMED)
    return infos[i].best_reliability() >= GATE_NAMED_CUE \
        and (sourced or (s.role is _BODY and _named_lead(s.text) is not None))


_MARK_TOKENS = frozenset({'"', "“", "”", "''"})  # the quotation-mark tokens a sentence's marks are counted for


def plain_spaces(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...]
                 ) -> tuple[tuple[Block, ...], tuple[Sentence, ...]]:
    """The blocks and sentences with no-break spaces read as spaces, for the rules only (the report keeps the
    text as written): a quarter of PolNeAR's articles write "April,\xa0Trump" or "he\xa0told", and the rules'
    patterns and word splits look for plain spaces. Same length, so every offset holds."""
    if not any("\xa0" in b.text for b in blocks):
        return blocks, sentences
    return (tuple(replace(b, text=b.text.replace("\xa0", " ")) if "\xa0" in b.text else b for b in blocks),
            tuple(replace(s, text=s.text.replace("\xa0", " ")) if "\xa0" in s.text else s for s in sentences))


def analyse_sentences(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...],
                      quotes_by_block: dict[int, list[QuoteSpan]], links: Sequence[Link],
                      ) -> tuple[list[Judgement], list[SentenceInfo]]:
    """The rules' judgement of every sentence, and what the learned part weighs (built on demand)."""
    blocks, sentences = plain_spaces(blocks, sentences)
    judge = Judge()
    links_by_sentence: dict[int, list[Link]] = {}
    for link in links:
        if link.sentence is not None:
            links_by_sentence.setdefault(link.sentence, []).append(link)
    per_block: dict[int, int] = {}
    for s in sentences:
        per_block[s.block] = per_block.get(s.block, 0) + 1
    rules: list[Judgement] = []
    infos: list[SentenceInfo] = []
    prev_block = -1
    no_links: list[Link] = []
    # Top-level quotations of a block do not overlap and come in order, so their starts and ends
    # are both sorted: the ones a sentence overlaps are found by bisection (a block with thousands
    # of quotations stays linear).
    spans = {b: ([q.start for q in qs_], [q.end for q in qs_]) for b, qs_ in quotes_by_block.items() if qs_}
    # One string object per distinct token of the article: the token lists of every sentence stay
    # alive until the learned part has judged them all, and "according", "to" and "Reuters" 64,000
    # times over were a third of the peak memory of a 2 MB text (issue #16)
    canon: dict[str, str] = {}
    same = canon.setdefault
    judge_one = judge.judge
    add_rule, add_info = rules.append, infos.append
    findall = TOKEN.findall
    no_quotes: list[QuoteSpan] = []
    for s in sentences:
        b = s.block
        block_quotes = quotes_by_block.get(b)
        if block_quotes:
            starts, ends = spans[b]
            qs = block_quotes[bisect_right(ends, s.start):bisect_left(starts, s.end)]
        else:
            qs = no_quotes
        text = s.text
        found = findall(text)
        raw = list(map(same, found, found))
        if raw:  # lower_tokens(raw), inline
            found = "\x00".join(raw).lower().replace("’", "'").split("\x00")
            toks = list(map(same, found, found))
        else:
            toks = []
        wset = set(toks)
        remember_words(text, wset)  # the outlet and primary-source scans read it after the judge
        j = judge_one(s, blocks[b], qs, links_by_sentence.get(s.index, no_links), wset)
        add_rule(j)
        if qs:
            quote_in = any(q.start < s.start for q in qs)
            quote_out = any(q.end > s.end or (not q.closed and q.end >= s.end - 1) for q in qs)
            pair3 = any(q.text.count(" ") >= 2 for q in qs)
        else:
            quote_in = quote_out = pair3 = False
        marks = 0 if _MARK_TOKENS.isdisjoint(wset) else \
            text.count('"') + text.count("“") + text.count("”") + text.count("''")
        info = SentenceInfo(text, raw, toks, _RULE_NAME[j.category], judge.tag, judge.subject, _ROLE_NAME[s.role],
                            quote_in, quote_out, marks, pair3, b != prev_block, per_block[b], s.index)
        if toks and (toks[0] == "he" or toks[0] == "she") and GENDER_CARRY:
            # "She addressed Muslim-Americans ...": whom the pronoun can mean, for the carry of a neighbour's speaker
            sex = PRONOUN_SEX[toks[0]]
            info.pronoun = (sex, judge.speakers.person_for(toks[0]), judge.speakers.sex_of)
        elif judge.speakers.referents and len(toks) > 1:
            info.referent = judge.speakers.referents.get(toks[0] + " " + toks[1])  # "The latter ...": whom it means
        add_info(info)
        prev_block = b
    _fill_pending(sentences, rules, infos, judge.interlocutors)
    return rules, infos


def _fill_pending(sentences: tuple[Sentence, ...], rules: list[Judgement], infos: list[SentenceInfo],
                  interlocutors: Sequence[str | None] = ()) -> None:
    """Sentences inside a quotation whose speaker is named after it take that speaker; with no
    speaker in the paragraph they stay the writer's (unattributed) for the learned part to weigh."""
    for i, j in enumerate(rules):
        if j.cue != "quotation" or j.source is not None or j.category is not _ATTRIBUTED:
            continue
        if infos[i].tag in ("quote-cont", "quote-in"):
            # it continues a quotation whose own speaker was pending (filled in just before, in order)
            prev = rules[i - 1] if i else None
            if prev is not None and prev.category is _ATTRIBUTED and prev.source:
                rules[i] = Judgement(_ATTRIBUTED, prev.source, "quotation",
                                     reason("quote-continues", source=prev.source))
                continue
        elif infos[i].tag != "quote-pending":
            continue
        k = i + 1
        # (once the quotation has closed with no speaker, the writer's narration after it names none:
        # '"He would say: ..." Epstein would later ask to meet ...'; only a short attribution line may,
        # '... in my bedroom." Lacerda said.')
        # (a sentence ending on a single mark inside the quotation, "... he used the word 'unqualified.'", has not
        # closed it: the quotation runs on past it, and its speaker may still be named)
        while k < len(rules) and (sentences[k].block == sentences[k - 1].block or _quotation_goes_on(infos, k)) \
                and not (_CLOSED_AT_END.search(sentences[k - 1].text) and len(sentences[k].text.split()) > 6
                         and not (NESTED_CLOSE and infos[k - 1].quote_out)):
            later = rules[k]
            # past its own paragraph, only the attribution of the quotation where it closes
            # (not a sentence the quotation runs through: "... were not publicly disclosed by the Clintons, despite
            # ..." inside the Times's words is no attribution of them)
            if later.category is _ATTRIBUTED and later.source and later.cue != "quotation" \
                    and not (infos[k].quote_in and infos[k].quote_out) and (
                    sentences[k].block == sentences[i].block or (infos[k].tag == "verb" and infos[k].marks
                                                                 and not _named_within(later.source, infos, i, k))):
                rules[i] = Judgement(_ATTRIBUTED, later.source, "quotation",
                                     reason("quote-named-after", source=later.source))
                break
            k += 1
        else:
            who = interlocutors[i] if i < len(interlocutors) else None
            rules[i] = Judgement(_ATTRIBUTED, who, "quotation", reason("quote-interview", source=who)) if who \
                else Judgement(_UNATTRIBUTED, None, None, reason("quote-no-speaker"))
    # A paragraph that opens with a quotation credited to the speaker before it, but whose own
    # speaker is named at its end ('"Everybody is laughing at Jeb Bush ... ," Trump tweeted.'):
    # the whole quotation is the later speaker's (issue #14: quotes credited to the previous speaker)
    i = 0
    while i < len(rules):
        if infos[i].tag != "quote-cont" or not infos[i].first_in_block:
            i += 1
            continue
        # a quotation left open at a paragraph's end goes on in the next paragraph, which opens with a
        # mark: its speaker is found at its attribution, wherever that is (a forward search)
        k = i + 1
        while k < len(rules) and infos[k].tag in _QUOTE_TAGS and (
                sentences[k].block == sentences[k - 1].block or _quotation_goes_on(infos, k)):
            k += 1
        goes_on = k < len(rules) and _quotation_goes_on(infos, k)  # '"He should drop out," Trump tweeted.'
        if k < len(rules) and (sentences[k].block == sentences[k - 1].block or goes_on) and infos[k].tag == "verb" \
                and not (infos[k].quote_in and infos[k].quote_out) \
                and (infos[k].lead is False or goes_on) and rules[k].category is _ATTRIBUTED and rules[k].source \
                and rules[k].source != rules[i].source \
                and (infos[k].quote_in or infos[k].marks or _names_split_quote(sentences[k - 1].text, sentences[k].text,
                                                                               rules[k].cue)) \
                and (sentences[k].block == sentences[i].block or not _named_within(rules[k].source or "", infos, i, k)):
            speaker = rules[k].source
            for m in range(i, k):
                if rules[m].category is _ATTRIBUTED:
                    rules[m] = Judgement(_ATTRIBUTED, speaker, "quotation", reason("quote-named-after", source=speaker))
        i = k
    # A quotation the sentence splitter cut off after its "?" or "!", whose attribution line follows it
    # in the same paragraph ('... asked the candidate. “Did you know who said it?” Smith asked.'): the
    # quotation, back to where it opens in that paragraph, is the later speaker's, not the speaker before it
    for k in range(1, len(rules)):
        later = rules[k]
        if infos[k].tag != "verb" or infos[k].marks or later.category is not _ATTRIBUTED or not later.source \
                or infos[k - 1].tag not in _QUOTE_TAGS or sentences[k].block != sentences[k - 1].block \
                or not _names_split_quote(sentences[k - 1].text, sentences[k].text, later.cue):
            continue
        m = k - 1
        while not infos[m].lead and m > 0 and infos[m - 1].tag in _QUOTE_TAGS \
                and sentences[m - 1].block == sentences[k].block:
            m -= 1
        if not infos[m].lead:
            continue
        for q in range(m, k):
            if rules[q].source != later.source:
                rules[q] = Judgement(_ATTRIBUTED, later.source, "quotation",
                                     reason("quote-named-after", source=later.source))


# "As X put it, ...": X's words (never "to put it mildly", nor inside a clause of its own: "as" opens the sentence
# or follows a comma, a dash, "but" or "and")
_PUT_IT = LazyRe(r"(?:^\W*|[,;(—–]\s*|\b(?:[Bb]ut|[Aa]nd)\s+)[Aa]s\s+(?P<who>[^\"“”;:()]{2,160}?),?\s+"
                 r"(?:(?:once|later|has|had|memorably|aptly|famously|bluntly|recently)\s+)?puts?\s+it\b")
_QUOTE_TAGS = frozenset({"quote-cont", "quote-in", "quote-pending"})
# a quotation ending in "?" or "!" before its closing mark, where the sentence splitter ends the sentence
_SPLIT_QUOTE_END = LazyRe(r"[?!][\"”'’]+\s*$")
# an attribution line after such a quotation: its subject (a name with its title, or "he"/"she", and
# perhaps an aside between commas), then its verb ("Maher replied.", "Rep. Glenn Thompson, R-Pa., said of ...")
_ATTRIBUTION_LINE = LazyRe(r"(?:(?:[A-Z][\w.'’-]*|de|van|von)\s+){0,4}?(?:[A-Z][\w'’-]*|[Hh]e|[Ss]he)\.?"
                           r"(?:,[^,]{1,40},)?\s+(?:later\s+|then\s+|also\s+)?([a-z]+)\b")
_REPORTED_CLAUSE = LazyRe(r"\bthat\b")
# a clause of time or manner, or a phrase, right after the verb of such a line ("said as he opened the session")
_ADJUNCT_AFTER = LazyRe(r"\s+(?:as|when|while|after|before|during|at|in|on|from|of|with)\b")
SPLIT_QUOTE_ADJUNCT = True  # ... is no clause the line reports (_names_split_quote)
POST_POSED_FINDING = True  # "..., the poll found.": a credit after the claim, not a discovery (Judge._verbs)
NESTED_CLOSE = True  # a single closing mark inside an open quotation closes nothing (_fill_pending)


def _names_split_quote(before: str, text: str, cue: str | None) -> bool:
    """Whether `text` is the attribution line of the quotation `before`, which the sentence splitter cut
    off after its "?" or "!" ('“That is a false equivalency!” Maher replied.'): a sentence with no marks that
    opens with its speaker and the verb, and reports no clause of its own ("Ginsburg said ... that she ...")."""
    if not cue or not _SPLIT_QUOTE_END.search(before):
        return False
    m = _ATTRIBUTION_LINE.match(text)
    if m is None or m.group(1) != cue.lower():
        return False
    after = text[m.end():]
    if not after.strip(" ,.;:!?"):
        return True
    if _REPORTED_CLAUSE.search(after):
        return False
    # ('... Senator Jeff Sessions said as he launched the process.': a clause of time or manner after the verb is
    # no clause the line reports; it was read as one, and the quotation before it named nobody)
    return (SPLIT_QUOTE_ADJUNCT and _ADJUNCT_AFTER.match(after) is not None) or not _clause_follows(text, m.end())
_CLOSED_AT_END = LazyRe(r"[.!?,]?[\"”’']\s*$")


def _named_within(source: str, infos: Sequence[SentenceInfo], i: int, k: int) -> bool:
    """Whether the quoted sentences i..k-1 name `source` themselves: a quotation over paragraphs that
    tells of someone ("... Congressman Pete King spoke to reporters") is not that person's words."""
    last = source.split()[-1] if source.split() else ""
    if not last:
        return False
    return any(last in infos[m].text for m in range(i, k))


def _quotation_goes_on(infos: Sequence[SentenceInfo], k: int) -> bool:
    """Whether sentence `k`, the first of its paragraph, continues a quotation the paragraph before
    left open: the convention of a quotation over several paragraphs (no closing mark at the end of
    each, an opening mark at the start of the next)."""
    return k > 0 and infos[k].first_in_block and infos[k - 1].quote_out and infos[k].text[:1] in "\"“‘'«"

_DESCRIBE = {
    "q:in": "inside a quotation opened earlier",
    "q:out": "a quotation that runs on past the sentence",
    "q:lead": "opens with a quotation mark",
    "q:pair3": "holds a quotation",
    "q:odd": "an unpaired quotation mark (a quotation across sentences)",
    "colon_end": "a speaker line ending in a colon",
    "colon": "a colon attribution",
    "vague_only": "its cues are mostly used with no named source",
    "unnamed_head": "an unnamed source ('officials', 'some', 'critics')",
    "question": "a question",
    "dash": "a dash attribution",
}
_STAGE = {"S": "on its own words it", "P": "the sentence before", "N": "the sentence after",
          "P2": "the sentence two before", "N2": "the sentence two after", "PB": "the paragraph before",
          "NB": "the paragraph after"}
_CTX = {"p:": "the sentence before", "n:": "the sentence after", "pb:": "the paragraph before",
        "nb:": "the paragraph after"}


_WH = frozenset({"what", "why", "how", "who", "when", "where", "which"})


def _short_claim(text: str) -> bool:
    """A heading of three words or fewer makes a claim when it has a verb-like word after its
    first ("Mayor closes bridge", "Prices soared"); otherwise it is a label ("Background", "Key
    points", "What happened")."""
    ws = [w.strip(".,:;!'\"’“”").lower() for w in text.split()]
    if not ws or ws[0] in _WH:
        return False
    return any(w.endswith("ed") or (i < len(ws) - 1 and w.endswith("s") and not w.endswith("ss"))
               for i, w in enumerate(ws[1:], start=1))


def _a(word: str) -> str:
    """The indefinite article for `word`: "an adjective cue", "a verb cue"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


@lru_cache(maxsize=8192)
def describe(feature: str) -> str:
    """A feature of the learned part in words, for the reason of a judgement."""
    head, _, rest = feature.partition(":")
    if head in _STAGE:
        label = rest.split(":")[0]
        return f"{_STAGE[head]} reads as {label}"
    for prefix, where in _CTX.items():
        if feature.startswith(prefix):
            inner = feature[len(prefix):]
            if inner.startswith("rule="):
                return f"{where} is {inner[5:]}"
            if inner.startswith("rel="):
                return f"{where} holds a cue of reliability level {inner[4:]}/7"
            if inner == "none":
                return f"no {where} in the paragraph" if prefix in ("p:", "n:") else "a paragraph edge"
            said = describe(inner)
            return f"{where}: {said}" if said else ""
    if feature.startswith("cue="):
        return f"cue '{feature[4:]}'"
    if feature.startswith("cls="):
        return f"{_a(feature[4:])} {feature[4:]} cue"
    if feature.startswith("rel="):
        return f"its strongest cue has reliability level {feature[4:]}/7"
    if feature.startswith(("first=", "first2=")):
        return f"opens with '{feature.split('=', 1)[1]}'"
    if feature.startswith("pron="):
        return f"the pronoun '{feature[5:]}'"
    if feature.startswith(("cs=", "cw=")):
        what, _, kind = feature[3:].rpartition(":")
        before = _BEFORE.get(kind, "")
        return (f"{_a(what)} {what} cue" if feature.startswith("cs=") else f"cue '{what}'") + (
            f" after {before}" if before else "")
    if feature.startswith("tag="):
        return "the rules found " + _TAGS.get(feature[4:], feature[4:])
    if feature.startswith("rule="):
        return f"the rules say {feature[5:]}"
    if feature.startswith("subj="):
        return "the subject is " + _BEFORE.get(feature[5:], feature[5:])
    if feature.startswith("len="):
        return "a short sentence" if feature[4:] in ("0", "1", "2") else "a long sentence"
    return _DESCRIBE.get(feature, "")  # an internal feature with no words: left out of the reason


_BEFORE = {"pron": "a pronoun", "name": "a name", "name0": "a name", "np": "a noun phrase",
           "after-name": "a name", "after-pron": "a pronoun", "unnamed": "an unnamed source",
           "other": "other words", "punct": "a quotation or punctuation", "none": ""}
_TAGS = {"verb": "a reporting verb", "according": "'according to'", "colon": "a colon attribution",
         "link": "a citation link", "quote-cont": "a continued quotation", "quote-in": "a quotation",
         "quote-pending": "a quotation", "hedge": "a hedge", "unnamed": "an unnamed source",
         "question": "a question", "heading": "a heading", "label": "a section label", "cta": "a call to action",
         "plain": "no cue", "fixed": "a non-assertion"}


def judge_sentences(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...],
                    quotes_by_block: dict[int, list[QuoteSpan]], links: Sequence[Link], *,
                    stages: Stages | None = None) -> list[Judgement]:
    """Every sentence's judgement. `stages`: the learned model to weigh them with
    (features.load_model); None: the shipped one."""
    blocks, sentences = plain_spaces(blocks, sentences)
    rules, infos = analyse_sentences(blocks, sentences, quotes_by_block, links)
    stages = stages or model()
    if stages is None:
        return [_with_confidence(_speaker_or_none(j), f"rule:{info.tag}:{info.subject}")
                for j, info in zip(rules, infos, strict=True)]
    m, second = stages
    block_of = [s.block for s in sentences]
    if second is not None:  # a stacked model: the second stage reads the first's verdicts on the neighbours
        return _judge_stacked(m, second, sentences, rules, infos, block_of)
    out: list[Judgement] = []
    last_source: str | None = None
    last_block = -2
    plain = _PlainWords(infos)
    for i, (s, j) in enumerate(zip(sentences, rules, strict=True)):
        decided = j
        info = infos[i]
        basis: str | None = None  # None: the rules' own, "rule:{tag}:{subject}" (built only when needed)
        way_conf: float | None = None  # an attributed judgement on the rules' own basis: its confidence, looked up
        # a heading stands apart from the paragraph before it: it takes no speaker from there
        near = last_source if s.block - last_block <= 1 and s.role is not _HEADING else None
        # (a firm attribution is never asked: _may_change's first test, made here without the call)
        if not (j.category is _ATTRIBUTED and info.tag in _FIRM_TAGS) \
                and _may_change(j, s, infos, block_of, i, bool(j.source or near)):
            scores = m.sentence_scores(infos, block_of, i)
            k = max(range(3), key=scores.__getitem__)
            rule_k = _RULE_K[j.category]
            if k != rule_k:
                decided = _combine(m, s, j, infos, block_of, i, scores, k, near, plain)
            if decided is j:
                basis = f"{'agree' if k == rule_k else 'kept'}:rule:{info.tag}:{info.subject}"
            else:
                basis = f"model:{decided.category.value}:{min(9, int(softmax(scores)[k] * 10))}"
        # (no phrase that cannot speak is reported, nor carried to the next sentence)
        decided = _speaker_or_none(decided)
        if decided.category is _ATTRIBUTED:
            # where the source came from: named in the sentence, resolved from a pronoun or a role, a neighbour's
            # speaker carried into a quotation or into a sentence with a cue of its own, or nobody; a guessed
            # speaker is not as sure as "X said", and its confidence says so (calibrated with the source:
            # scripts/calibrate_confidence.py)
            way = _source_way(decided.source, j.source, near, info, s.text)
            if basis is None and RECORD is None:
                # (the rules' own basis with its source's way: looked up by its parts, no string built per sentence)
                way_conf = _RULE_WAY_CONFIDENCE.get((info.tag, info.subject, way))
                if way_conf is None:
                    way_conf = _rule_way_confidence(info.tag, info.subject, way)
            else:
                basis = (basis or f"rule:{info.tag}:{info.subject}") + way
        if decided.category is _ATTRIBUTED and decided.source and info.tag != "link" and s.role is not _HEADING \
                and not (info.first_in_block and _title_case(s.text)):
            # a citation link vouches for its own sentence only, not for its neighbours; a heading
            # neither takes a speaker from the paragraph before it nor hands its own to the one after
            last_source, last_block = decided.source, s.block
        elif info.open_quote and decided.category is not _ATTRIBUTED and s.block != last_block \
                and not (i > 0 and infos[i - 1].open_quote):
            # a paragraph that opens a quotation and is judged the writer's own ('September 15, 1987: “His Holiness Pope John
            # Paul II.': a plaque's words) starts a quotation of its own: the speaker of the paragraph before
            # does not carry into it (the LA Times's plaques were all Martin Luther King's); a quotation left open
            # by the paragraph before runs on (a quotation of several paragraphs opens each with a mark)
            last_source = None
        elif UNNAMED_QUOTE_ENDS_CARRY and info.marks and decided.source is None \
                and decided.category is not _UNATTRIBUTED and decided.category is not _NONE:
            # a quotation whose speaker goes unnamed ('"The drop we are seeing ...," said a person close to the
            # Clintons.'): its continuation is that unnamed person's, not the last named speaker's
            last_source = None
        if way_conf is not None:
            out.append(decided if decided.confidence == way_conf else new_judgement(
                decided.category, decided.source, decided.cue, decided.reason, decided.evidence, way_conf))
        elif basis is not None:
            out.append(_with_confidence(decided, basis))
        else:  # _with_rule_confidence(decided, info.tag, info.subject), its cache read here (once a sentence)
            conf = _RULE_CONFIDENCE.get((info.tag, info.subject, decided.category))
            if conf is None:
                conf = _rule_confidence(info.tag, info.subject, decided.category)
            out.append(decided if decided.confidence == conf else Judgement(
                decided.category, decided.source, decided.cue, decided.reason, decided.evidence, conf))
        if RECORD is not None:
            RECORD.append((s.text, basis or f"rule:{info.tag}:{info.subject}", decided.category.value,
                           decided.source))
    return out


def _source_way(source: str | None, rules_source: str | None, near: str | None, info: SentenceInfo,
                text: str) -> str:
    """The part of an attributed judgement's basis that says where its source came from: ":named" in the
    sentence, ":resolved" (a pronoun, a role, a quotation's speaker named before), a neighbour's speaker the
    learned part carried in (":quote" into a quotation, ":carried" into a sentence with a cue), ":none"."""
    if not source:
        return ":none"
    if source == near and source != rules_source:
        return ":quote" if info.quote_in or info.lead else ":carried"
    return ":named" if source.rsplit(None, 1)[-1] in text else ":resolved"


# calibrate_confidence.py collects (sentence text, basis, category, source) here when it sets a list
RECORD: list[tuple[str, str, str, str | None]] | None = None


@lru_cache(maxsize=1)
def _confidence_table() -> dict[str, float]:
    try:
        data = json.loads(resources.files("provenance.judge").joinpath("data", "confidence.json")
                          .read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    table: dict[str, float] = data["table"]
    return table


_CONFIDENCE: dict[tuple[str, Category], float] = {}


def _with_confidence(j: Judgement, basis: str) -> Judgement:
    """The judgement with its confidence (looked up once per basis and category, then cached)."""
    key = (basis, j.category)
    conf = _CONFIDENCE.get(key)
    if conf is None:
        conf = _CONFIDENCE[key] = confidence(basis, j)
    if j.confidence == conf:
        return j  # a frozen value that already says it (a non-assertion's 1.0, a rule's own): no copy
    return new_judgement(j.category, j.source, j.cue, j.reason, j.evidence, conf)


_RULE_CONFIDENCE: dict[tuple[str, str, Category], float] = {}
_RULE_WAY_CONFIDENCE: dict[tuple[str, str, str], float] = {}  # (tag, subject kind, source's way) of attributed


def _rule_confidence(tag: str, subject: str, category: Category) -> float:
    """The confidence of the basis f"rule:{tag}:{subject}", cached by its parts (no string built per sentence)."""
    key = (tag, subject, category)
    conf = _RULE_CONFIDENCE.get(key)
    if conf is None:
        conf = _RULE_CONFIDENCE[key] = _confidence_of(f"rule:{tag}:{subject}", category)
    return conf


def _rule_way_confidence(tag: str, subject: str, way: str) -> float:
    """The confidence of an attributed judgement on the basis f"rule:{tag}:{subject}{way}" (`way`: _source_way's
    answer), cached by its parts."""
    key = (tag, subject, way)
    conf = _RULE_WAY_CONFIDENCE.get(key)
    if conf is None:
        conf = _RULE_WAY_CONFIDENCE[key] = _confidence_of(f"rule:{tag}:{subject}{way}", _ATTRIBUTED)
    return conf


def _with_rule_confidence(j: Judgement, tag: str, subject: str) -> Judgement:
    """`_with_confidence(j, f"rule:{tag}:{subject}")`. The rules build their commonest judgements with
    it already (`Judge._decide`): those are returned as they are, not copied (about 1 µs a sentence)."""
    conf = _rule_confidence(tag, subject, j.category)
    if j.confidence == conf:
        return j
    return Judgement(j.category, j.source, j.cue, j.reason, j.evidence, conf)


def confidence(basis: str, j: Judgement) -> float:
    """How often judgements made on this basis were right on PolNeAR's tuning part: the basis itself
    (the rule's tag and subject kind, whether the model agreed, or the model's certainty), else its
    shorter forms, else the category's share. A non-assertion (none) by role is certain."""
    return _confidence_of(basis, j.category)


def _confidence_of(basis: str, category: Category) -> float:
    """`confidence` for a judgement of this category (all it reads of the judgement)."""
    if category is _NONE:
        return 1.0
    table = _confidence_table()
    key = f"{basis}|{category.value}"
    while True:
        hit = table.get(key)
        if hit is not None:
            return hit
        head, sep, _ = key.partition("|")
        if ":" not in head:
            return table.get("|" + category.value, 0.5)
        key = head.rsplit(":", 1)[0] + sep + key.partition("|")[2]


_DOMAIN_LIKE = LazyRe(r"[\w-]+(?:\.[\w-]+)+")


def _speaker_or_none(j: Judgement) -> Judgement:
    """The last guard: a source that cannot be a speaker (speakers.not_a_speaker: a day, a city alone,
    a determiner, a fragment, over 15 words) is reported as no source. A linked domain stays."""
    if j.source is None or j.cue == "link" or ("." in j.source and _DOMAIN_LIKE.fullmatch(j.source)):
        return j
    why = not_a_speaker(j.source)
    if why is None:
        return j
    # the reason must not name it as the speaker either ("Leeds is named as saying it")
    return replace(j, source=None, reason=reason("not-a-speaker", source=j.source, why=why))


def _judge_stacked(m: Model, second: Model, sentences: tuple[Sentence, ...], rules: list[Judgement],
                   infos: list[SentenceInfo], block_of: list[int]) -> list[Judgement]:
    feats = with_context(infos, block_of)
    preds, tops = [], []
    for f in feats:
        p = m.probs(f)
        k = max(range(3), key=p.__getitem__)
        preds.append(k)
        tops.append(p[k])
    feats = stacked(feats, preds, tops, block_of)
    out: list[Judgement] = []
    last_source: str | None = None
    last_block = -2
    plain = _PlainWords(infos)
    for i, (s, j, f) in enumerate(zip(sentences, rules, feats, strict=True)):
        scores = second.scores(f)
        k = max(range(3), key=scores.__getitem__)
        rule_k = _RULE_K[j.category]
        decided = j
        near = last_source if s.block - last_block <= 1 and s.role is not _HEADING else None
        if k != rule_k and _may_change(j, s, infos, block_of, i, bool(j.source or near)):
            decided = _combine(second, s, j, infos, block_of, i, scores, k, near, plain, f)
        if decided.category is _ATTRIBUTED and decided.source and infos[i].tag != "link":
            # a citation link vouches for its own sentence only, not for its neighbours
            last_source, last_block = decided.source, s.block
        basis = f"rule:{infos[i].tag}:{infos[i].subject}" if decided is j else \
            f"model:{decided.category.value}:{min(9, int(softmax(scores)[k] * 10))}"
        decided = _speaker_or_none(decided)
        out.append(_with_confidence(decided, basis))
    return out


def _combine(m: Model, s: Sentence, j: Judgement, infos: Sequence[SentenceInfo], blocks: Sequence[int], i: int,
             scores: list[float], k: int, last_source: str | None, plain: _PlainWords,
             f: list[str] | None = None) -> Judgement:
    """The model disagrees with the rules: decide, and say why in words."""
    if j.category is _NONE and s.role is not _BODY and s.role is not _HEADING:
        return j
    info = infos[i]
    cls = CLASSES[k]
    if cls == "unattributed" and j.category is _NONE:
        return j
    if cls == "vague" and j.category is not _ATTRIBUTED and not _supports_vague(info):
        return j
    if cls == "vague" and j.category is _ATTRIBUTED and info.tag == "verb" and info.subject == "person" \
            and j.source is not None and " " in j.source and j.cue in lexicon().verbs \
            and lexicon().verbs[j.cue].cls == "speech" and any(kind == "unnamed" for _, kind in info.subjects):
        # "Experts suggested that ..., but Valencia’s mayor, María José Catalá, said ...": unnamed experts beside
        # a person named in full make no vague sentence; one specific source is enough (PolNeAR's label rule)
        return j
    probs = softmax(scores)
    lead = None
    # 'Heidnik took her back to his house where he “came up behind me and grabbed me by my neck.': a first-person
    # quotation spliced into narration after "he" or "she" is the words of the person it happens to (the "her"),
    # never of the sentence's subject: no name of the sentence is its source
    spliced = cls == "attributed" and info.marks > 0 and _SPLICED_FIRST_PERSON.search(s.text) is not None
    if cls == "attributed" and not spliced:
        # a title-case heading reads as one long name ("New Plot Twist"): only body text has a lead
        lead = None if info.quote_in or info.lead or s.role is not _BODY else _named_lead(s.text, plain)
        if j.category is not _VAGUE and not _supports_attribution(infos, blocks, i, bool(j.source or last_source)) \
                and not (probs[k] >= GATE_NAMED and (j.source or last_source or lead)):
            return j
        if j.category is _UNATTRIBUTED and any(_cue_no_speech(info, kk, c) for kk, c in info.found) and all(
                _cue_no_speech(info, kk, c) for kk, c in info.found if c.reliability >= 0.5):
            return j  # "The company added 300 jobs": its one verb cue is no speech, whatever the neighbours said
    if f is None:
        f = context_features(infos, blocks, i)
    # the learned part's certainty and weightiest features are evidence for JSON, not words for a reader
    evidence = (f"the learned model: {probs[k]:.0%} {cls}",
                *dict.fromkeys(d for d in map(describe, m.top_features(f, k)) if d))
    if cls == "unattributed":
        return Judgement(_UNATTRIBUTED, None, None, reason("model-unattributed", cue=j.cue), evidence)
    if cls == "vague":
        cue = j.cue or _strongest_cue(info)
        src = j.source if j.category is _VAGUE else None
        return Judgement(_VAGUE, src, cue, reason("model-vague"), evidence)
    # words inside a quotation are the speaker's, not a name of theirs (`lead` is None there)
    source = j.source or lead
    np_subject = False  # whether the sentence's own noun phrase may name its source (_own_np_subject)
    if source is None and OWN_SUBJECT and not info.quote_in and not info.lead and s.role is _BODY and not spliced:
        # the sentence names who does it ("Right afterward, Ted Cruz talked up ..."): its own
        # subject, not the neighbour's speaker
        source = _own_subject(s.text, plain)
        # ... or a group or a role ("Investors see", "City officials have since balked"): the sentence's own
        # subject names who acts, where the learned part attributes it anyway (named by nobody, or carrying
        # a neighbour in); it makes no sentence attributed that the rules would keep as they decided
        np_subject = source is None and OWN_NP_SUBJECT
        if np_subject and last_source is None and info.best_reliability() >= CARRY_CUE and any(
                c.reliability >= CARRY_CUE and c.text not in _MANNER_VERBS for _, c in info.found):
            # (with a cue of its own: a manner verb with no quotation, "The crowd shouted", is no speech)
            source = _own_np_subject(s.text, speech_only=True)
    if source is None and j.category is _VAGUE and info.marks and _UNNAMED_SPEAKER_AFTER.search(s.text) is not None:
        # the quotation's own speaker is unnamed ('," said a person close to the campaign'): the learned part
        # may call it attributed, but the name of the speaker before is not this one's: that unnamed speaker is
        # (and with no speaker before, it still is: '," said one unaligned Florida Republican strategist.')
        m_who = _UNNAMED_SPEAKER_AFTER.search(s.text)
        last_source = None
        if m_who is not None:
            source = (m_who.group("who") or m_who.group("who2") or "").strip() or None
    if source is None and j.category is _VAGUE and s.text[:1] in "AaYyS" and _ONE_MORE_LEAD.match(s.text):
        # "Maria Lopez said the tickets sold out. Another said, “...”": one more of a group speaks, not the person
        # named before (the rules found the unnamed subject; a determiner names no one, so no source was kept)
        last_source = None
    if source is None and last_source is not None:
        # no laundering: a neighbour's source carries only into a continuation of the speaker's
        # quotation, an item of a list or quotation the speaker introduced (after "X said:"), or a
        # sentence with a cue of its own; the writer's evaluations and framing stay the writer's
        prev = infos[i - 1] if i > 0 else None
        carries = info.quote_in or info.lead or (prev is not None and (prev.colon_end or prev.open_quote)) \
            or _carrying_cue(info)
        if carries:
            # ... but a sentence whose subject is a body or a role led by "the" tells that subject's act or
            # words ("The National Rifle Association, which has endorsed Trump, used the comments ..."), not
            # the neighbour's: the category the carry gave stands, the source is the sentence's own
            own = _own_the_subject(s.text) if not info.quote_in and not info.lead and s.role is _BODY else None
            if info.referent is not None and not info.quote_in and not info.lead:
                own = info.referent  # "The latter had pressed the prime minister ...": the person it means
            source = own or (_own_np_subject(s.text) if np_subject else None) or last_source
            if source == "the author" and source is last_source and (
                    info.quote_in or (info.lead and _quotation_runs_on(info.stripped))):
                # a quotation is never the writer's own words: "We want the most evangelical choice." then '“I
                # sensed the Lord tell me ...”' is someone's quotation whose speaker is not named here, not the author's
                # (a sentence that opens a quotation or goes on inside one; not one with "scare quotes" in it, nor
                # '“No” is not a negative word.')
                source = None
            if source is last_source and info.pronoun is not None and not info.quote_in and not info.lead \
                    and info.pronoun[2](last_source) not in (None, info.pronoun[0]):
                # "She addressed Muslim-Americans ..." after Jesse Ferguson spoke: not his; the person the rules
                # resolve "she" to, or the pronoun as written (never a guess). Not inside a quotation: there the
                # speaker goes on about someone else ("She comes off as commanding," of Clinton, is Axelrod's)
                source = info.pronoun[1] or s.text.split(None, 1)[0]
        elif LAUNDER_MODE == "keep":
            return j
    cue = j.cue or _strongest_cue(info) or ("quotation" if info.quote_in or info.lead else None)
    if source:
        return Judgement(_ATTRIBUTED, source, cue, reason("model-named", source=source), evidence)
    if OBLIGATIONS and j.category is _UNATTRIBUTED and not info.quote_in and not info.lead and _only_duties(info):
        # "They have to declare “any interest which ...”": a duty, which nobody has said yet; the quotation is
        # the rule's wording, not a speaker's (the writer's, as the rules judged it)
        return j
    # the wording is read as someone's, but nobody is named in it or just before it: say so, so the
    # reader looks for the speaker instead of trusting one that is not there (JSON: source null)
    return Judgement(_ATTRIBUTED, None, cue, reason("model-unnamed"), evidence)


_UNCLEAR = LazyRe(r"\b(?:unclear|uncertain|unknown|not\s+(?:yet\s+)?(?:clear|known|certain)|to\s+be\s+seen|an\s+open\s+"
                  r"question)\b")
_WHETHER = LazyRe(r"\b[Ww]hether\b")


def _open_question(text: str) -> tuple[int, int] | None:
    """Where a sentence's open question stands: from its "whether" to the predicate that calls it unclear
    ("Whether X will agree remains unclear"), or to the sentence's end after it ("It is unclear whether X
    will agree"); None when the sentence calls nothing unclear."""
    whether = _WHETHER.search(text)
    unclear = _UNCLEAR.search(text) if whether is not None else None
    if whether is None or unclear is None:
        return None
    if unclear.start() > whether.start():
        return whether.start(), unclear.start()
    if whether.start() - unclear.end() <= 12:  # "It is unclear whether", "remains to be seen whether"
        return whether.start(), len(text)
    return None


def _quotation_runs_on(text: str) -> bool:
    """Whether the quotation a sentence opens with (SentenceInfo.lead) runs over most of it ('“I saw the river
    rise ...”'), not a quoted word ('“No” is not a negative word.')."""
    close = min((k for k in (text.find(c, 1) for c in "”\"’»") if k > 0), default=len(text))
    return close >= len(text) // 2


# "The latter had pressed ...", "The former, a lawyer, said": whom each means is the sentence before's (Judge._latter_former)
_LATTER_FORMER = LazyRe(r"[Tt]he\s+(?:latter|former)(?=\s*,|\s+(?:[a-z]+ly\s+)?(?:has|had|have|is|was|were|are|will|would|"
                        r"could|can|did|does|may|might|must|should|said|says|told|tells|[a-z]+ed)\b)")
# a run of capitalised words (a name, a title and a name) in a sentence: who it names
_NAME_RUN = LazyRe(r"(?<![\w'’])[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al-\w+|bin))*")
# a person the narration brings in without a name: "his first known victim", "a young woman", "another girl"
_UNNAMED_PERSON = LazyRe(r"\b(?:his|her|their|a|an|one|another)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<noun>victims?|woman|girl|"
                         r"man|boy|child|teenager|person|survivor|patient|passenger|stranger|widow|mother|daughter|"
                         r"sister|wife|husband|father|son|brother|neighbour|neighbor)\b")
_UNNAMED_PERSON_SEX = {"woman": "f", "girl": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f",
                       "wife": "f", "man": "m", "boy": "m", "husband": "m", "father": "m", "son": "m", "brother": "m"}
_NAME_AFTER = LazyRe(r",?\s+(?:named\s+|called\s+)?[A-Z][a-z]")  # "his victim, Sandra Lindsay": named after all
# "he" or "she", then a quotation whose words say "me", "my" or "I": someone else's words about the pronoun's person
_SPLICED_FIRST_PERSON = LazyRe(r"\b(?:he|she)\s+[“\"‘][^”\"’]*?\b(?:me|my|I|myself)\b")
GENDER_CARRY = True  # no neighbour's speaker of the other sex carried into a sentence opening with "He" or "She"
UNNAMED_QUOTE_ENDS_CARRY = True  # a quotation credited to nobody named ends the last speaker's carry
OBLIGATIONS = True  # a cue only in a duty ("have to declare") gives the learned part no unnamed speaker
_DUTY_BEFORE = frozenset({"have", "has", "had", "need", "needs", "required", "supposed", "obliged", "expected",
                          "ought"})


def _only_duties(info: SentenceInfo) -> bool:
    """Whether every cue of the sentence that could make it someone's words is a verb in a duty: "(they) have to
    declare", "must report", "are required to disclose"."""
    toks = info.toks
    duties = 0
    for k, c in info.found:
        if c.reliability < CARRY_CUE:
            continue
        if (k >= 1 and toks[k - 1] in ("must", "should")) or (
                k >= 2 and toks[k - 1] == "to" and toks[k - 2] in _DUTY_BEFORE):
            duties += 1
            continue
        return False
    return duties > 0


_NOT_NAMES = frozenset({"i", "we", "you", "he", "she", "they", "it", "so", "that", "this", "there", "here", "now",
                        "then", "well", "yes", "no", "oh", "but", "and", "or"})


def _trailing_clause(text: str, pos: int) -> bool:
    """Whether the cue at `pos` closes the sentence's claim from a clause of its own (", Walker said")."""
    comma = text.rfind(",", 0, pos)
    return comma >= 0 and len(text[comma + 1:pos].split()) <= 6


class _PlainWords:
    """Whether an article writes a word in lower case ("alleged", "federal") somewhere: a substring
    search over its text, joined on first use (only a few sentences per article ask)."""

    def __init__(self, infos: Sequence[SentenceInfo]) -> None:
        self._infos = infos
        self._text: str | None = None

    def __contains__(self, word: object) -> bool:
        if self._text is None:
            self._text = " " + " ".join(info.text for info in self._infos) + " "
        t = self._text
        return isinstance(word, str) and any(f" {word}{end}" in t for end in " ,.;:")


_NO_SPEAKERS = Speakers()  # classify() only reads it: the names of no article
_NO_PLAIN = _PlainWords([])  # no article's words: every capitalised word may be a name


def _named_lead(text: str, plain: _PlainWords | None = None) -> str | None:
    """The person or organisation a sentence opens with ("Gov. Andrew Cuomo signed ..."), if it names one.
    With `plain`, a first word the article also writes in lower case is no name ("Alleged Chinese
    police stations ...")."""
    if _title_case(text):
        return _headline_subject(text)  # "Ted Cruz (Refuses to ...)": a headline's name ends at its verb
    m = _LEADING_NP.match(text)
    if m is None:
        return None
    words = m.group("np").split()
    while len(words) > 1 and words[-1] in _ROLE_AFTER_NAME:
        words.pop()  # "Indiana governor (endorses ...)": a role after a place names no one here (as before it was read)
    if len(words) > 2 and words[-1].lower() in lexicon().verb_forms and lexicon().verbs[words[-1].lower()].kind == "s":
        after = _NEXT_WORD.match(text, m.end("np"))
        if after is not None and (after.group(1) in PREPOSITIONS or after.group(1) in ("the", "that", "a", "an")):
            # "Mike Pence Calls (for Special Prosecutor after ...)": a headline's verb, capitalised, then its object
            # ("EU Member States are ..." keeps its noun)
            words.pop()
    if len(words) < 2:  # one capitalised word ("With", "Prior", "More") is too weak to name anyone
        return None
    if any(w.lower().strip(".,") in _NOT_NAMES or "’" in w or "'" in w for w in words):
        return None  # "They’re", "So I", "That’s": no name
    np = " ".join(words)
    first = words[0].lower()
    if plain is not None and first.strip(".") not in title_words() and (first in plain or first in mined().cues):
        return None
    end = m.end("np")
    role = _ROLE_WORDS_NAME.match(text, end + 1) if text[end:end + 1] == " " else None
    if role is not None and not any(w.endswith(("ed", "ing")) or w in _ROLE_STOP or w in _BE
                                    for w in role.group(0).split()[:-len(role.group("name").split())]):
        # "Former Republican presidential candidate Jeb Bush broke down ...": capitalised words, a role in lower
        # case, then the name; the name leads (as _leading_subject reads it), not "Former Republican"
        np = role.group("name")
    subj = classify(np, _NO_SPEAKERS)
    if subj is None or subj.kind not in ("person", "org") or len(subj.text.split()) < 2:
        return None  # one capitalised word ("With", "Prior", "More") is too weak to name anyone
    return subj.text


# a dateline before a sentence: "MYRTLE BEACH, S.C. - ", "WASHINGTON, Dec. 8 (UPI) — ", "BOSTON — "
# (each word matched one way only: an all-capitals heading must not backtrack over its splits)
_DATELINE = LazyRe(r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s*[^-—–―,]{1,30}?)?\s*[-—–―]+\s+(?=[A-Z])")
# the past tense of the common irregular verbs a subject's act is told with ("Trump laid out", "Obama
# spent Thursday"): a verb as much as "-ed" is
_IRREGULAR_PAST = ("said|told|laid|spent|made|gave|took|sent|wrote|spoke|went|came|met|held|led|put|set|got|left|"
                   "kept|brought|thought|felt|found|began|won|lost|ran|saw|knew|drew|chose|stood|sought|struck|"
                   "fought|paid|built|became|rose|hit|cut|let|threw|broke|heard|sold|taught|swore|shot|"
                   "withdrew|undertook|overcame|upheld|forgave|bore")
# a named subject and its verb, after an optional fronted phrase ("Right afterward, ", "In May, ",
# "Noting that the state had lost jobs, ")
_OWN_SUBJECT = LazyRe(
    # (possessive quantifiers: a word holds no comma, so giving one back never finds one; without them a
    # sentence with no comma tried every shorter front in turn)
    r"^(?P<front>[A-Z][\w’'-]*+(?:\s+[^\s,;:]+){0,24}+,\s+)?"
    r"(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?"
    # a role in lower case between capitalised words and the name: "FBI director James Comey",
    # "Presumptive Republican presidential candidate Donald Trump", "billionaire Dallas Mavericks owner Mark Cuban"
    r"(?:(?:[A-Z][\w.'’&-]*|[a-z][a-z-]{2,})\s+){0,5}?"
    r"[A-Z][\w.'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.'’-]*){0,4}"
    # "Jeb Bush and Ted Cruz both floated": two names joined
    r"(?:\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)"
    # a party tag in brackets: "Sen. Bernie Sanders (I-Vt.) apologized"
    r"(?:\s*\([RDI]-[A-Z][\w.]*\))?"
    # asides: "who ...", "a ...", an age, a party tag, a participle ("leading a coalition of 13
    # states"), an adverb ("particularly in the closing days"); two of them ("Yin Myint May, 60, a doctor,")
    # "one of ..." ("Katjavivi, one of Geingob’s close friends, was"); a body, then a role in lower case
    # ("Royce Mendes, Desjardins Economics managing director and head of macro strategy, was")
    r"(?:(?:,\s+(?:who|whose|a|an|the|one\s+of|\d{1,3}|[RDI]-[A-Z]|[a-z]+ing|[a-z]+ly|for\s+(?:his|her|their|its)\s+part"
    r"|[A-Z][\w-]*['’]s|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}\s+(?=[a-z]))\b[^,;:\"“”]{0,140}+){1,2},)?"
    # a time between the subject and its verb: "Sanders late Monday acquiesced"
    r"(?:\s+(?:(?:on|late|early|earlier|later|last|this)\s+)?(?:"
    + "|".join(sorted(d.capitalize() for d in WEEKDAYS)) + r"|week|night|morning|afternoon|evening|year|month))?"
    # an adverb: "Sanders now seeks", "Jeb Bush and Ted Cruz both floated"
    r"(?:\s+(?:now|still|then|again|never|already|even|just|often|later|once|always|both|first|[a-z]+ly))?"
    rf"\s+(?:has|have|had|is|was|are|were|will|would|did|does|also|{_IRREGULAR_PAST}|[a-z][\w-]*s|[a-z][\w-]*ed)\b")
# the words a role before a name never opens with
_ROLE_LEADS = frozenset({"the", "a", "an", "this", "that", "these", "those", "one", "some", "any", "every", "each",
                         "no", "many", "most", "all", "his", "her", "their", "its", "our", "my", "your"})
# the lower-case words a role before a name may hold: none of a clause's ("The release of the emails
# led chairwoman Debbie Walsh")
_ROLE_STOP = frozenset({"the", "a", "an", "of", "for", "to", "by", "or", "but", "in", "on", "at", "with",
                        "from", "that", "this", "who", "which", "has", "have", "had", "is", "was", "are", "were",
                        "will", "would", "his", "her", "their", "its", "our", "not", "as"})
_FRONT_WORDS = frozenset({"right", "last", "this", "earlier", "later", "meanwhile", "however", "still", "yet", "but",
                          "and", "so", "then", "now", "today", "yesterday", "instead", "separately", "also",
                          # ordinals and subordinators: "First, Trump attacked", "While making final
                          # preparations ..., President Obama spent"
                          "first", "second", "third", "finally", "while", "when", "whereas", "unlike", "asked",
                          "days", "weeks", "months", "years", "hours", "minutes",
                          # "Ever since she endorsed ..., Ms. Warren has been", "Shortly after ..., Trump said"
                          "ever", "even", "long", "shortly", "soon", "because", "although", "though",
                          "once", "despite", "whether", "amid"})
# the latest person named with an honorific ("Mr. Lassiter") is the latest person a "he" can mean, not
# only the latest speaker (measured: GUM pronouns 0.531 -> 0.538, the hand set's sources +3, PolNeAR's
# -0.0005, noise)
HONORIFIC_PEOPLE = True
# (not a possessor, "Mr. Sanders's attack": less salient than a subject or an object)
_HONORIFIC = LazyRe(r"\b(?:Mr|Mrs|Ms|Dr)\.? (?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!['’]s\b)")


def _may_hold_honorific(text: str) -> bool:
    """False when _HONORIFIC cannot match in `text` or in any part of it (it needs one of these
    literals): the judge asks once per paragraph (tests/test_fast_paths.py holds the two together)."""
    return "Mr" in text or "Ms" in text or "Dr" in text
OWN_NP_SUBJECT = True  # ... or the noun phrase it opens with, when that names people or a body (_own_np_subject)
OWN_SUBJECT = True  # the learned part's attributed sentence takes its own named subject before a neighbour's


def _fronted(front: str | None, *, endings: tuple[str, ...] = ("ly", "ing"), numbers: bool = True) -> bool:
    """Whether a sentence's words before its first comma are a fronted phrase before the subject ("In May,",
    "Right afterward,", "Noting that ...,", "2016,"), not a name with an aside after it."""
    if not front:
        return True
    first = front.split()[0].lower().rstrip(",")
    return first in PREPOSITIONS or first in _FRONT_WORDS or first in DAYS_MONTHS or first.endswith(endings) \
        or (numbers and first.isdigit())


_AFTER_PLURAL = LazyRe(r"\s+(?:[a-z]+ly\s+)?(?P<w>[a-z][\w'’-]*)")
_DETERMINER_WORDS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "this", "that", "these",
                               "those", "some", "no", "new"})
def _plural_head(text: str, end: int) -> bool:
    """Whether the word in -s that ends at `end`, read as the verb after a name, is a plural noun the name
    modifies: a people noun (its ending, speaker_heads.txt, unnamed.txt) and a verb right after it ("Cruz backers
    stood", "Trump fans insist", "GOP analysts say"), a noun before people ("Immigrant rights advocates say"), or
    any plural before a verb of saying, an auxiliary or an irregular past ("Initial estimates put", "FEC reports
    show"); never an auxiliary ("Jane Smith has said") or a verb with its object ("Trump offers a new plan")."""
    start = text.rfind(" ", 0, end) + 1
    word = text[start:end]
    if word in ("has", "was", "is", "does"):
        return False  # an auxiliary: "Senator Jane Smith has said"
    nxt = _AFTER_PLURAL.match(text, end)
    if nxt is None:
        return False
    w = nxt.group("w")
    if people_plural(w) and _AFTER_PLURAL.match(text, nxt.end()) is not None:
        return True  # "Immigrant rights advocates (say)": a noun before the people, not a verb
    if not people_plural(word):
        # any other plural before a verb that no object follows: "Initial estimates put", "FEC reports show"
        return not word.endswith("ss") and (w in _SUBJECT_VERBS or w in lexicon().verb_forms
                                            or w in ("have", "had", "will", "would", "could", "may", "might"))
    if w in _DETERMINER_WORDS or w in PREPOSITIONS:
        return False  # "Trump offers a new plan", "Sanders enters the race": the verb and its object
    return w in _AUX or w in _SUBJECT_VERBS or w in lexicon().verb_forms or w.endswith("ed") \
        or verb_at(text, nxt.start("w")) is True


# the verbs a plural subject is told with that no other list holds ("Trump fans insist", "Cruz backers stood")
_SUBJECT_VERBS = frozenset(_IRREGULAR_PAST.split("|")) | {"say", "insist", "argue", "believe", "think", "want",
                                                          "fear", "worry", "hope", "expect", "see", "feel",
                                                          "are", "were", "can", "cannot", "can’t", "can't"}


def _fronted_at(text: str, own: str) -> int:
    """Where `own`, the sentence's own subject as _own_subject found it, stands after a fronted word or phrase
    ("However, Adelson met ...", "In May, Adelson said ..."): its offset, or -1 when it does not start there."""
    m = _OWN_SUBJECT.match(text)
    if m is None or not m.group("front"):
        return -1
    at = m.start("np")
    return at if text.startswith(own, at) or text.find(own, at, m.end("np") + 1) >= 0 else -1


def _own_subject(text: str, plain: _PlainWords, *, named_only: bool = False) -> str | None:
    """The person or organisation a sentence names as its subject, if it names one. `named_only`: only a
    name in a body sentence (not a headline's, not a role led by "the"), for the person a later "he" means."""
    if not named_only and ":" in text[:60]:
        line = _speaker_line(text)
        if line is not None:
            return line
    if not named_only and _title_case(text):
        return _headline_subject(text)
    dateline = _DATELINE.match(text)
    if dateline is not None:
        text = text[dateline.end():]
    m = _OWN_SUBJECT.match(text)
    if m is None:
        return None if named_only else _own_role_subject(text)
    if not _fronted(m.group("front")):
        return None  # "Nicole Hargrove, a 14-year Carrier worker, ...": an aside, not a fronted phrase
    if text[m.end() - 1] == "s" and _plural_head(text, m.end()):
        return None  # "Cruz backers (stood)", "GOP analysts (say)": the people the name modifies act, not the name
    np = m.group("np")
    words = np.split()
    if any(w in _ROLE_STOP for w in words if w[:1].islower()):
        return None  # a clause, not a role before a name
    if any(w[:1].islower() for w in words) and (words[0].lower() in _ROLE_LEADS or words[-1][:2] in ("I’", "I'")):
        # "The average American suffered", "This post ALPS OutdoorZ ... appeared", "One strange thing I’ve
        # learned": a description or a clause led by a determiner, not a role before a name
        return None
    if words[-1].endswith(("'s", "’s")):
        return None  # "Sanders's strength": a possessor is not the subject
    if len(words) == 1 and (np.lower() in plain or np.lower() in _NOT_NAMES or np.lower() in mined().cues):
        return None
    if " and " in np:
        left, _, right = np.partition(" and ")
        names = [b.text for b in (classify(left, _NO_SPEAKERS), classify(right, _NO_SPEAKERS))
                 if b is not None and b.kind in ("person", "org")]
        return " and ".join(names) if len(names) == 2 else None
    subj = classify(np, _NO_SPEAKERS)
    if subj is None or subj.kind not in ("person", "org") or not subj.text[:1].isupper():
        return None
    return subj.text


# a name and a colon opening a line: a headline's or a transcript's speaker ("Trey Gowdy: Benghazi Investigation
# Helped ...", "Dr. Ben Carson: Hillary Clinton ‘Not Fit ...’", "Lopez: Well, no one is like ...")
_SPEAKER_LINE = LazyRe(r"(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?[A-Z][a-z][\w.'’-]*"
                       r"(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S")
# the words a line opens with before a colon that name no speaker ("UPDATE:", "Bombshell:", "The Latest:")
_LINE_LABELS = frozenset({"update", "updated", "exclusive", "breaking", "bombshell", "watch", "video", "photos",
                          "photo", "note", "editor", "correction", "analysis", "opinion", "latest", "live",
                          "report", "name", "age", "city", "job", "pay", "source", "sources", "related", "read",
                          "listen", "poll", "warning", "caption", "credit", "question", "answer", "summary",
                          "transcript", "q", "a", "here", "here's", "here’s", "and", "but", "so", "yes", "no",
                          "background", "context", "disclosure", "clarification", "quote", "tweet", "statement", "wow",
                          "busted", "boom", "shock", "shocking", "revealed", "confirmed", "official"})


_LINE_LABEL = LazyRe(r"[A-Za-z]+:\s+(?=[A-Z])")


def _speaker_line(text: str) -> str | None:
    """The speaker of a line that opens with a name and a colon: "Trey Gowdy:", "Dr. Ben Carson:", "Issa:";
    never a label ("UPDATE:", "The Latest:", "Here’s Clinton in December 1992:"), a place or a common word
    (one word is a name only when it is no word of the lexicons)."""
    m = _SPEAKER_LINE.match(text)
    if m is None:
        return None
    np = m.group("np")
    words = np.split()
    if any(w.lower().strip(".") in _LINE_LABELS for w in words) or words[0] in ("The", "A", "An", "This", "My"):
        return None  # ("The Ninth Circle: The Hellish View ...": a title, not a speaker)
    after = text[m.end("np") + 1:].split(None, 1)
    if is_place(np) or not_a_speaker(np) or (after and (after[0].lower().strip(",.") in DAYS_MONTHS
                                                         or after[0][:1].isdigit())):
        return None  # "London: Tuesday 23 January 2018: ...": a dateline
    if any(w.endswith("s") and (w.lower() in _HEADLINE_VERBS or (k < len(words) - 1 and not w.endswith("ss")))
           for k, w in enumerate(words) if k):
        return None  # "Clinton Cash Debunks Hillary: ...": a headline's verb before the colon, no name
    if len(words) == 1 and (np.lower() in mined().cues or np.lower() in lexicon().unnamed
                            or np.lower() in _NOT_NAMES or np.lower() in title_words()):
        return None
    subj = classify(np, _NO_SPEAKERS)
    if subj is None or subj.kind != "person" or not subj.text[:1].isupper():
        return None
    return subj.text


# a subject led by "the" ("The Sanders campaign has endorsed", "The report also documented"), then its
# verb, which must be a cue: "The problem is ..." names no speaker
_OWN_ROLE = LazyRe(
    r"^(?:(?P<front>[A-Z][\w’'-]*(?:\s+[\w’'.-]+){0,6}),\s+)?"
    r"(?P<np>[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){0,3}[a-z][\w-]*)"
    r"\s+(?:[a-z]+ly\s+)?(?:(?:has|have|had|will|would)\s+)?(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")


# the heads of a role or a document that can be a source ("the senator", "the report")
_SPEAKING_HEADS = frozenset({
    "senator", "governor", "president", "candidate", "nominee", "congressman", "congresswoman", "lawmaker",
    "minister", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson", "judge", "justice", "official",
    "officials", "report", "study", "poll", "survey", "statement", "memo", "analysis", "letter", "lawsuit",
    "complaint", "ad", "audit", "filing", "indictment", "ruling", "court", "document", "documents", "chairman",
    "chairwoman", "director", "leader", "frontrunner", "front-runner", "billionaire", "businessman",
    "businesswoman", "senators", "candidates", "ambassador", "prosecutor", "prosecutors", "lawyer", "lawyers",
    "attorney", "attorneys", "general", "commissioner", "sheriff", "chief", "speaker", "pope", "diplomat",
    # a body that speaks for itself ("The group asked whether", "The newspaper ... writes")
    "group", "newspaper", "campaign", "committee", "agency", "organization", "organisation", "union", "company",
    "government", "administration", "department", "ministry", "party", "board", "council", "panel", "network",
    "magazine", "website", "outlet"})


def _own_role_subject(text: str) -> str | None:
    """The subject a sentence opens with when it is a role or a body led by "the" and a cue follows it
    ("The Sanders campaign has endorsed none of this", "Friday, the senator said")."""
    m = _OWN_ROLE.match(text)
    if m is None:
        return None
    if not _fronted(m.group("front"), endings=("ly",)):
        return None
    verb = m.group("verb")
    cue = mined().cues.get(verb)
    if verb not in lexicon().verb_forms and (cue is None or cue.reliability < CARRY_CUE):
        return None
    subj = classify(m.group("np"), _NO_SPEAKERS)
    if subj is None or subj.kind not in ("person", "org", "other") or (
            subj.kind == "other" and subj.text.split()[-1].lower() not in _SPEAKING_HEADS):
        return None  # "The case framed another test ...": a thing that speaks for nobody
    return subj.text


# a subject led by "the": a body's name or a role ("The National Rifle Association", "The real estate mogul"),
# an aside ("which has endorsed Trump"), then its verb
_OWN_THE = LazyRe(
    r"^(?:(?P<front>[A-Z][\w’'-]*(?:\s+[^\s,;:]+){0,10}),\s+)?"
    r"(?P<np>[Tt]he\s+(?:(?:[A-Z][\w'’.&-]*\s+){1,4}|(?:[a-z][\w-]*\s+){0,2})"
    r"(?!(?:also|now|still|then|again|never|already|even|just|often|later|once|[a-z]+ly)\b)[\w'’.&-]+)"
    r"(?:,\s+(?:which|who)\b[^,;:\"“”]{0,100},)?"
    r"\s+(?:(?:also|now|still|then|again|never|already|even|just|often|later|once|quickly|[a-z]+ly)\s+)?"
    r"(?:(?:has|have|had|will|would)\s+(?:[a-z]+ly\s+|also\s+|not\s+)?)?"
    rf"(?P<verb>(?!(?:was|is|has|does|as|its|this|thus|plus|us)\b)(?:{_IRREGULAR_PAST}|[a-z][\w-]*[^s\W]s|[a-z][\w-]*ed))\b")
# the heads of a role or a body that acts or speaks for itself, besides _SPEAKING_HEADS
_ACTING_HEADS = _SPEAKING_HEADS | frozenset({
    "mogul", "tycoon", "museum", "association", "institute", "foundation", "bureau", "senate", "house", "crowd",
    "audience", "protesters", "demonstrators", "pac", "coalition", "alliance", "federation", "caucus", "delegation",
    "commission", "authority", "regulator", "police", "army", "military", "team", "firm", "bank", "university",
    "school", "center", "centre", "league", "movement", "network", "station", "paper", "publication", "review",
    "investigation", "inquiry", "research", "data", "figures", "polls", "poll", "survey", "study", "studies",
    "governor", "congressman", "judge", "jury", "panel", "group", "organizers", "organisers", "activists", "voters"})


def _own_the_subject(text: str) -> str | None:
    """The subject led by "the" a sentence opens with (after a fronted phrase), when it can act or speak: a
    name ("The National Rifle Association"), or a role or a body ("The real estate mogul", "The report");
    not a thing that speaks for nobody ("The problem is", "The timing of ...")."""
    m = _OWN_THE.match(text)
    if m is None:
        return None
    if not _fronted(m.group("front"), numbers=False):
        return None
    np = m.group("np")
    words = np.split()
    if any(w.lower() in ("for", "of") for w in words[1:]) or any(w in _ROLE_STOP for w in words[1:]):
        return None
    subj = classify(np, _NO_SPEAKERS)
    if subj is None or subj.kind not in ("person", "org", "other") or len(subj.text.split()) < 2:
        return None
    if subj.kind == "other" and subj.text.split()[-1].lower() not in _ACTING_HEADS:
        return None
    if subj.kind == "person" and not all(w[:1].isupper() for w in words[1:]) \
            and words[-1].lower() not in _ACTING_HEADS:
        return None  # "The Ethiopian marathoner" typed a person: a role, kept only with a head that acts
    return subj.text


# what a subject noun phrase ends before: a finite verb (an auxiliary or modal, negated or not)
_FINITE = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "should",
                     "may", "might", "must", "did", "does", "do", "hasn't", "haven't", "hadn't", "isn't", "aren't",
                     "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't", "don't",
                     "hasn’t", "haven’t", "isn’t", "aren’t", "wasn’t", "weren’t", "won’t", "wouldn’t", "can’t",
                     "couldn’t", "didn’t", "doesn’t", "don’t"})
_IRREGULAR = frozenset(_IRREGULAR_PAST.split("|"))
# adverbs between a subject and its verb ("city officials have since balked", "all voted")
_SUBJECT_ADVERBS = frozenset({"also", "now", "still", "then", "again", "never", "already", "even", "just", "often",
                              "later", "once", "always", "both", "all", "since", "first", "each", "have", "has",
                              "had", "not"})
# the words a subject noun phrase may open with besides names and nouns
_NP_OPENERS = frozenset({"the", "a", "an", "these", "those", "some", "many", "most", "all", "any", "both", "another",
                         "his", "her", "their", "its", "our", "each", "every", "about", "nearly", "almost", "more",
                         "less", "only", "fewer", "roughly", "just", "over", "under", "at", "least", "than"})
# a subject that names nobody: a pronoun, a demonstrative or a dummy ("It is", "There were", "What ...")
_NP_NOT_SUBJECT = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "here", "what",
                             "who", "which", "how", "why", "when", "where", "if", "as", "while", "because", "though",
                             "although", "since", "after", "before", "once", "until", "unless", "whether", "so",
                             "such", "no", "none", "nothing", "one", "ones", "it's", "it’s", "there's", "there’s",
                             "that's", "that’s", "his", "her", "its", "their", "our", "my", "your", "whose"})
_NP_PREPOSITIONS = frozenset({"of", "in", "at", "for", "from", "with", "on", "across", "around", "among", "inside",
                              "outside", "within"})
# people of a kind by their ending ("investors", "advocates" are not; "backers", "detractors", "pastors",
# "economists", "Republicans" are)
_PEOPLE_PLURAL = re.compile(r"[a-z]{2,}(?:ers|ors|ists|ians|ants|ents)")


def _np_verb(word: str, prev: str, after: str = "") -> bool:
    """Whether `word` (lower case, bare) is the finite verb after a subject noun phrase whose last word is
    `prev` (`after`: the word that follows it): an auxiliary, a past tense, a reporting or belief verb's form
    (cues_mined.tsv), or a verb by the tagger's table of frequent words; a word in -s followed by an auxiliary
    is a plural noun ("Immigrant rights advocates have")."""
    if word in _FINITE or word in _IRREGULAR:
        return True
    plural = prev.endswith("s") or prev[:1].isdigit() or prev in ("percent", "%", "all", "10")
    if after in _FINITE and word.endswith("s"):
        return False
    form = lexicon().verbs.get(word)
    if form is not None:
        return form.kind != "base" or plural
    cue = mined().cues.get(word)
    if cue is not None and cue.cls in ("reporting-verb", "belief-verb") and cue.reliability >= GATE_RELIABLE:
        return plural or word.endswith(("s", "ed"))
    tags = tagger_model().tags
    usual = tags.get(word)
    if usual is not None:
        return usual == "VERB"
    if len(word) > 4 and word.endswith("ed"):
        return True
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return tags.get(word[:-1]) == "VERB" or tags.get(word[:-2]) == "VERB"
    return False


@lru_cache(maxsize=1)
def _speaking_nouns() -> frozenset[str]:
    """The head nouns of people or bodies: speaker_heads.txt, the acting heads, unnamed.txt, the organisations."""
    return speaker_heads() | _ACTING_HEADS | lexicon().unnamed | frozenset(ORG_WORDS) | {"percent", "%"}


def _speaks(head: str) -> bool:
    """Whether a lower-case head noun names people or a body that can speak or act for itself ("officials",
    "the center", "an employee", "backers")."""
    nouns = _speaking_nouns()
    return head in nouns or head + "s" in nouns or (head.endswith("s") and head[:-1] in nouns) \
        or _PEOPLE_PLURAL.fullmatch(head) is not None


_ASIDE_CLOSE = {"(": ")", "—": "—", "--": "--", "–": "–"}
_NP_STOP = re.compile(r"[\"“”;:?!]")  # a quotation or a clause's punctuation: no subject noun phrase goes past it


_BARE_STRIP = ",.;:\"“”‘’()"


def _bare(word: str) -> str:
    return word.strip(_BARE_STRIP).lower()


def _verb_ahead(words: Sequence[str], bares: Sequence[str], i: int, prev: str) -> bool:
    """Whether the finite verb stands at words[i], past adverbs ("have since balked", "typically oppose");
    `bares`: the words as _bare gives them."""
    k, n = i, len(words)
    while k < n - 1 and (bares[k] in _SUBJECT_ADVERBS or (
            len(bares[k]) > 4 and bares[k].endswith("ly") and bares[k] not in _LY_NOUNS)) and bares[k] not in _FINITE:
        k += 1
    if k >= n:
        return False
    bare = bares[k]
    if not bare or words[k][:1].isupper():
        return False
    if bare in _NOUN_OR_VERB:  # "voters in all five states (voting)", "his claims": the tagger decides
        lo = max(0, k - 2)
        return tagger_model().is_verb([x.strip(",.;:\"“”‘’()") or x for x in words[lo:k + 3]], k - lo)
    return _np_verb(bare, prev, bares[k + 1] if k + 1 < n else "")


_BE_FORMS = frozenset({"is", "are", "was", "were", "been", "be", "being", "isn't", "aren't", "wasn't", "weren't",
                       "isn’t", "aren’t", "wasn’t", "weren’t"})


_LEADING_TIME = DAYS_MONTHS | {"just", "only", "then", "now", "also", "still"}


def _passive_at(bares: Sequence[str], i: int) -> bool:
    """Whether the verb group at position i is a passive ("was kidnapped", "can be presented", "are meant")."""
    be = False
    for k in range(i, min(len(bares), i + 5)):
        w = bares[k]
        if w in _BE_FORMS:
            be = True
        elif not (w in _FINITE or w in _SUBJECT_ADVERBS or (len(w) > 4 and w.endswith("ly"))):
            return be and (w.endswith("ed") or w in _PARTICIPLES or w in _IRREGULAR)
    return False


def _speech_verb_at(words: Sequence[str], bares: Sequence[str], i: int) -> bool:
    """Whether the verb group at words[i] says or thinks something, in the active voice: a reporting verb's form
    (reporting_verbs.txt) or a mined reporting or belief cue ("say", "have since balked", "strongly supported",
    "did not respond"), never a passive ("was sentenced") or an act ("attacked", "had a lead")."""
    be = False
    for k in range(i, min(len(words), i + 5)):
        w = bares[k]
        if w in _BE_FORMS:
            be = True
            continue
        if w in _FINITE or w in _SUBJECT_ADVERBS or (len(w) > 4 and w.endswith("ly") and w not in _LY_NOUNS):
            continue
        if be and (w.endswith("ed") or w in _PARTICIPLES or w in _IRREGULAR):
            return False  # "was sentenced", "are meant": what was done to the subject
        if w in lexicon().verb_forms:
            return True
        cue = mined().cues.get(w)
        return cue is not None and cue.cls in ("reporting-verb", "belief-verb") and cue.reliability >= GATE_RELIABLE
    return False


_DASHES = frozenset("—–―-")


def _own_np_subject(text: str, *, speech_only: bool = False) -> str | None:
    """The noun phrase a sentence opens with, up to its finite verb, when its head names people or a body:
    "Investors see ...", "City officials have since balked", "About two-thirds of Republican primary voters in
    all five states support ...", "The center has declined", "Another Trump supporter in Silicon Valley, Tyrone
    Pike, had ...". A name, a role or a group the sentence is about is who acts or speaks in it, not the speaker
    of the sentence before (the learned part's attributions of acts; no laundering). None for a pronoun, a thing
    ("The legislation passed"), or a phrase with no verb after it. `speech_only`: only the subject of a verb that
    says or thinks something (_speech_verb_at), not of an act ("attacked the man", "had a lead")."""
    if text[:1] in _DASHES and text[1:2] == " " and text[2:3].islower():
        return None  # "— but its publication offers ...": the rest of a sentence a dash broke off, no subject
    dateline = _DATELINE.match(text)
    if dateline is not None:
        text = text[dateline.end():]
    # (a conjunction before the subject is no fronted phrase: "Yet Democratic economists, like ..., say")
    while text[:4] in ("But ", "And ", "Yet ", "So, ") or text[:3] == "So ":
        text = text.split(None, 1)[1] if " " in text else ""
    for k in range(3):  # fronted phrases: "In a move that shocked nearly everyone, especially in ..., Christie"
        comma = text.find(", ", 0, 200)
        # (a number before a comma is a year, "On June 4, 2008,"; not "64 percent call him competent,")
        # (and the rest of a place: "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush", "At a
        # rally in Bend, Ore., on Tuesday, Senator Lind endorsed": the state's abbreviation was the subject "Ore")
        if comma < 0 or not (_fronted(text[:comma], numbers=False) or text[:comma].isdigit()
                             or is_place(text[:comma]) or (k > 0 and _STATE_ABBREVIATION.fullmatch(text[:comma]))) \
                or _QUOTE_CHARS.search(text, 0, comma):
            break
        text = text[comma + 2:]
    stop = _NP_STOP.search(text)  # no subject noun phrase goes past a quotation mark or a colon (its verb may)
    words = text.split()
    limit = len(words) if stop is None else len(text[:stop.start()].split())
    while words and words[0] in ("But", "And", "Yet", "So", "Still", "Now", "Instead", "Meanwhile"):
        words = words[1:]
    first = _bare(words[0]) if words else ""
    if len(words) < 2 or first in _NP_NOT_SUBJECT or limit == 0 or (first in PREPOSITIONS and first not in _APPROXIMATE) \
            or (first.endswith("ing") and len(first) > 5 and not people_plural(_bare(words[1]))):
        # ("In the court room their lawyers advocated": a place; "Reneging on his pledge cost ...": a gerund; but
        # "Hacking specialists say", "Polling experts warn": a noun before people)
        return None
    limit -= len(text.split()) - len(words)  # (the conjunctions dropped)
    words = words[:40]  # (a subject, an aside and the verb fit in forty words)
    bares = [w.strip(_BARE_STRIP).lower() for w in words]
    core: list[str] = []  # the phrase up to its head
    tail: list[str] = []  # a prepositional phrase after the head ("of Republican primary voters")
    i = 0
    last = ""  # what the verb agrees with: "s" once a plural or a number is in the phrase, else its last word
    while True:
        if i >= len(words) or len(core) + len(tail) > 14:
            return None
        w = words[i]
        bare = bares[i]
        if core and (w in _ASIDE_CLOSE or w.startswith("(")):
            # "Politifact (which is not ...) examined", "Frankel — like Reid, a supporter of ... — recalled"
            close = _ASIDE_CLOSE.get(w, ")")
            j = i + 1 if w in _ASIDE_CLOSE else i
            while j < len(words) and j - i < 30 and not words[j].rstrip(",").endswith(close):
                j += 1
            if j + 1 >= len(words) or j - i >= 30:
                return None
            i = j + 1
            if _verb_ahead(words, bares, i, last):
                break
            continue
        if core and _verb_ahead(words, bares, i, last):
            break
        if core and bare in _TIME_OPENERS:
            # "The State Department less than two weeks ago said", "Sanders late Monday acquiesced": a time between
            # the subject and its verb
            when = _TIME_ADJUNCT.match(" ".join(words[i:i + 7]))
            if when is not None:
                n = len(when.group(0).split())
                if _verb_ahead(words, bares, i + n, last):
                    i += n
                    break
        if not bare or i >= limit or (bare in PREPOSITIONS and bare not in _NP_PREPOSITIONS
                                      and bare not in _NP_OPENERS):
            return None
        if tail or (bare in _NP_PREPOSITIONS and core):
            tail.append(w)
        else:
            core.append(w)
        if last != "s":
            # (a plural anywhere in the phrase lets a base form be its verb: "two-thirds of voters ... support")
            last = "s" if bare.endswith("s") or w[:1].isdigit() or bare in NUMBERS_DURATIONS else _bare(core[-1])
        i += 1
        if w.endswith(","):
            # an aside: an age, a role, a relative clause, up to the comma before the verb ("Ashley Yago, 33, a
            # supporter ... in Greeley, Colo., finds"; "The employee of nearly four years, a registered
            # Republican who ..., said")
            (tail or core)[-1] = w.rstrip(",")
            if i < len(words) and _bare(words[i]) in _SUBJECT_PRONOUNS | {"it"}:
                return None  # "A Libertarian, he backed ...": the pronoun is the subject
            j = i
            while j < len(words) and j - i <= 30 and not _QUOTE_CHARS.search(words[j]):
                if words[j].endswith(",") and _verb_ahead(words, bares, j + 1, "s"):
                    break
                j += 1
            if j + 1 >= len(words) or j - i > 30 or _QUOTE_CHARS.search(words[j]):
                return None
            i = j + 1
            break
    if not core or _passive_at(bares, i) or (speech_only and not _speech_verb_at(words, bares, i)):
        return None  # ("Evidence can be presented", "a French Jew ... was kidnapped": done to the subject)
    while len(core) > 1 and _bare(core[0]) in _LEADING_TIME:
        core = core[1:]  # "(Just this month) Hungary's prime minister lashed out"
    while tail and (_bare(tail[-1]) in DAYS_MONTHS or _bare(tail[-1]) in _NP_PREPOSITIONS):
        tail.pop()  # "The Not1More campaign on Tuesday (released)": a time, not part of the speaker
    while len(core) > 1 and _bare(core[-1]) in DAYS_MONTHS:
        core.pop()  # "A judge last month (ordered)": a time, not part of the speaker
    head = core[-1].strip(",.;:").replace("’", "'")
    if head.endswith("'s"):
        return None  # "Sanders's (strength)": the phrase was cut at a possessor
    low = head.lower()
    counted = bool(tail) and (low in DETERMINERS or low in NUMBERS_DURATIONS or low.isdigit()) and (
        _speaks(_bare(tail[-1])) or _bare(tail[0]) == "in")  # "Both of his GOP senators", "one in five"
    if not counted and (low in _NP_NOT_SUBJECT or low in DETERMINERS or low in PREPOSITIONS):
        return None
    # no more than its first prepositional phrase: "About two-thirds of Republican primary voters (in all five
    # states voting Tuesday)"
    nxt = next((k for k in range(1, len(tail)) if _bare(tail[k]) in _NP_PREPOSITIONS), len(tail))
    tail = tail[:nxt] if len(core) + nxt <= MAX_PHRASE_WORDS else []
    approximate = _bare(core[0]) in _APPROXIMATE  # "About 40 (percent)"
    if len(core) > 1 and _bare(core[0]) in PREPOSITIONS:
        core = core[1:]  # "(About) two-thirds of voters": a source opens with no preposition
    phrase = " ".join(core + tail).strip(",;: ")
    if not_a_speaker(phrase) is not None:
        return None
    if head[:1].isupper() and not counted:
        # (the core alone: "Sen. John McCain (of Arizona)" is McCain, not Arizona; but a title's name comes after
        # it, "Florida's Secretary of State Ken Detzner")
        titled = low.strip(".") in title_words() and bool(tail)
        subj = classify(phrase if titled else " ".join(core), _NO_SPEAKERS)
        if subj is None or subj.kind not in ("person", "org", "other", "unnamed"):
            return None
        if subj.kind in ("other", "unnamed") and not (_speaks(low) or low.endswith("s")):
            return None
        return subj.text if subj.kind in ("person", "org") else phrase
    if not _speaks(low) and not (approximate or counted or any(w[:1].isdigit() for w in core) or (
            tail and _speaks(_bare(tail[-1])))):  # "two-thirds of Republican primary voters"
        return None
    return phrase


MAX_PHRASE_WORDS = 12
_DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME_OPENERS = frozenset({"late", "early", "earlier", "last", "this", "on", "less", "more", "a", "one", "two", "three",
                           "four", "five", "six", "several", "just"})
# a time adjunct between a subject and its verb (the words are matched whole, then the verb must follow)
_TIME_ADJUNCT = LazyRe(
    rf"(?:(?:late|early)\s+(?:{_DAY_NAMES}|night|morning|afternoon|evening)"
    rf"|(?:last|this|earlier\s+this)\s+(?:week|weekend|month|year|{_DAY_NAMES})"
    rf"|on\s+(?:{_DAY_NAMES})"
    r"|(?:just\s+)?(?:(?:less|more)\s+than\s+)?(?:a|one|two|three|four|five|six|several|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago)(?=\s|$)")


def _headline_subject(text: str) -> str | None:
    """The name a title-case headline opens with, up to its verb: "Carly Fiorina (Endorses Ted Cruz)",
    "AFL-CIO (to endorse Clinton)", "Ted Cruz (Refuses to ...)", "Donald Trump (Finally Endorses ...)". The
    verb is a reporting verb, a mined cue (cues_mined.tsv), a verb form of the lexicon, an auxiliary or an
    adverb in -ly; one word alone is a name only before a reporting verb ("Pence Endorses Paul Ryan")."""
    if ":" in text[:60]:
        line = _speaker_line(text)  # "Trey Gowdy: Benghazi ...": the name before the colon
        if line is not None:
            return line
        label = _LINE_LABEL.match(text)
        if label is not None and label.group(0).split(":")[0].lower() in _LINE_LABELS:
            text = text[label.end():]  # "Wow: Al Sharpton Just Said ...": the headline after its label
    words = text.split()
    cues = mined().cues
    forms = lexicon().verb_forms
    k = 0
    strong = False  # the word that ends the name is a reporting verb of _HEADLINE_VERBS
    starts = [m.start() for m in _NONSPACE.finditer(text, 0, 200)]  # where each of the first words starts
    while k < len(words) and k < 5:
        low = words[k].lower().strip(".,:;")
        cue = cues.get(low)
        if k and (low in _HEADLINE_VERBS or (cue is not None and cue.reliability >= CARRY_CUE) or low == "to"
                  or (words[k][:1].islower() and low not in _NAME_PARTICLES)):
            strong = low in _HEADLINE_VERBS
            break  # (a lower-case word other than a name's particle ends the name: "Gov. Andrew Cuomo (went)")
        if words[k][-1:] == ":":
            return None  # "Clinton Wades In: Urges ...", "OK Gov Fallin: Trump Is ...": no name before a verb
        if k == 1 and len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS:
            break  # "Republicans Finally (Confirmed A Judge)": an adverb after one word; the one-word rule decides
        if k >= 2 and (low in forms or low in _HEADLINE_AUX or (len(low) > 4 and low.endswith("ly")
                                                                and low not in _LY_NOUNS)
                       or (low.endswith("s") and not low.endswith(("ss", "'s", "’s")) and len(low) > 3
                           and verb_at(text, starts[k]) is True)):
            break  # "Ted Cruz Refuses", "Tim Kaine Fully (Embraced)", "Trump May (Not Have)": the name ends
        k += 1
    if (k < 2 and not (k == 1 and strong)) or k >= len(words) or k == 5 or words[k - 1][-1:] in ",:;" or (
            k + 1 < len(words) and words[k + 1].lower() == "by"):
        return None  # one word ("Wash (Post)"), or a passive ("Suspect Named By Police")
    np = " ".join(words[:k])
    if " and " in np:  # "Bolton and Gorka Slam ...": both
        left, _, right = np.partition(" and ")
        names = [b.text for b in (classify(left, _NO_SPEAKERS), classify(right, _NO_SPEAKERS))
                 if b is not None and b.kind in ("person", "org")]
        return " and ".join(names) if len(names) == 2 else None
    subj = classify(np, _NO_SPEAKERS)
    if subj is None or subj.kind not in ("person", "org") or not subj.text[:1].isupper():
        return None
    return subj.text


_NONSPACE = LazyRe(r"\S+")
_NAME_PARTICLES = frozenset({"of", "for", "and", "de", "van", "von", "der", "la", "le", "del", "da", "di", "bin"})
# the auxiliaries and adverbs that end a title-case headline's name ("Hillary Clinton Under (Pressure)" is not one)
_HEADLINE_AUX = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "may", "might", "can",
                           "could", "should", "must", "just", "now", "still", "again", "also", "finally", "under"})


def _strongest_cue(info: SentenceInfo) -> str | None:
    """The text of the sentence's most reliable cue (the first of equals), if it has one; a reporting
    verb's form read as a noun or an adjective ("his claim", "the reported memo") is none."""
    strongest = max((c for k, c in info.found if not _as_noun(info, k, c)), key=_reliability, default=None)
    return strongest.text if strongest else None


def _reliability(c: Cue) -> float:
    return c.reliability
