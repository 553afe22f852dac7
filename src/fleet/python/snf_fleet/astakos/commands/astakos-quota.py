"""snf-manage astakos-quota [--list] [--verify] [--sync] [--user <uuid or email>]
(13:snf-astakos-app/astakos/im/management/commands/astakos-quota.py:50-195; sync_users 13:.../models.py:2745-2779).

The email-verified users' effective quotas (models.users_quotas) against their quotaholder holdings, read
over HTTP (get_entity, get_quota); --sync creates the missing entities (owner 'system', key '1') and sends
set_quota for every user whose quotas differ. "Calculating all quotas..." on stderr; any failure ends in
"Error: Syncing failed." (or "Failed to compute quotas." with --user), exit 1.
"""
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos import models, qh
from snf_fleet.astakos.common import is_email, is_uuid
from snf_fleet.management import BaseCommand, CommandError


def fmt(values):
    return '{%s}' % ', '.join("'%s': QuotaValues(quantity=%d, capacity=%d, import_limit=%d, export_limit=%d)"
                              % ((r,) + tuple(v)) for r, v in sorted(values.items()))


class Command(BaseCommand):
    help = 'Inspect quotaholder status'
    option_list = BaseCommand.option_list + (
        make_option('--list', action='store_true', dest='list', default=False, help='List all quotas (default)'),
        make_option('--verify', action='store_true', dest='verify', default=False,
                    help='Check if quotaholder is in sync with astakos'),
        make_option('--sync', action='store_true', dest='sync', default=False, help='Sync quotaholder'),
        make_option('--user', metavar='<uuid or email>', dest='user', help='List quotas for a specified user'),
    )

    def handle(self, *args, **options):
        conn = db.connect(self.settings)
        try:
            if options['user'] is not None:
                users = self.one_user(conn, options['user'], options['sync'])
                failure = 'Failed to compute quotas.'
            else:
                self.stderr.write('Calculating all quotas...\n')
                users = models.users(conn, 'a.email_verified')
                failure = 'Syncing failed.'
            try:
                result = self.sync_users(conn, users, options['sync'])
            except Exception:
                raise CommandError(failure)
        finally:
            conn.close()
        nonexisting, limits, counters, initial, diff, info = result
        if not options['sync'] and not options['verify']:
            self.list_quotas(limits, counters, initial, info)
            return
        by_uuid = {u.uuid: u for u in users}
        if options['verify']:
            self.print_verify(nonexisting, limits, diff, by_uuid)
        if options['sync']:
            if not diff:
                self.stdout.write('No sync needed.\n')
            else:
                self.stdout.write('Synced %s users:\n' % len(diff))
                for holder in diff:
                    self.stdout.write('%s (%s)\n' % (holder, by_uuid[holder].username))

    def one_user(self, conn, ident, sync):
        if is_uuid(ident):
            found, what = models.users(conn, 'a.uuid = %s', (ident,)), 'uuid'
        elif is_email(ident):
            found, what = models.users(conn, 'u.username = %s', (ident,)), 'email'
        else:
            raise CommandError('Please specify user by uuid or email')
        if not found:
            raise CommandError('Not found user having %s: %s' % (what, ident))
        if sync and not found[0].email_verified:
            raise CommandError('User %s is not verified.' % found[0].uuid)
        return found

    def sync_users(self, conn, users, sync):
        client = qh.client(self.settings)
        uuids = [u.uuid for u in users]
        existing, nonexisting = qh.existing_users(client, uuids)
        resources = [name for _, name, _ in models.resources(conn)]
        limits, counters = qh.get_quotas(client, existing, resources)
        initial = models.initial_quotas(conn, users)
        local = models.users_quotas(conn, users, initial)
        diff = {h: q for h, q in local.items() if q != limits.get(h)}
        if sync:
            qh.register_users(client, nonexisting)
            qh.set_quota(client, diff)
        return nonexisting, limits, counters, initial, diff, {u.uuid: u.email for u in users}

    def print_verify(self, nonexisting, limits, diff, by_uuid):
        if nonexisting:
            self.stdout.write('Users not registered in quotaholder:\n')
            for uuid in nonexisting:
                self.stdout.write('%s\n' % by_uuid[uuid])
            self.stdout.write('\n')
        for holder, local in diff.items():
            registered = limits.get(holder)
            if registered is None:
                self.stdout.write('No quotas for %s (%s) in quotaholder.\n' % (holder, by_uuid[holder].username))
            else:
                self.stdout.write('Quotas differ for %s (%s):\n' % (holder, by_uuid[holder].username))
                self.stdout.write('Quotas according to quotaholder:\n%s\n' % fmt(registered))
                self.stdout.write('Quotas according to astakos:\n%s\n\n' % fmt(local))
        if diff:
            self.stdout.write('Quotas differ for %d users.\n' % len(diff))

    def list_quotas(self, limits, counters, initial, info):
        labels, widths = ('uuid', 'email', 'resource', 'initial', 'total', 'usage'), (36, 30, 24, 12, 12, 12)
        line = ' '.join(l.rjust(w) for l, w in zip(labels, widths))
        self.stdout.write(line + '\n' + '-' * len(line) + '\n')
        for holder, resources in limits.items():
            for resource, values in resources.items():
                c = counters[holder][resource]
                fields = (holder, info[holder], resource, str(initial[holder][resource].capacity),
                          str(values.capacity), str(c.imported - c.exported + c.returned - c.released))
                self.stdout.write(' '.join(f.rjust(w) for f, w in zip(fields, widths)) + '\n')
