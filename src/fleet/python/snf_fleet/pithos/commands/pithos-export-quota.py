"""snf-manage pithos-export-quota: one line per account that has a 'quota' policy row, whatever its value
(0 = unlimited too), INF = 10**30 (13:PC/pithos-export-quota.py:55-81)."""
import os
from optparse import make_option

from snf_fleet.management import BaseCommand, CommandError
from snf_fleet.pithos import config


class Command(BaseCommand):
    help = 'Export account quota policies'
    option_list = BaseCommand.option_list + (
        make_option('--location', dest='location', default='exported_policies',
                    help='Where to save the output file'),
    )

    def handle(self, *args, **options):
        backend = config.backend(config.load(self.settings))
        try:
            rows = backend.db.all("SELECT n.path, p.value FROM nodes n, policy p WHERE n.node != 0"
                                  " AND n.parent = 0 AND n.node = p.node AND p.key = 'quota'")
            location = os.path.abspath(options['location'])
            try:
                f = open(location, 'w')
            except IOError as e:
                raise CommandError(e)
            inf = str(10 ** 30)
            with f:
                for path, value in rows:
                    f.write(' '.join([path, 'pithos+.diskspace', value, '0', inf, inf]) + '\n')
        finally:
            backend.close()
