"""snf-manage user-set-initial-quota --from-file=<file> | --set-capacity <uuid or email> <resource> <capacity>
[-f] (13:snf-astakos-app/astakos/im/management/commands/user-set-initial-quota.py:79-206).

A file line is '<uuid> <service.resource> <capacity> <quantity> <import_limit> <export_limit>', split on
single spaces; users are found by uuid only; a bad line prints 'Invalid line format: [...]:', 'Not found user
having uuid: X' or 'Failed to policy: <error>' and the next line is read; a good one updates or creates the
user's AstakosUserQuota (each line on its own, as Django's autocommit). A positional file is ignored.
"""
import sys
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos.common import is_email, is_uuid
from snf_fleet.lib.quotaholder import QH_PRACTICALLY_INFINITE
from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = ('Import user quota limits from file or set quota\nfor a single user from the command line\n\n'
            '    The file must contain non-empty lines, and each line must\n'
            '    contain a single-space-separated list of values:\n\n'
            '    <user> <resource name> <capacity> <quantity> <import_limit> <export_limit>\n')
    option_list = BaseCommand.option_list + (
        make_option('--from-file', dest='from_file', metavar='<exported-quotas.txt>', help='Import quotas from file'),
        make_option('--set-capacity', dest='set_capacity', metavar='<uuid or email> <resource> <capacity>', nargs=3,
                    help='Set capacity for a specified user/resource pair'),
        make_option('-f', '--no-confirm', action='store_true', default=False, dest='force',
                    help='Do not ask for confirmation'),
    )

    def handle(self, *args, **options):
        if options['from_file'] is not None:
            if options['set_capacity'] is not None:
                raise CommandError("Cannot combine option `--from-file' with `--set-capacity'.")
            self.from_file(options['from_file'])
        elif options['set_capacity'] is not None:
            self.set_capacity(*options['set_capacity'], force=options['force'])
        else:
            raise CommandError("Please use either `--from-file' or `--set-capacity' options")

    def resource_id(self, conn, resource):
        service, _, name = resource.partition('.')
        found = db.row(conn, 'SELECT r.id, r.uplimit FROM im_resource r JOIN im_service s ON s.id = r.service_id '
                             'WHERE s.name = %s AND r.name = %s', (service, name))
        if found is None:
            raise LookupError('Resource matching query does not exist.')
        return found

    def add_policy(self, conn, user_id, resource, capacity, quantity, import_limit, export_limit):
        resource_id = self.resource_id(conn, resource)[0]
        db.execute(conn, 'INSERT INTO im_astakosuserquota (user_id, resource_id, capacity, quantity, import_limit, '
                         'export_limit) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (resource_id, user_id) DO UPDATE '
                         'SET capacity = EXCLUDED.capacity, quantity = EXCLUDED.quantity, import_limit = '
                         'EXCLUDED.import_limit, export_limit = EXCLUDED.export_limit',
                   (user_id, resource_id, capacity, quantity, import_limit, export_limit))

    def from_file(self, location):
        try:
            with open(location) as f:
                lines = f.readlines()
        except OSError as e:
            raise CommandError(e)
        conn = db.connect(self.settings)
        try:
            for line in lines:
                fields = line.rstrip('\n').split(' ')
                if len(fields) != 6:
                    self.stdout.write('Invalid line format: %s:\n' % fields)
                    continue
                found = db.row(conn, 'SELECT user_ptr_id FROM im_astakosuser WHERE uuid = %s', (fields[0],))
                if found is None:
                    self.stdout.write('Not found user having uuid: %s\n' % fields[0])
                    continue
                try:
                    self.add_policy(conn, found[0], *fields[1:])
                    conn.commit()
                except Exception as e:
                    conn.rollback()
                    self.stdout.write('Failed to policy: %s\n' % str(e).strip())
        finally:
            conn.close()

    def set_capacity(self, ident, resource, capacity, force):
        conn = db.connect(self.settings)
        try:
            column, what = ('a.uuid', 'uuid') if is_uuid(ident) else ('u.username', 'email') if is_email(ident) \
                else (None, None)
            if column is None:
                raise CommandError('Please specify user by uuid or email')
            user = db.row(conn, 'SELECT a.user_ptr_id, a.uuid, u.username FROM auth_user u JOIN im_astakosuser a '
                                'ON a.user_ptr_id = u.id WHERE %s = %%s' % column, (ident,))
            if user is None:
                raise CommandError('Not found user having %s: %s' % (what, ident))
            if capacity != 'default':
                try:
                    capacity = int(capacity)
                except ValueError:
                    raise CommandError("Please specify capacity as a decimal integer or 'default'")
            try:
                resource_id, default_capacity = self.resource_id(conn, resource)
            except LookupError:
                raise CommandError('No such resource: %s' % resource)
            current = db.row(conn, 'SELECT capacity FROM im_astakosuserquota WHERE user_id = %s AND resource_id = %s',
                             (user[0], resource_id))
            if not force:
                self.stdout.write('user: %s (%s)\n' % (user[1], user[2]))
                self.stdout.write('default capacity: %s\n' % default_capacity)
                self.stdout.write('current capacity: %s\n' % (current[0] if current else 'default'))
                self.stdout.write('new capacity: %s\n' % capacity)
                self.stdout.write('Confirm? (y/n) ')
                self.stdout.flush()
                if sys.stdin.readline().strip().lower() not in ('y', 'yes'):
                    self.stdout.write('Aborted.\n')
                    return
            if capacity == 'default':
                db.execute(conn, 'DELETE FROM im_astakosuserquota WHERE user_id = %s AND resource_id = %s',
                           (user[0], resource_id))
            else:
                inf = QH_PRACTICALLY_INFINITE
                self.add_policy(conn, user[0], resource, capacity, 0, inf, inf)
            conn.commit()
        finally:
            conn.close()
