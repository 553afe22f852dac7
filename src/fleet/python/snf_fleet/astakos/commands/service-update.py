"""snf-manage service-update <service ID> (13:snf-astakos-app/astakos/im/management/commands/service-update.py:
49-112): --order, --name, --url, --icon, --auth-token, --renew-auth-token; Astakos' database only (the
quotaholder's entity names do not change)."""
import base64
import datetime
import hashlib
import time
from optparse import make_option

from snf_fleet import db
from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    args = '<service ID>'
    help = 'Modify service attributes'
    option_list = BaseCommand.option_list + (
        make_option('--order', dest='order', metavar='NUM', default=None, help='Set service order'),
        make_option('--name', dest='name', default=None, help='Set service name'),
        make_option('--url', dest='url', default=None, help='Set service url'),
        make_option('--icon', dest='icon', default=None, help='Set service icon (displayed by cloudbar)'),
        make_option('--auth-token', dest='auth_token', default=None, help='Set a custom service auth token'),
        make_option('--renew-auth-token', action='store_true', dest='renew_token', default=False,
                    help='Renew service auth token'),
    )

    def handle(self, *args, **options):
        if len(args) != 1:
            raise CommandError('Please provide a service ID')
        conn = db.connect(self.settings)
        try:
            found = db.row(conn, 'SELECT name, url FROM im_service WHERE id = %s', (int(args[0]),))
            if found is None:
                raise CommandError('Service does not exist. You may run snf-mange service-list for available '
                                   'service IDs.')
            changes = {k: options[k] for k in ('order', 'name', 'url', 'icon', 'auth_token') if options[k]}
            if options['order'] is not None:
                changes['order'] = int(options['order'])
            if options['renew_token'] and not options['auth_token']:
                digest = hashlib.md5((changes.get('name', found[0]) + (changes.get('url') or found[1] or '')
                                      + time.asctime()).encode('ascii', 'ignore')).digest()
                changes.update(auth_token=base64.b64encode(digest).decode(),
                               auth_token_created=datetime.datetime.now(), auth_token_expires=None)
            if changes:
                db.execute(conn, 'UPDATE im_service SET %s WHERE id = %%s'
                           % ', '.join('"%s" = %%s' % k for k in changes), list(changes.values()) + [int(args[0])])
            conn.commit()
        finally:
            conn.close()
