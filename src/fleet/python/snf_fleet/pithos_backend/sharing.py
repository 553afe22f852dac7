"""Sharing of the Pithos backend: permissions (xfeatures per path, xfeaturevals key 0 read / 1 write with
'*', '<account>' or '<account>:<group>'), public paths and account groups (12:BL/permissions.py,
xfeatures.py, public.py, groups.py). At 0.13 a public path also gets a random URL (13:BL/public.py)."""
import secrets

READ, WRITE = 0, 1
_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _feature(db, path):
    row = db.one('SELECT feature_id FROM xfeatures WHERE path = %s', (path,))
    return row[0] if row else None


def access_get(db, path):
    """{READ: [...], WRITE: [...]} of the path itself (no inheritance), empty when not shared."""
    feature = _feature(db, path)
    if feature is None:
        return {}
    permissions = {}
    for key, value in db.all('SELECT key, value FROM xfeaturevals WHERE feature_id = %s ORDER BY value', (feature,)):
        permissions.setdefault(key, []).append(value)
    return permissions


def access_set(db, path, permissions):
    feature = _feature(db, path)
    if feature is None:
        feature = db.insert('INSERT INTO xfeatures (path) VALUES (%s)', (path,), 'feature_id')
    db.execute('DELETE FROM xfeaturevals WHERE feature_id = %s', (feature,))
    for key, values in permissions.items():
        for value in values:
            db.execute('INSERT INTO xfeaturevals (feature_id, key, value) VALUES (%s, %s, %s)', (feature, key, value))


def access_grant_read(db, path, account):
    permissions = access_get(db, path)
    if account not in permissions.get(READ, []):
        permissions.setdefault(READ, []).append(account)
    access_set(db, path, permissions)


def public_get(db, path):
    row = db.one('SELECT public_id FROM public WHERE path = %s AND active', (path,))
    return row[0] if row else None


def public_set(db, path, with_url=False):
    if public_get(db, path) is not None:
        return
    if with_url:
        url = '/public/' + ''.join(secrets.choice(_ALPHABET) for _ in range(16))
        db.execute('INSERT INTO public (path, active, url) VALUES (%s, true, %s)', (path, url))
    else:
        db.execute('INSERT INTO public (path, active) VALUES (%s, true)', (path,))


def groups_of(db, owner):
    groups = {}
    for name, member in db.all('SELECT name, member FROM groups WHERE owner = %s ORDER BY name, member', (owner,)):
        groups.setdefault(name, []).append(member)
    return groups


def group_set(db, owner, name, members):
    db.execute('DELETE FROM groups WHERE owner = %s AND name = %s', (owner, name))
    for member in members:
        db.execute('INSERT INTO groups (owner, name, member) VALUES (%s, %s, %s)', (owner, name, member))


def clear_account(db, account):
    prefix = account.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_') + '/%'
    db.execute('DELETE FROM xfeatures WHERE path LIKE %s', (prefix,))
    db.execute('DELETE FROM public WHERE path LIKE %s', (prefix,))
    db.execute('DELETE FROM groups WHERE owner = %s', (account,))
