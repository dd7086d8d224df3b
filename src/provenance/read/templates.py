"""Template and component syntax of site generators, kept out of the prose without losing what it carries.

`strip_templates(text, mdx=...)` returns the text with every construct below replaced by spaces
(newlines kept, so every line and column of the prose stays where the file has it), a link target
written in its place when the construct gives one, and counts of what was found:

| syntax | generators | what happens |
|---|---|---|
| `{{ "/about/" \\| url }}`, `relative_url`, `absolute_url`, `{% link p.md %}`, `{% post_url 2010-07-21-x %}` | Liquid (Jekyll, Eleventy), Nunjucks | the link target is kept: a site link |
| `{{ site.baseurl }}`, `{{ site.url }}`, `{{ config.base_url }}` before a path | Jekyll, Eleventy, Zola | dropped, the path after it kept: a site link |
| `{{< ref "p.md" >}}`, `{{< relref "p" >}}` | Hugo | the page path is kept: a site link |
| `{{< figure >}}`, `youtube`, `vimeo`, `tweet`, `x`, `instagram`, `gist`, `video`, `{% image %}`, `{% youtube %}`, `\\| embed` filters, `{{ youtube(id=…) }}` | Hugo, Liquid, Zola | media: not a sentence, not a citation |
| other `{{< … >}}`, `{{% … %}}`, `{% name(…) %}` … `{% end %}`, `{% if %}`/`{% for %}` | Hugo, Zola, Liquid | the tags dropped, the text between them kept |
| `{% comment %}`…`{% endcomment %}`, `{% highlight %}`…`{% endhighlight %}`, `{% raw %}`, `{# … #}` | Liquid, Nunjucks, Zola | dropped with their content (comments, code) |
| MDX `import` / `export` lines, `{/* … */}` and `{expressions}` | MDX | dropped |
| JSX components `<AlertBox level="info">…</AlertBox>`, `<Tweet id="…" />` | MDX | the tags and their props dropped, text children kept; embeds (`Tweet`, `YouTube`, `Video`, `Image`…) are media |
| any other `{{ … }}` or `{% … %}` | | dropped, counted as `unknown` |

Code is left alone: fenced and indented code blocks, and inline code spans, are never touched
(`{{closure}}` in a Rust backtrace stays code).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

MEDIA = frozenset({
    "figure", "youtube", "vimeo", "tweet", "x", "instagram", "gist", "video", "audio", "image", "img", "picture",
    "embed", "iframe", "twitter", "bluesky", "mastodon", "codepen", "asciinema", "loom", "spotify", "soundcloud",
    "podcast", "slideshare", "speakerdeck", "map", "gallery", "photo", "svg", "mermaid", "callout_image",
})
# Liquid filters that turn a literal into a site URL.
_URL_FILTERS = re.compile(r"\|\s*(?:url|relative_url|absolute_url|link|locale_url|htmlbaseurl|inputPathToUrl|"
                          r"absoluteUrl|prepend:\s*site\.baseurl)\b")
_BASE_VARS = re.compile(r"^\s*(?:site\.(?:baseurl|url|base_url|base)|config\.base_url|base_url|baseurl|"
                        r"\.Site\.BaseURL|site_url|metadata\.url)\s*(?:\|[^}]*)?$")
_LITERAL = re.compile(r"""["']([^"']+)["']""")
_DROP_BODY = {"comment": "endcomment", "highlight": "endhighlight", "raw": "endraw", "codeblock": "endcodeblock"}
_FENCE = re.compile(r"^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})")  # also inside a blockquote or a list item
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# A component opens a tag where a word cannot go on: "Vec<Foo>" and "::<Vec<f32>>" are code, not JSX.
_JSX_OPEN = re.compile(r"(?<![\w:<&])<([A-Z][\w.]*)(?=[\s/>])")
_MDX_ESM = re.compile(r"^(?:import\s+(?:[\w*{$]|['\"])|export\s+(?:default\b|const\b|let\b|var\b|function\b|async\b|"
                      r"\{|\*|class\b))")
_EXPR = re.compile(r"\{/\*.*?\*/\}", re.S)


@dataclass(frozen=True, slots=True)
class Stripped:
    text: str
    counts: tuple[tuple[str, int], ...]  # ("link", n), ("media", n), ("tag", n), ("unknown", n), ...


def _blank(s: str) -> str:
    return "".join(c if c == "\n" else " " for c in s)


def _put(s: str, replacement: str) -> str:
    """`replacement` in place of `s`, padded with spaces to the same length (newlines of `s` kept
    after it), so nothing after it moves."""
    if not replacement:
        return _blank(s)
    first_nl = s.find("\n")
    head = s if first_nl < 0 else s[:first_nl]
    if len(replacement) > len(head):
        return _blank(s)
    return replacement + _blank(s[len(replacement):])


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of code: fenced blocks, indented blocks after a blank line, inline code spans."""
    spans: list[tuple[int, int]] = []
    pos = 0
    fence: str | None = None
    start = 0
    prev_blank = True
    in_indented = False
    for line in text.split("\n"):
        end = pos + len(line)
        if fence is not None:
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                spans.append((start, end))
                fence = None
        elif m := _FENCE.match(line):
            fence, start = m.group(1), pos
        elif line.startswith(("    ", "\t")) and (prev_blank or in_indented) and line.strip():
            spans.append((pos, end))
            in_indented = True
        else:
            if line.strip():
                in_indented = False
                spans.extend((pos + a.start(), pos + a.end()) for a in _INLINE_CODE.finditer(line))
        prev_blank = not line.strip()
        pos = end + 1
    if fence is not None:
        spans.append((start, len(text)))
    return sorted(spans)


_IN = r"((?:(?!\n[ \t]*\n).)*?)"  # a tag's inside: lazily, never across a blank line (a stray "{{" stays local)
_TAG = re.compile(r"\{\{<\s*(/?)\s*([\w./-]+)" + _IN + r">\}\}|\{\{%\s*(/?)\s*([\w./-]+)" + _IN + r"%\}\}|"  # Hugo
                  r"\{%-?\s*(\w+)" + _IN + r"-?%\}|"  # Liquid, Nunjucks, Zola tags
                  r"\{\{-?" + _IN + r"-?\}\}|"  # Liquid, Nunjucks output; Zola inline shortcodes
                  r"\{#(?:(?!\n[ \t]*\n).)*?#\}", re.S)


def strip_templates(text: str, *, mdx: bool = False) -> Stripped:
    """Replace template and component syntax outside code with spaces (see the module docstring)."""
    if "{" not in text and not (mdx or "<" in text):
        return Stripped(text, ())
    counts: Counter[str] = Counter()
    code = _protected(text)
    chars = list(text)

    starts = [s for s, _e in code]

    def in_code(a: int) -> bool:
        i = bisect_right(starts, a) - 1
        return i >= 0 and a < code[i][1]

    def put(a: int, b: int, replacement: str = "") -> None:
        chars[a:b] = list(_put(text[a:b], replacement))

    if "{" in text:
        drop_until: tuple[str, int] | None = None  # (closing tag, where the dropped body starts)
        for m in _TAG.finditer(text):
            a, b = m.span()
            if in_code(a):
                continue
            if drop_until is not None:
                if (m.group(7) or "").lower() == drop_until[0]:
                    put(drop_until[1], b)
                    drop_until = None
                continue
            if m.group(2) is not None or m.group(5) is not None:  # Hugo
                closing = m.group(1) or m.group(4)
                name = (m.group(2) or m.group(5) or "").lower()
                args = m.group(3) if m.group(2) is not None else m.group(6)
                lit = _LITERAL.search(args or "")
                bare = (args or "").split()
                if name in ("ref", "relref") and (lit or bare):
                    put(a, b, lit.group(1) if lit else bare[0])
                    counts["link"] += 1
                elif name in MEDIA and not closing:
                    put(a, b)
                    counts["media"] += 1
                else:
                    put(a, b)
                    counts["tag"] += 1 if not closing else 0
            elif m.group(7) is not None:  # {% tag ... %}
                name, args = m.group(7).lower(), (m.group(8) or "").strip()
                lit = _LITERAL.search(args)
                if name in _DROP_BODY:
                    drop_until = (_DROP_BODY[name], a)
                    counts["code" if name in ("highlight", "codeblock") else "comment"] += 1
                elif name == "link" and (lit or args):
                    target = lit.group(1) if lit else args.split()[0]
                    put(a, b, "/" + target.lstrip("/"))
                    counts["link"] += 1
                elif name == "post_url" and (lit or args):
                    slug = (lit.group(1) if lit else args.split()[0]).strip("/")
                    dm = re.match(r"(?:(.*)/)?(\d{4})-(\d{2})-(\d{2})-(.+)$", slug)
                    put(a, b, f"/{dm.group(2)}/{dm.group(3)}/{dm.group(4)}/{dm.group(5)}/" if dm else f"/{slug}/")
                    counts["link"] += 1
                elif name in MEDIA or (name == "include" and re.search(r"video|youtube|image|figure|embed|tweet",
                                                                       args, re.I)):
                    put(a, b)
                    counts["media"] += 1
                else:
                    put(a, b)  # if/for/end/include/set/name(...) of a Zola block shortcode: the tag goes
                    if not name.startswith("end") and name not in ("else", "elsif", "elif"):
                        counts["tag"] += 1
            elif m.group(9) is not None:  # {{ ... }}
                inner = m.group(9).strip()
                lit = _LITERAL.search(inner)
                fname = re.match(r"(\w+)\s*\(", inner)
                if re.search(r"\|\s*(?:embed|youtube|video|image|img|figure|tweet)\b", inner) or (
                        fname and fname.group(1).lower() in MEDIA):
                    put(a, b)
                    counts["media"] += 1
                elif lit and _URL_FILTERS.search(inner):
                    put(a, b, lit.group(1))
                    counts["link"] += 1
                elif _BASE_VARS.match(inner):
                    put(a, b)
                    counts["base"] += 1
                else:
                    put(a, b)
                    counts["unknown"] += 1
            else:  # {# comment #}
                put(a, b)
                counts["comment"] += 1
        if drop_until is not None:  # an unclosed comment or highlight: up to the end
            put(drop_until[1], len(text))
    if mdx or _JSX_OPEN.search(text):
        _strip_jsx(text, chars, in_code, counts, mdx=mdx)
    if not counts:
        return Stripped(text, ())
    return Stripped(_unindent("".join(chars), text), tuple(sorted(counts.items())))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _unindent(new: str, old: str) -> str:
    """A line whose opening template was blanked must not become an indented code block: its text
    moves back to where the line's own indentation ends (the blanks go to the line's end, so the
    line count and every other line stay put; only that line's columns shift)."""
    lines = new.split("\n")
    olds = old.split("\n")
    for i, (line, was) in enumerate(zip(lines, olds, strict=True)):
        n, o = _indent(line), _indent(was)
        if n > o and n - o >= 1 and n >= 4 and line.strip():
            lines[i] = line[:o] + line[n:] + " " * (n - o)
    return "\n".join(lines)


def _jsx_tag_end(text: str, start: int) -> int:
    """End of a JSX tag opening at `start` ("<Name ... >"), skipping quoted and {braced} props."""
    depth = 0
    quote = ""
    i = start + 1
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'`" and depth == 0:
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == ">" and depth == 0:
            return i + 1
        i += 1
    return len(text)


def _strip_jsx(text: str, chars: list[str], code_at: Callable[[int], bool], counts: Counter[str], *,
               mdx: bool) -> None:

    def blank(a: int, b: int) -> None:
        chars[a:b] = list(_blank("".join(chars[a:b])))

    if mdx:
        pos = 0
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            line = lines[i]
            if _MDX_ESM.match(line) and not code_at(pos):
                # an import/export statement runs to a blank line
                start = pos
                while i < len(lines) and lines[i].strip():
                    pos += len(lines[i]) + 1
                    i += 1
                blank(start, pos - 1 if pos - 1 >= start else pos)
                counts["mdx"] += 1
                continue
            pos += len(line) + 1
            i += 1
        for m in _EXPR.finditer(text):
            if not code_at(m.start()):
                blank(m.start(), m.end())
                counts["mdx"] += 1
    for m in _JSX_OPEN.finditer(text):
        a = m.start()
        if code_at(a):
            continue
        b = _jsx_tag_end(text, a)
        name = m.group(1).split(".")[-1].lower()
        blank(a, b)
        counts["media" if name in MEDIA else "component"] += 1
    for m in re.finditer(r"(?<![\w:<&])</([A-Z][\w.]*)\s*>", text):
        if not code_at(m.start()):
            blank(m.start(), m.end())
