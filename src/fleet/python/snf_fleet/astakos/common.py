"""Helpers of Astakos' management commands (13:snf-astakos-app/astakos/im/management/commands/_common.py)."""
import re
import uuid as uuidlib

EMAIL_RE = re.compile(r"^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                      r"@(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z]{2,6}\.?$", re.IGNORECASE)


def format_bool(b):
    return 'YES' if b else 'NO'


def is_uuid(s):
    try:
        uuidlib.UUID(s)
        return True
    except (TypeError, ValueError):
        return False


def is_email(s):
    return bool(s) and EMAIL_RE.match(s) is not None


def print_table(out, labels, widths, rows, csv):
    """Right-justified columns under a header and a dash line, or '|'-separated rows (-c)."""
    if not csv:
        line = ' '.join(l.rjust(w) for l, w in zip(labels, widths))
        out.write(line + '\n')
        out.write('-' * len(line) + '\n')
    for fields in rows:
        fields = ['' if f is None else str(f) for f in fields]
        out.write(('|'.join(fields) if csv else ' '.join(f.rjust(w) for f, w in zip(fields, widths))) + '\n')
