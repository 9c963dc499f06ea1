"""email.header: decode_header for RFC 2047 encoded words (gobake)."""
import re
import binascii

_ecre = re.compile(r'=\?([^?]*)\?([qQbB])\?(.*?)\?=')


def _decode_q(s):
    out = []
    i = 0
    s = s.replace('_', ' ')
    while i < len(s):
        c = s[i]
        if c == '=' and i + 2 < len(s) + 1 and re.match(r'[0-9A-Fa-f]{2}', s[i + 1:i + 3]):
            out.append(int(s[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(ord(c))
            i += 1
    return bytes(out)


def decode_header(header):
    if not _ecre.search(header):
        return [(header, None)]
    parts = []
    pos = 0
    for m in _ecre.finditer(header):
        text = header[pos:m.start()]
        if text.strip():
            parts.append((text.encode('utf-8'), None))
        charset = m.group(1).lower()
        enc = m.group(2).lower()
        data = m.group(3)
        if enc == 'q':
            raw = _decode_q(data)
        else:
            raw = binascii.a2b_base64(data + '=' * (-len(data) % 4))
        parts.append((raw, charset))
        pos = m.end()
    tail = header[pos:]
    if tail.strip():
        parts.append((tail.encode('utf-8'), None))
    merged = []
    for raw, charset in parts:
        if merged and merged[-1][1] == charset:
            merged[-1] = (merged[-1][0] + raw, charset)
        else:
            merged.append((raw, charset))
    return merged
