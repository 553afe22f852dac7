"""snf-manage pithos-manage-accounts (13:PC/pithos-manage-accounts.py:48-147, 13:P/swiss_army/__init__.py).

--list-duplicate: accounts of equal length matched by the other's name as an unescaped case-insensitive
regex; found -> CommandError (exit 1). --merge-accounts: after 'yes', every object of the source is copied
into the destination's container of the same name (a new version there, the destination's object of that
name passes to history), the source object's earlier versions are re-pointed to the copy, public objects
stay public, the source's groups are written over the destination's groups of the same names; the source
account stays, its objects readable by the destination. --delete-account: after 'yes', the account with its
containers, objects, sharing and groups is removed."""
import sys
from optparse import make_option

from snf_fleet.management import BaseCommand, CommandError
from snf_fleet.pithos import config
from snf_fleet.pithos_backend import sharing
from snf_fleet.pithos_backend.backend import CLUSTER_HISTORY, CLUSTER_NORMAL


def py2_repr(values):
    return '[%s]' % ', '.join("u'%s'" % v for v in values)


def existing_accounts(backend):
    return [r[0] for r in backend.db.all('SELECT path FROM nodes WHERE node != 0 AND parent = 0 ORDER BY node')]


def duplicate_accounts(backend):
    import re
    accounts = existing_accounts(backend)
    duplicates = []
    for i, account in enumerate(accounts):
        matcher = re.compile(account, re.IGNORECASE)
        found = [a for a in accounts[i + 1:] if len(a) == len(account) and matcher.match(a)]
        if found:
            duplicates.append([account] + found)
    return duplicates


def objects_of(backend, account):
    """'container/name' of the account's objects with a current version (swiss_army list_all_objects)."""
    return [r[0][len(account) + 1:] for r in backend.db.all(
        'SELECT o.path FROM nodes o JOIN nodes c ON c.node = o.parent JOIN versions v ON v.serial = o.latest_version'
        ' WHERE c.parent = (SELECT node FROM nodes WHERE path = %s AND parent = 0) AND v.cluster = %s'
        ' ORDER BY o.path', (account, CLUSTER_NORMAL))]


def copy_object(backend, src, dest, path):
    container, name = path.split('/', 1)
    src_path, dest_path = '/'.join((src, path)), '/'.join((dest, path))
    src_node = backend.node_lookup(src_path)
    serial, size, _uuid = backend.version_lookup(src_node)
    hash_, type_, checksum = backend.db.one('SELECT hash, type, checksum FROM versions WHERE serial = %s', (serial,))
    history = [r[0] for r in backend.db.all('SELECT serial FROM versions WHERE node = %s AND serial != %s'
                                            ' ORDER BY serial', (src_node, serial))]
    permissions = sharing.access_get(backend.db, src_path)
    sharing.access_grant_read(backend.db, src_path, dest)
    if backend.node_lookup('/'.join((dest, container))) is None:
        backend.put_container(dest, dest, container)
    backend.copy_version(dest, serial, dest, container, name, size, type_, hash_, checksum)
    dest_node = backend.node_lookup(dest_path)
    for old in history:
        backend.db.execute('UPDATE versions SET node = %s WHERE serial = %s', (dest_node, old))
    if permissions:
        sharing.access_set(backend.db, dest_path, permissions)
    if sharing.public_get(backend.db, src_path):
        sharing.public_set(backend.db, dest_path, with_url=backend.series == '0.13')


def merge(backend, src, dest):
    for path in objects_of(backend, src):
        copy_object(backend, src, dest, path)
    for group, members in sharing.groups_of(backend.db, src).items():
        sharing.group_set(backend.db, dest, group, members)


def delete(backend, account):
    node = backend.node_lookup(account)
    usage = backend.statistics_get(node, CLUSTER_NORMAL)[1] + backend.statistics_get(node, CLUSTER_HISTORY)[1]
    sharing.clear_account(backend.db, account)
    backend.db.execute('DELETE FROM nodes WHERE parent IN (SELECT node FROM nodes WHERE parent = %s)', (node,))
    backend.db.execute('DELETE FROM nodes WHERE parent = %s OR node = %s', (node, node))
    backend._report_size_change(account, -usage, account)


class Command(BaseCommand):
    help = 'Quotas migration helper'
    option_list = BaseCommand.option_list + (
        make_option('--list-duplicate', dest='duplicate-accounts', action='store_true', default=False,
                    help='Display case insensitive duplicate accounts.'),
        make_option('--list-all', dest='existing-accounts', action='store_true', default=False,
                    help='Display existing accounts.'),
        make_option('--merge-accounts', dest='merge_accounts', action='store_true', default=False,
                    help='Merge SRC_ACCOUNT and DEST_ACCOUNT.'),
        make_option('--delete-account', dest='delete_account', action='store', help='Delete DELETE_ACCOUNT.'),
        make_option('--src-account', dest='src_account', action='store',
                    help='Account to be merged and then deleted.'),
        make_option('--dest-account', dest='dest_account', action='store',
                    help='Account where SRC_ACCOUNT contents will be copied.'),
        make_option('--dry', dest='dry', action='store_true', default=False, help='Do not commit database changes.'),
    )

    def handle(self, *args, **options):
        backend = config.backend(config.load(self.settings))
        try:
            self.run(backend, options)
        except CommandError:
            raise
        except Exception as e:
            raise CommandError(e)
        finally:
            backend.close()

    def run(self, backend, options):
        listing, everything = options.get('duplicate-accounts'), options.get('existing-accounts')
        merging, deleting = options.get('merge_accounts'), options.get('delete_account')
        if not (listing or everything or merging or deleting):
            self.print_help('pithos-manage-accounts')
        if listing and not (everything or merging or deleting):
            duplicates = duplicate_accounts(backend)
            if duplicates:
                raise CommandError('The following case insensitive duplicates found:\n%s'
                                   % '\n'.join(', '.join(d) for d in duplicates))
            print('No duplicate accounts are found.')
        if everything and not (merging or deleting):
            print('The following accounts found:')
            print('%s' % '\n'.join(existing_accounts(backend)))
        if merging:
            src, dest = options.get('src_account'), options.get('dest_account')
            if not src:
                raise CommandError('Please specify a source account')
            if not dest:
                raise CommandError('Please specify a destination account')
            self.summary(backend, src, 'moved to %s' % dest, dest)
            if self.confirm("Type 'yes' if you are sure you want to move those entries to %s: " % dest):
                self.commit(backend, options, lambda: merge(backend, src, dest), '%s merged into %s.' % (src, dest))
            return
        if deleting:
            self.summary(backend, deleting, 'removed')
            if self.confirm("Type 'yes' if you are sure you want to remove those entries: "):
                self.commit(backend, options, lambda: delete(backend, deleting), '%s is deleted.' % deleting)

    @staticmethod
    def summary(backend, account, what, other=None):
        accounts = existing_accounts(backend)
        for name in (account, other):
            if name is not None and name not in accounts:
                raise NameError('%s does not exist' % name)
        print("The following %s's entries will be %s:" % (account, what))
        print('Objects: %s' % py2_repr(objects_of(backend, account)))
        print('Groups: %s' % py2_repr(sorted(sharing.groups_of(backend.db, account))))

    @staticmethod
    def confirm(prompt):
        sys.stdout.flush()
        return input(prompt) == 'yes'

    @staticmethod
    def commit(backend, options, change, done):
        def dry_or_done():
            change()
            if options.get('dry'):
                raise _Dry()
        try:
            backend.transaction(dry_or_done)
            print(done)
        except _Dry:
            print('Skipping database commit.')


class _Dry(Exception):
    """Rolls the transaction back for --dry."""
