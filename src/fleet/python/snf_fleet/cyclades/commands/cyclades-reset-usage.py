"""snf-manage cyclades-reset-usage [--userid U] [--dry-run]: the usage counted in the Cyclades database
(non-deleted VMs: count, CPUs, disk GB x 2^30, RAM MB x 2^20; non-deleted networks of any kind) sent as one
reset_holding call per user; the quotaholder's rejections are ignored, a failed call is reported on stderr
(13:CQ/management/commands/cyclades-reset-usage.py:40-76, 13:CQ/util.py:37-71)."""
from optparse import make_option

from snf_fleet import db
from snf_fleet.cyclades import quotas
from snf_fleet.management import BaseCommand


def db_holdings(conn, users=None):
    holdings = {}
    only = ' AND userid = ANY(%s)' if users else ''
    args = (users,) if users else ()
    for user, num, ram, cpu, disk in db.rows(
            conn, 'SELECT v.userid, count(v.id), sum(f.ram), sum(f.cpu), sum(f.disk) FROM db_virtualmachine v'
                  ' JOIN db_flavor f ON f.id = v.flavor_id WHERE NOT v.deleted%s GROUP BY v.userid ORDER BY 1'
                  % only.replace('userid', 'v.userid'), args):
        holdings[user] = {'vm': num, 'cpu': cpu, 'disk': 1073741824 * disk, 'ram': 1048576 * ram}
    for user, num in db.rows(conn, 'SELECT userid, count(id) FROM db_network WHERE NOT deleted%s'
                                   ' GROUP BY userid ORDER BY 1' % only, args):
        holdings.setdefault(user, {})['network.private'] = num
    return holdings


class Command(BaseCommand):
    help = 'Reset cyclades.* usage values in Quotaholder'
    option_list = BaseCommand.option_list + (
        make_option('--userid', dest='userid', default=None, help='Verify quotas only for this user'),
        make_option('--dry-run', dest='dry_run', action='store_true', default=False),
    )

    def handle(self, *args, **options):
        settings = self.settings
        conn = db.connect(settings)
        try:
            holdings = db_holdings(conn, [options['userid']] if options['userid'] else None)
        finally:
            conn.close()
        qh = quotas.quotaholder(settings, None)
        for user, resources in holdings.items():
            if not user:
                continue
            reset_holding = [(user, 'cyclades.' + res, '1', val, 0, 0, 0) for res, val in resources.items()]
            if options['dry_run']:
                self.stdout.write('Reseting holding: %s\n' % reset_holding)
                continue
            try:
                qh.reset_holding(reset_holding=reset_holding)
            except Exception as e:
                self.stderr.write('Can not set up holding:%s' % e)
