"""snf-manage syncdb: the tables of the apps without South migrations (test fleet).

Runs /usr/share/synnefo/syncdb/*.sql in order (idempotent SQL shipped by the packages; the quotaholder's
tables and its 'system' entity fixture at 0.13, 13:snf-quotaholder-app/.../fixtures/initial_data.json),
and prints South's syncdb summary.
"""
import os
from optparse import make_option

from snf_fleet import db
from snf_fleet.management import BaseCommand
from snf_fleet.webproject import south


class Command(BaseCommand):
    help = "Create the database tables for all apps in INSTALLED_APPS whose tables haven't already been created, " \
           "except those which use migrations."
    option_list = BaseCommand.option_list + (
        make_option('--noinput', action='store_false', dest='interactive', default=True,
                    help='Tells Django to NOT prompt the user for input of any kind.'),
        make_option('--database', action='store', dest='database', default='default',
                    help='Nominates a database to synchronize. Defaults to the "default" database.'),
    )

    def handle(self, *args, **options):
        conn = db.connect(self.settings)
        try:
            print('Syncing...')
            print('Creating tables ...')
            files = sorted(os.listdir(south.SYNCDB)) if os.path.isdir(south.SYNCDB) else []
            for name in files:
                if name.endswith('.sql'):
                    with open(os.path.join(south.SYNCDB, name), encoding='utf-8') as f, conn.cursor() as cur:
                        cur.execute(f.read())
                    conn.commit()
            print('Installing custom SQL ...')
            print('Installing indexes ...')
            print('Installed 0 object(s) from 0 fixture(s)')
            print()
            print('Synced:')
            for app in ('django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'south'):
                print(' > %s' % app)
            print()
            print('Not synced (use migrations):')
            for app in south.apps():
                print(' - %s' % app)
            print('(use ./manage.py migrate to migrate these)')
        finally:
            conn.close()
