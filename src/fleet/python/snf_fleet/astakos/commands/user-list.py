"""snf-manage user-list (test fleet).

0.12.5: -c -p -n; columns id, email, real name, active, admin, provider, groups
(12:snf-astakos-app/astakos/im/management/commands/user-list.py:43-95). 0.13: also --uuid, --displayname,
--active, --filter-by; columns id, [display name], real name, active, admin, uuid, providers; no email
(13:.../user-list.py:49-134). --filter-by takes key=value pairs of user fields.
"""
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos.common import format_bool, print_table
from snf_fleet.lib.versions import at_least_013
from snf_fleet.management import BaseCommand, CommandError

FIELDS = {'id': 'u.id', 'email': 'u.email', 'username': 'u.username', 'is_active': 'u.is_active',
          'is_superuser': 'u.is_superuser', 'email_verified': 'a.email_verified', 'uuid': 'a.uuid',
          'first_name': 'u.first_name', 'last_name': 'u.last_name', 'provider': 'a.provider'}
BASE_OPTIONS = (
    make_option('-c', action='store_true', dest='csv', default=False, help='Use pipes to separate values'),
    make_option('-p', action='store_true', dest='pending', default=False, help='List only users pending activation'),
    make_option('-n', action='store_true', dest='pending_send_mail', default=False,
                help='List only users who have not received activation'),
)
OPTIONS_013 = (
    make_option('--uuid', action='store_true', dest='only_uuid', default=False,
                help='Only display user uuid (default)'),
    make_option('--displayname', action='store_true', dest='displayname', default=False,
                help='Display both uuid and display name'),
    make_option('--active', action='store_true', dest='active', default=False, help='Display only active users'),
    make_option('--filter-by', dest='filter_by',
                help='Filter results. Comma seperated list of key `cond` val pairs that displayed entries must '
                     'satisfy. e.g. --filter-by "is_active=True,email_verified=True". Available keys are: %s'
                     % ', '.join(sorted(FIELDS))),
)


def conditions(filter_by):
    where, args = [], []
    for pair in filter_by.split(','):
        key, sep, value = pair.partition('=')
        if not sep or key not in FIELDS:
            raise CommandError('Invalid filter: %s' % pair)
        where.append('%s::text = %%s' % FIELDS[key])
        args.append({'True': 'true', 'False': 'false'}.get(value, value))
    return where, args


class Command(BaseCommand):
    help = 'List users'
    option_list = BaseCommand.option_list + BASE_OPTIONS + (OPTIONS_013 if at_least_013('astakos_app') else ())

    def handle(self, *args, **options):
        if args:
            raise CommandError("Command doesn't accept any arguments")
        where, params = ['true'], []
        if options['pending']:
            where.append('NOT u.is_active')
        elif options['pending_send_mail']:
            where.append('NOT u.is_active AND a.activation_sent IS NULL')
        if options.get('active'):
            where.append('u.is_active')
        if options.get('filter_by'):
            more, params = conditions(options['filter_by'])
            where += more
        conn = db.connect(self.settings)
        try:
            users = db.rows(conn, 'SELECT u.id, u.email, u.first_name || \' \' || u.last_name, u.is_active, '
                                  'u.is_superuser, a.provider, %s, u.username FROM auth_user u JOIN '
                                  'im_astakosuser a ON a.user_ptr_id = u.id WHERE %s ORDER BY u.id'
                                  % ('a.uuid' if at_least_013('astakos_app') else 'NULL', ' AND '.join(where)),
                                  params)
            if at_least_013('astakos_app'):
                self.list_013(conn, users, options)
            else:
                groups = dict(db.rows(conn, 'SELECT ug.user_id, string_agg(g.name, \',\' ORDER BY g.id) FROM '
                                            'auth_user_groups ug JOIN auth_group g ON g.id = ug.group_id GROUP BY 1'))
                print_table(self.stdout, ('id', 'email', 'real name', 'active', 'admin', 'provider', 'groups'),
                            (3, 24, 24, 6, 5, 12, 24),
                            [(i, e, n, format_bool(a), format_bool(s), p, groups.get(i, ''))
                             for i, e, n, a, s, p, _, _ in users], options['csv'])
        finally:
            conn.close()

    def list_013(self, conn, users, options):
        providers = {}
        for user_id, module, identifier, backend in db.rows(
                conn, 'SELECT user_id, module, identifier, auth_backend FROM im_astakosuserauthprovider '
                      'WHERE active ORDER BY id'):
            shown = '%s:%s' % (module, identifier) if identifier else \
                '%s:%s' % (module, backend) if backend else module
            providers.setdefault(user_id, []).append(shown)
        named = options['displayname']
        labels = ['id'] + (['display name'] if named else []) + ['real name', 'active', 'admin', 'uuid', 'providers']
        widths = [3] + ([24] if named else []) + [24, 6, 5, 36, 24]
        print_table(self.stdout, labels, widths,
                    [[i] + ([username] if named else []) + [n, format_bool(a), format_bool(s), uuid or '',
                                                           ','.join(providers.get(i, []))]
                     for i, _, n, a, s, _, uuid, username in users], options['csv'])
