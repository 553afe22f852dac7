"""snf-manage cyclades-astakos-migrate-013: Cyclades' user identifiers from emails to Astakos uuids
(13:CC/cyclades-astakos-migrate-013.py). --validate-db is on by default (so --validate only works as its
prefix); validation runs unless --merge-user, --delete-user or --user-entries is given; --migrate-users asks
Astakos over HTTP (service/api/user_catalogs with CYCLADES_ASTAKOS_SERVICE_TOKEN) per email and reports a
failed lookup per user without stopping; --delete-user asks for 'yes of course'."""
import sys
from optparse import make_option

from snf_fleet import db
from snf_fleet.lib import astakos
from snf_fleet.management import BaseCommand, CommandError

# (table, owner column) of Cyclades' user-agnostic models (13:C/api/util.py:592-608)
OWNED = (('db_virtualmachine', 'userid'), ('db_network', 'userid'), ('userdata_publickeypair', '"user"'))


def warn(*msgs):
    print('WARNING: %s' % ' '.join(msgs))


def existing_users(conn):
    users = set()
    for table, column in OWNED:
        users.update(r[0] for r in db.rows(conn, 'SELECT %s FROM %s' % (column, table)))
    return users


def py2_repr(values):
    """A list of unicode strings as Python 2 printed it (the real message shows u'...')."""
    return '[%s]' % ', '.join("u'%s'" % v for v in values)


def validate_db_state(usernames):
    """case_unique (13:snf-common/synnefo/lib/utils.py:74-88) and the mixed-identifier warning (:64-77)."""
    usernames = [u for u in usernames if u]
    lowered = {u.lower() for u in usernames}
    if len(lowered) != len(usernames):
        invalid = sorted(set(usernames) - lowered)
        invalid.append(invalid[0].lower())
        raise CommandError('Duplicate case insensitive user identifiers exist %s' % py2_repr(invalid))
    if len([u for u in usernames if '@' in u]) != len(usernames):
        warn('It seems that mixed uuid/email user identifiers exist in database.')
        return False
    return True


def entries(conn, username):
    counts = {}
    for table, column in OWNED:
        counts[table] = db.row(conn, 'SELECT count(*) FROM %s WHERE %s = %%s' % (table, column), (username,))[0]
    return counts


def delete_user(conn, username, only_stats=True, dry=True):
    counts = entries(conn, username)
    if not any(counts.values()):
        print("No entries exist for '%s'" % username)
        return -1
    if only_stats:
        destroyed = db.row(conn, "SELECT count(*) FROM db_virtualmachine WHERE userid = %s"
                                 " AND operstate = 'DESTROYED'", (username,))[0]
        print('The following entries will be deleted if you decide to remove this user')
        print('%d Virtual Machines' % (counts['db_virtualmachine'] - destroyed))
        print('%d Destroyed Virtual Machines' % destroyed)
        print('%d Networks' % counts['db_network'])
        print('%d PublicKeyPairs' % counts['userdata_publickeypair'])
        return None
    # Django's delete() takes the rows that point at a VM or a network with it.
    vms = 'SELECT id FROM db_virtualmachine WHERE userid = %s'
    nets = 'SELECT id FROM db_network WHERE userid = %s'
    for table in ('db_networkinterface', 'db_virtualmachinemetadata', 'db_virtualmachinediagnostic'):
        db.execute(conn, 'DELETE FROM %s WHERE %s IN (%s)'
                   % (table, 'vm_id' if table == 'db_virtualmachinemetadata' else 'machine_id', vms), (username,))
    for table in ('db_networkinterface', 'db_backendnetwork'):
        db.execute(conn, 'DELETE FROM %s WHERE network_id IN (%s)' % (table, nets), (username,))
    for table, column in OWNED:
        db.execute(conn, 'DELETE FROM %s WHERE %s = %%s' % (table, column), (username,))
    if dry:
        print('Skipping database commit.')
        conn.rollback()
    else:
        conn.commit()
        print('User entries removed.')
    return None


def merge_user(conn, username):
    for table, column in OWNED:
        db.execute(conn, 'UPDATE %s SET %s = %%s WHERE lower(%s) = lower(%%s)' % (table, column, column),
                   (username.lower(), username))
    conn.commit()


def migrate_users(conn, usernames, get_uuid, dry=True):
    count = 0
    for u in sorted(u for u in usernames if u):
        if '@' not in u:
            warn("Skipping %s. It doesn't seem to be an email" % u)
            continue
        try:
            uuid = get_uuid(u)
            print('%s -> %s' % (u, uuid))
            if not uuid:
                raise Exception('No uuid for %s' % u)
            for table, column in OWNED[:2]:
                db.execute(conn, 'UPDATE %s SET %s = %%s WHERE %s = %%s' % (table, column, column), (uuid, u))
            db.execute(conn, 'UPDATE userdata_publickeypair SET "user" = %s WHERE "user" = %s', (uuid, u))
            count += 1
        except Exception as e:
            print('ERROR: User id migration failed (%s)' % e)
    if dry:
        print('Skipping database commit.')
        conn.rollback()
    else:
        conn.commit()
        print('Migrated %d users' % count)


class Command(BaseCommand):
    help = 'Quotas migration helper'
    option_list = BaseCommand.option_list + (
        make_option('--strict', dest='strict', action='store_false', default=True, help='Exit on warnings.'),
        make_option('--validate-db', dest='validate', action='store_true', default=True,
                    help='Check if cyclades database contents are valid for migration.'),
        make_option('--migrate-users', dest='migrate_users', action='store_true', default=False,
                    help='Convert emails to uuids for all users stored in database.'),
        make_option('--merge-user', dest='merge_user', default=False,
                    help='Merge case insensitive duplicates of a user.'),
        make_option('--delete-user', dest='delete_user', action='store', default=False, help='Delete user entries.'),
        make_option('--user-entries', dest='user_entries', action='store', default=False,
                    help='Display user summary.'),
        make_option('--dry', dest='dry', action='store_true', default=False,
                    help='Do not commit database changes. Do not communicate with quotaholder'),
        make_option('--user', dest='user', action='store', default=False),
    )

    def handle(self, *args, **options):
        if len([o for o in (options.get('migrate_users'), options.get('merge_user')) if o]) > 1:
            raise CommandError('You can use only one of --validate,--migrate-users')
        settings = self.settings
        dry = options.get('dry')
        conn = db.connect(settings)
        try:
            usernames = None
            if options.get('validate') and not options.get('merge_user') and not options.get('delete_user') \
                    and not options.get('user_entries'):
                usernames = existing_users(conn)
                validate_db_state(usernames)
            if options.get('migrate_users'):
                url = settings.ASTAKOS_URL.replace('im/authenticate', 'service/api/user_catalogs')
                token = settings.CYCLADES_ASTAKOS_SERVICE_TOKEN
                migrate_users(conn, usernames, lambda u: astakos.get_user_uuid(token, u, url=url), dry=dry)
            if options.get('merge_user'):
                merge_user(conn, options.get('merge_user'))
                print('Merge finished.')
            if options.get('delete_user'):
                if delete_user(conn, options.get('delete_user'), only_stats=True) == -1:
                    return
                sys.stdout.flush()
                if input("Type 'yes of course' if you are sure you want to remove those entries: ") \
                        != 'yes of course':
                    return
                delete_user(conn, options.get('delete_user'), only_stats=False, dry=dry)
            if options.get('user_entries'):
                delete_user(conn, options.get('user_entries'))
        finally:
            conn.close()
