"""urllib: package of URL modules (gobake provides urllib.parse)."""
