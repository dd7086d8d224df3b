"""The ground floor: the shared vocabulary every stage stands on and none of them owns.

- `lexicon`: the word lists (data files in core/data/) with the trigger sets computed from them
- `speakers`: who can be a source (names, titles, institutions)
- `quotes`: quotation marks and quoted spans
- `urls`: URL and domain helpers, the one `registered_domain`

Nothing here imports a stage package (read, extract, judge, check, outlets).
"""
