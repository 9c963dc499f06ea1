"""email: only email.header.decode_header (gobake; used by oe.patch)."""
__path__ = []
