"""snf-manage dbshell: psql on DATABASES['default'] as Django 1.2's PostgreSQL client runs it.

psql -U USER [-h HOST] [-p PORT] NAME, without the password (Django 1.2 never passed it: psql asks for it,
or reads ~/.pgpass), and no other arguments (the command has only --database).
"""
import os
from optparse import make_option

from snf_fleet import db
from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = 'Runs the command-line client for specified database, or the default database if none is provided.'
    option_list = BaseCommand.option_list + (
        make_option('--database', action='store', dest='database', default='default',
                    help='Nominates a database onto which to open a shell. Defaults to the "default" database.'),
    )

    def handle(self, *args, **options):
        params = db.connection_parameters(self.settings)
        argv = ['psql']
        for flag, key in (('-U', 'user'), ('-h', 'host'), ('-p', 'port')):
            if params.get(key):
                argv += [flag, params[key]]
        argv.append(params.get('dbname', ''))
        try:
            os.execvp('psql', argv)
        except OSError:
            raise CommandError('You appear not to have the %r program installed or on your path.' % 'psql')
