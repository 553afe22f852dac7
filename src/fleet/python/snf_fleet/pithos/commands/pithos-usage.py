"""snf-manage pithos-usage [--list] [--reset] [--user UUID ...]: every account's usage recomputed from its
versions per cluster, checked against its statistics rows (a mismatch is printed), listed as
`<account>: <bytes>`; --reset sends them to the quotaholder as reset_holding (clientkey 'pithos') and drops
the accounts it rejects (13:PC/pithos-usage.py:57-195)."""
from optparse import make_option

from snf_fleet.management import BaseCommand, CommandError
from snf_fleet.pithos import config
from snf_fleet.pithos_backend.backend import CLUSTER_DELETED, CLUSTER_HISTORY, CLUSTER_NORMAL


def verified_usage(backend, users):
    """[(account, bytes)] of the accounts' normal cluster; mismatching statistics are printed."""
    sql = 'SELECT path, node FROM nodes WHERE node != 0 AND parent = 0'
    args = ()
    if users:
        sql += ' AND path IN (%s)' % ', '.join(['%s'] * len(users))
        args = tuple(users)
    nodes = backend.db.all(sql + ' ORDER BY node', args)
    if not nodes:
        raise CommandError('No users found.')
    usage = []
    for path, node in nodes:
        sizes = dict(backend.db.all(
            'SELECT v.cluster, sum(v.size) FROM versions v JOIN nodes n ON n.node = v.node'
            ' WHERE n.node IN (SELECT node FROM nodes WHERE parent IN (SELECT node FROM nodes WHERE parent = %s)'
            ' OR node IN (SELECT node FROM nodes WHERE parent = %s)) GROUP BY v.cluster', (node, node)))
        for cluster in (CLUSTER_NORMAL, CLUSTER_HISTORY, CLUSTER_DELETED):
            size = int(sizes.get(cluster) or 0)
            stored = backend.db.one('SELECT size FROM statistics WHERE node = %s AND cluster = %s', (node, cluster))
            if not stored:
                continue
            if size != stored[0]:
                print('%d[%s][%d], size: %d != %d' % (node, path, cluster, size, stored[0]))
            if cluster == CLUSTER_NORMAL:
                usage.append((path, size))
    return usage


class Command(BaseCommand):
    help = 'List and reset pithos usage'
    option_list = BaseCommand.option_list + (
        make_option('--list', dest='list', action='store_true', default=True,
                    help='List usage for all or specified user'),
        make_option('--reset', dest='reset', action='store_true', default=False,
                    help='Reset usage for all or specified users'),
        make_option('--user', dest='users', action='append', metavar='USER_UUID',
                    help='Specify which users --list or --reset applies. This option can be repeated several '
                         'times. If no user is specified --list or --reset will be applied globally.'),
    )

    def handle(self, *args, **options):
        pithos = config.load(self.settings)
        backend = config.backend(pithos)
        try:
            usage = verified_usage(backend, options['users'])
            print('\n'.join('%s: %s' % item for item in usage))
            if options['reset']:
                if not pithos.USE_QUOTAHOLDER:
                    raise CommandError('Quotaholder component is not enabled')
                if not pithos.QUOTAHOLDER_URL:
                    raise CommandError('Quotaholder url is not set')
                if not pithos.QUOTAHOLDER_TOKEN:
                    raise CommandError('Quotaholder token is not set')
                reset_holding = [[account, 'pithos+.diskspace', '1', size, 0, 0, 0] for account, size in usage]
                while True:
                    rejected = backend.quotaholder.call('reset_holding', context={}, clientkey='pithos',
                                                        reset_holding=reset_holding)
                    if not rejected:
                        break
                    self.stdout.write('Unknown quotaholder users: %s\n'
                                      % ', '.join(reset_holding[i][0] for i in rejected))
                    self.stdout.write('Retrying sending quota usage for the rest...\n')
                    reset_holding = [x for i, x in enumerate(reset_holding) if i not in set(rejected)]
        finally:
            backend.close()
