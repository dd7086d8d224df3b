"""Does the cited page hold the quote, or support the claim, it is cited for?

Matching works on word tokens, so curly quotes, dashes, whitespace, case and light punctuation
never matter: "Don’t  call it—a ‘crisis’" matches "don't call it a crisis". A quote with an
ellipsis ("we will ... prevail") or an editorial insertion ("[the minister] said") is matched
piece by piece. A claim without a quote gets a support measure: the weighted share of its names,
numbers and key terms found together in the best passage of the page.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from provenance.model import Corroboration

_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_SPLIT = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]|\([^)]*\.\.\.[^)]*\)")
_STOP = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
    "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "said", "same", "says", "say", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "yourself", "yourselves", "told", "according", "week", "year",
    "years", "today", "yesterday", "new", "one", "two", "mr", "mrs", "ms",
})


def normalise(text: str) -> str:
    """NFKC, straight quotes, and no soft hyphens or zero-width characters."""
    text = unicodedata.normalize("NFKC", text)
    return (text.replace("\u00ad", "").replace("\u200b", "").replace("’", "'").replace("‘", "'")
            .replace("“", '"').replace("”", '"').replace("ʼ", "'"))


def _token(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "").replace("ʼ", "")


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's paragraphs, tokenised once, with each token's place in its paragraph."""

    paragraphs: tuple[str, ...]
    tokens: tuple[str, ...]
    where: tuple[tuple[int, int, int], ...]  # (paragraph, start, end) per token
    joined: str  # " tok tok tok " for fast exact sequence search
    offsets: tuple[int, ...]  # start of each token in `joined`

    @classmethod
    def of(cls, paragraphs: list[str]) -> PageText:
        tokens: list[str] = []
        where: list[tuple[int, int, int]] = []
        paras = tuple(normalise(p) for p in paragraphs)
        for i, para in enumerate(paras):
            for m in _WORD.finditer(para):
                tokens.append(_token(m.group()))
                where.append((i, m.start(), m.end()))
        offsets: list[int] = []
        pos = 1
        for t in tokens:
            offsets.append(pos)
            pos += len(t) + 1
        return cls(paras, tuple(tokens), tuple(where), " " + " ".join(tokens) + " ", tuple(offsets))

    def find(self, seq: list[str]) -> int | None:
        """Index of the first token of `seq` as a contiguous run, or None."""
        if not seq:
            return None
        at = self.joined.find(" " + " ".join(seq) + " ")
        if at < 0:
            return None
        return bisect_right(self.offsets, at + 1) - 1

    def passage(self, first: int, last: int, limit: int = 400) -> str:
        p1, s1, _ = self.where[first]
        p2, _, e2 = self.where[last]
        if p1 != p2:
            para = self.paragraphs[p1]
            return _trim(para, s1, len(para), limit)
        return _trim(self.paragraphs[p1], s1, e2, limit)


def _trim(para: str, start: int, end: int, limit: int) -> str:
    if len(para) <= limit:
        return para
    pad = max(0, (limit - (end - start)) // 2)
    a = max(0, start - pad)
    b = min(len(para), max(end + pad, a + limit))
    return ("…" if a > 0 else "") + para[a:b].strip() + ("…" if b < len(para) else "")


def tokens(text: str) -> list[str]:
    return [_token(m.group()) for m in _WORD.finditer(normalise(text))]


def find_quote(quote: str, page: PageText, url: str | None = None) -> Corroboration:
    """found: every piece of the quote is on the page; partial: most of it is; else not-found."""
    pieces = [p for p in (tokens(s) for s in _SPLIT.split(normalise(quote))) if p]
    total = sum(map(len, pieces))
    if not total:
        return Corroboration("unknown", url, detail="the quote has no words to look for")
    hits: list[tuple[int, int]] = []
    matched = 0
    missing: list[list[str]] = []
    for piece in pieces:
        at = page.find(piece)
        if at is None:
            missing.append(piece)
        else:
            hits.append((at, at + len(piece) - 1))
            matched += len(piece)
    if not missing:
        first = min(h[0] for h in hits)
        last = max(h[1] for h in hits)
        if last - first > 120:  # pieces far apart: show where the first one is
            first, last = hits[0]
        detail = "quote found verbatim" if len(pieces) == 1 else f"all {len(pieces)} parts of the quote found"
        return Corroboration("found", url, page.passage(first, last), 1.0, detail)
    best_run, best_at = 0, -1
    for piece in missing:
        run, at = _longest_run(piece, page)
        matched += run
        if run > best_run:
            best_run, best_at = run, at
    share = matched / total
    if share >= 0.5 and (best_run >= 3 or hits):
        if hits:
            first, last = hits[0]
        else:
            first, last = best_at, best_at + best_run - 1
        return Corroboration("partial", url, page.passage(first, last), round(share, 2),
                             f"{matched} of {total} words of the quote found in order; the rest differs")
    return Corroboration("not-found", url, None, round(share, 2), "the quote is not on the cited page")


def _longest_run(piece: list[str], page: PageText) -> tuple[int, int]:
    """Longest contiguous run of `piece` present on the page: (length, page index)."""
    best = (0, -1)
    n = len(piece)
    for i in range(n):
        if n - i <= best[0]:
            break
        lo, hi = best[0] + 1, n - i
        found_at = -1
        length = 0
        while lo <= hi:  # binary search on the run length starting at i
            mid = (lo + hi) // 2
            at = page.find(piece[i:i + mid])
            if at is None:
                hi = mid - 1
            else:
                length, found_at = mid, at
                lo = mid + 1
        if length > best[0]:
            best = (length, found_at)
    return best


# --------------------------------------------------------------------------- claims


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:7]


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    names: frozenset[str]
    numbers: frozenset[str]
    terms: frozenset[str]

    @property
    def weight(self) -> int:
        return 2 * len(self.names) + 2 * len(self.numbers) + len(self.terms)


def claim_terms(sentence: str) -> ClaimTerms:
    names: set[str] = set()
    numbers: set[str] = set()
    terms: set[str] = set()
    text = normalise(sentence)
    words = list(re.finditer(r"[\w][\w'.,%-]*[\w%]|\w", text))
    for i, m in enumerate(words):
        raw = m.group()
        if any(c.isdigit() for c in raw):
            numbers.add(re.sub(r"[^\d.%]", "", raw).rstrip("."))
            continue
        for part in re.split(r"[-'.,]", raw):
            if not part:
                continue
            low = part.lower()
            if low in _STOP:
                continue
            if part[0].isupper() and i > 0:
                names.add(_stem(part))
            elif len(low) >= 4:
                terms.add(_stem(low))
    numbers.discard("")
    return ClaimTerms(frozenset(names), frozenset(numbers), frozenset(terms - names))


def _passage_stems(text: str) -> tuple[set[str], set[str]]:
    text = normalise(text)
    stems = {_stem(w) for w in re.findall(r"[^\W\d_]+", text)}
    nums = {re.sub(r"[^\d.%]", "", w).rstrip(".") for w in re.findall(r"\d[\d,.%]*", text)}
    return stems, nums


def claim_support(sentence: str, paragraphs: list[str], url: str | None = None) -> Corroboration:
    """How much of the claim the best passage of the page supports: names and numbers weigh 2,
    other key terms 1. found >= 0.6, partial >= 0.3, else not-found."""
    want = claim_terms(sentence)
    if not want.weight:
        return Corroboration("unknown", url, detail="the claim has no names, numbers or key terms to compare")
    best: tuple[float, str, tuple[int, int, int]] = (-1.0, "", (0, 0, 0))
    windows = [p for p in paragraphs if p.strip()]
    windows += [a + " " + b for a, b in pairwise(windows) if len(a) < 300]
    for passage in windows:
        stems, nums = _passage_stems(passage)
        n = len(want.names & stems)
        k = len(want.numbers & nums)
        t = len(want.terms & stems)
        score = (2 * n + 2 * k + t) / want.weight
        if score > best[0]:
            best = (score, passage, (n, k, t))
    score, passage, (n, k, t) = best
    if score < 0:
        return Corroboration("not-found", url, None, 0.0, "the cited page has no text")
    status = "found" if score >= 0.6 else "partial" if score >= 0.3 else "not-found"
    detail = (f"best passage shares names {n}/{len(want.names)}, numbers {k}/{len(want.numbers)}, "
              f"key terms {t}/{len(want.terms)}")
    return Corroboration(status, url, _trim(passage, 0, min(len(passage), 400), 400) if score > 0 else None,
                         round(score, 2), detail)


def rank(c: Corroboration) -> tuple[int, float]:
    order = {"found": 3, "partial": 2, "not-found": 1, "unknown": 0}
    return order.get(c.status, 0), c.support or 0.0
