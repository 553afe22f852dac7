"""snf-manage service-list [-c] (12/13:snf-astakos-app/astakos/im/management/commands/service-list.py:40-76;
0.13 adds the order column)."""
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos.common import print_table
from snf_fleet.lib.versions import at_least_013
from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = 'List services'
    option_list = BaseCommand.option_list + (
        make_option('-c', action='store_true', dest='csv', default=False, help='Use pipes to separate values'),
    )

    def handle(self, *args, **options):
        if args:
            raise CommandError("Command doesn't accept any arguments")
        conn = db.connect(self.settings)
        try:
            if at_least_013('astakos_app'):
                labels, widths = ('id', 'order', 'name', 'url', 'auth_token', 'icon'), (3, 3, 12, 40, 20, 20)
                sql = 'SELECT id, "order", name, url, auth_token, icon FROM im_service ORDER BY "order", id'
            else:
                labels, widths = ('id', 'name', 'url', 'auth_token', 'icon'), (3, 12, 40, 20, 20)
                sql = 'SELECT id, name, url, auth_token, icon FROM im_service ORDER BY id'
            print_table(self.stdout, labels, widths, db.rows(conn, sql), options['csv'])
        finally:
            conn.close()
