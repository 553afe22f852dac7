# release: 0.13
"""Astakos 0.13, South data migration im:0016, its Python part (run after the .sql part, steps 1-3, in the
same transaction; 13:snf-astakos-app/astakos/im/migrations/0016_auth_providers_and_projects.py:44-84):

4a. every id in the setting ASTAKOS_MIGRATION_0045_DELETE_DUPLICATE_USER_IDS is deleted, printing
    'Removing user: <email> (<id>)'; an id without a user, or whose email has no other (case-insensitive)
    holder, raises (:45-62);
4b. for each remaining group of users whose emails are equal but for case: 'Duplicate email found in database',
    '<id>: <email> (is_active: <True|False>)' per user, then Python 2's input() asks 'Select which user id you
    want to BE PRESERVED in the database: ' -- on standard input, whatever --noinput says; the answer is
    evaluated (an empty line is a SyntaxError, end of input an EOFError); a false one (0) raises 'Email <e> is
    not unique ...'; the others of the group are deleted (:64-77);
5.  username = lower(email) wherever the username is not an email address (:78-84).
A deleted user takes every row that refers to it (Django's cascade), found through the foreign keys.
"""
import ast
import re

EMAIL_RE = re.compile(r"^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                      r"@(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z]{2,6}\.?$", re.IGNORECASE)


def python2_input(prompt):
    """input() of Python 2: the line is evaluated as an expression."""
    line = input(prompt)
    if not line.strip():
        raise SyntaxError('unexpected EOF while parsing')
    return ast.literal_eval(line.strip())


def referencing(cur, table, column):
    """(table, column) pairs of the foreign keys that point at table(column)."""
    cur.execute("""SELECT cl.relname, a.attname FROM pg_constraint c
                     JOIN pg_class cl ON cl.oid = c.conrelid
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                     JOIN pg_class ft ON ft.oid = c.confrelid
                     JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
                    WHERE c.contype = 'f' AND ft.relname = %s AND fa.attname = %s""", (table, column))
    return cur.fetchall()


def primary_key(cur, table):
    cur.execute("""SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                    AND a.attnum = i.indkey[0] WHERE i.indrelid = %s::regclass AND i.indisprimary""", (table,))
    row = cur.fetchone()
    return row[0] if row else None


def cascade(cur, table, column, values):
    """Deletes the rows of table whose column is in values, after the rows that refer to them."""
    if not values:
        return
    pk = primary_key(cur, table)
    if pk:
        cur.execute('SELECT %s FROM %s WHERE %s = ANY(%%s)' % (pk, table, column), (list(values),))
        keys = [r[0] for r in cur.fetchall()]
        for ref_table, ref_column in referencing(cur, table, pk):
            if ref_table != table:
                cascade(cur, ref_table, ref_column, keys)
    cur.execute('DELETE FROM %s WHERE %s = ANY(%%s)' % (table, column), (list(values),))


def delete_users(cur, ids):
    cascade(cur, 'im_astakosuser', 'user_ptr_id', ids)
    cascade(cur, 'auth_user', 'id', ids)


def forwards(conn, settings):
    with conn.cursor() as cur:
        for pk in getattr(settings, 'ASTAKOS_MIGRATION_0045_DELETE_DUPLICATE_USER_IDS', []):
            cur.execute('SELECT email FROM auth_user WHERE id = %s', (int(pk),))
            row = cur.fetchone()
            if row is None:
                raise Exception("You requested user with id %s to be removed but such user doesn't exist in "
                                "database" % pk)
            print('Removing user: %s (%d)' % (row[0], int(pk)))
            cur.execute('SELECT count(*) FROM auth_user WHERE upper(email) = upper(%s)', (row[0],))
            if cur.fetchone()[0] == 1:
                raise Exception('You requested user with duplicate email %s and id (%d) to be removed, but it '
                                'seems that only one user exists with this email in the database.'
                                % (row[0], int(pk)))
            delete_users(cur, [int(pk)])
        cur.execute('SELECT u.id, u.email FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id '
                    'ORDER BY u.id')
        for _, email in cur.fetchall():
            cur.execute('SELECT u.id, u.email, u.is_active FROM auth_user u JOIN im_astakosuser a '
                        'ON a.user_ptr_id = u.id WHERE upper(u.email) = upper(%s) ORDER BY u.id', (email,))
            existing = cur.fetchall()
            if len(existing) > 1:
                print('Duplicate email found in database')
                for pk, address, active in existing:
                    print('%d: %s (is_active: %s)' % (pk, address, active))
                keep = python2_input('Select which user id you want to BE PRESERVED in the database: ')
                if not keep:
                    raise Exception('Email %s is not unique %r. Please resolve conflicts and run migrate again.'
                                    % (email, ['<AstakosUser: %s>' % e[1] for e in existing]))
                delete_users(cur, [pk for pk, _, _ in existing if pk != int(keep)])
            cur.execute('SELECT u.id, u.username, u.email FROM auth_user u WHERE upper(u.email) = upper(%s)',
                        (email,))
            survivor = cur.fetchone()
            if survivor and not EMAIL_RE.match(survivor[1]):
                cur.execute('UPDATE auth_user SET username = %s WHERE id = %s', (survivor[2].lower(), survivor[0]))
