"""The fetch layer both reading a URL (read/url.py) and checking sources (check/) use.

- `settings.FetchSettings`: how the network is used (guard, cache, timeouts, limits)
- `http.Fetcher`, `http.FetchError`: the one HTTP layer (cache, offline, SSRF guard, retries)
- `guard`: the private-address guard

Imports are lazy: `import provenance.net` costs nothing on the CLI start-up path.
"""
