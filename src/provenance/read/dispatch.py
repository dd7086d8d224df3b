"""Pick a reader by file name or by sniffing the content."""

from __future__ import annotations

import re

from provenance.model import Document
from provenance.read.decode import decode

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
TEXT_SUFFIXES = (".txt", ".text")
ARTICLE_SUFFIXES = HTML_SUFFIXES + MARKDOWN_SUFFIXES + TEXT_SUFFIXES

_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<!--)", re.I)
_MD_SNIFF = re.compile(r"^(?:#{1,6} \S|\[[^\]]+\]\([^)]+\)|[-*] \S.*\]\()", re.M)


def guess_format(name: str, text: str) -> str:
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    head = text[:2048]
    if _HTML_SNIFF.match(head) or (re.search(r"<(?:p|div|h1)[\s>]", head, re.I) and "</" in head):
        return "html"
    if len(_MD_SNIFF.findall(text[:20000])) >= 2 or re.search(r"\]\(https?://", text[:20000]):
        return "markdown"
    return "text"


def read_string(text: str, *, source: str, fmt: str | None = None, encoding: str = "utf-8",
                url: str | None = None) -> Document:
    fmt = fmt or guess_format(source, text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if fmt == "html":
        from provenance.read.html import read_html

        return read_html(text, source=source, encoding=encoding, url=url)
    if fmt == "markdown":
        from provenance.read.markdown import read_markdown

        return read_markdown(text, source=source, encoding=encoding)
    from provenance.read.text import read_text

    return read_text(text, source=source, encoding=encoding)


def read_bytes(data: bytes, *, source: str, fmt: str | None = None, declared: str | None = None,
               url: str | None = None) -> Document:
    text, encoding = decode(data, declared=declared)
    return read_string(text, source=source, fmt=fmt, encoding=encoding, url=url)
