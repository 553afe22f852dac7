"""snf-manage project-control (13:snf-astakos-app/astakos/im/management/commands/project-control.py:46-153).

One action per run, in this order of precedence: --terminate, --unsuspend, --suspend, --approve, --deny
(-m/--message is the reason of a denial), --check-expired, --terminate-expired (snf_fleet.astakos.projects).
An action that fails is rolled back and ends as 'Error: <exception>' (exit 1). A committed action is followed
by sync_projects (snf_fleet.astakos.project_sync), as the real command's transaction context runs it after the
commit: a failing sync (the quotaholder down, a wrong token, an AssertionError) is not a CommandError there,
so it ends in a traceback (exit 1) with the action committed. --check-expired prints 'No expired projects.',
'1 expired project:' or 'N expired projects:' and a table (Project, Name, Status, Expiration date; widths 10,
30, 14, 30, right-justified); --terminate-expired also terminates them and adds 'N projects have been
terminated.'. Without an action nothing runs.
"""
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos import projects, qh
from snf_fleet.astakos.project_sync import sync_projects
from snf_fleet.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = 'Manage projects and applications'
    option_list = BaseCommand.option_list + (
        make_option('--approve', dest='approve', metavar='<application id>', help='Approve a project application'),
        make_option('--deny', dest='deny', metavar='<application id>', help='Deny a project application'),
        make_option('--terminate', dest='terminate', metavar='<project id>', help='Terminate a project'),
        make_option('--suspend', dest='suspend', metavar='<project id>', help='Suspend a project'),
        make_option('--unsuspend', dest='resume', metavar='<project id>', help='Resume a suspended project'),
        make_option('--check-expired', action='store_true', dest='check_expired', default=False,
                    help='Check projects for expiration'),
        make_option('--terminate-expired', action='store_true', dest='terminate_expired', default=False,
                    help='Terminate all expired projects'),
        make_option('--message', '-m', dest='message', metavar='<msg>',
                    help='Specify reason of action, e.g. when denying a project'),
    )

    def handle(self, *args, **options):
        actions = (('terminate', projects.terminate), ('resume', projects.resume), ('suspend', projects.suspend),
                   ('approve', projects.approve_application))
        for option, action in actions:
            if options[option] is not None:
                return self.in_transaction(action, options[option])
        if options['deny'] is not None:
            return self.in_transaction(projects.deny_application, options['deny'], options['message'])
        if options['check_expired'] or options['terminate_expired']:
            return self.in_transaction(self.expire, options['terminate_expired'])
        return None

    def in_transaction(self, action, *args):
        """The action in one transaction, then sync_projects in its own (the real postprocess)."""
        conn = db.connect(self.settings)
        try:
            try:
                action(conn, *args)
            except BaseException as e:
                conn.rollback()
                raise CommandError(e)
            conn.commit()
            sync_projects(conn, qh.client(self.settings))
        finally:
            conn.close()

    def expire(self, conn, execute):
        expired = projects.check_expiration(conn, execute)
        n = len(expired)
        self.stdout.write('No expired projects.\n' if n == 0 else '1 expired project:\n' if n == 1
                          else '%d expired projects:\n' % n)
        if n:
            widths = (10, 30, 14, 30)
            line = ' '.join(l.rjust(w) for l, w in zip(('Project', 'Name', 'Status', 'Expiration date'), widths))
            self.stdout.write(line + '\n' + '-' * len(line) + '\n')
            for fields in expired:
                self.stdout.write(' '.join(f.rjust(w) for f, w in zip(fields, widths)) + '\n')
            if execute:
                self.stdout.write('%d projects have been terminated.\n' % n)
