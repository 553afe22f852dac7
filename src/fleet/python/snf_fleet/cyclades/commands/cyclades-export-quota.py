"""snf-manage cyclades-export-quota: every VMS_USER_QUOTA / NETWORKS_USER_QUOTA entry as an initial-quota
line, keys as configured, INF = 10**30 (13:CC/cyclades-export-quota.py:39-74)."""
import os
from optparse import make_option

from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = 'Export account quota policies'
    option_list = BaseCommand.option_list + (
        make_option('--location', dest='location', default='exported_quota', help='Where to save the output file'),
    )

    def handle(self, *args, **options):
        try:
            vms_per_user = self.settings.VMS_USER_QUOTA
            nets_per_user = self.settings.NETWORKS_USER_QUOTA
        except AttributeError as e:
            raise CommandError(e)
        location = os.path.abspath(options['location'])
        try:
            f = open(location, 'w')
        except IOError as e:
            raise CommandError(e)
        inf = str(10 ** 30)
        with f:
            for resource, per_user in (('cyclades.vm', vms_per_user), ('cyclades.network.private', nets_per_user)):
                for user, value in per_user.items():
                    f.write(' '.join([user, resource, '%s' % value, '0', inf, inf]) + '\n')
        self.stdout.write("Successfully exported cyclades per-user-quotas to file '%s'\n" % location)
