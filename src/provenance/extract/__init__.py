"""What the article cites: outlets, links (with roles), direct quotes and primary sources."""

from provenance.core.quotes import QuoteSpan, find_quotes
from provenance.extract.links import extract_links
from provenance.extract.outlets import extract_outlets
from provenance.extract.primary import extract_primary_sources

__all__ = ["QuoteSpan", "extract_links", "extract_outlets", "extract_primary_sources", "find_quotes"]
