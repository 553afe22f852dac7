"""snf-manage project-control (13:snf-astakos-app/astakos/im/management/commands/project-control.py:46-153).

--check-expired / --terminate-expired: projects not TERMINATED (100) whose application's end_date passed
(13:.../models.py:1949-1952), printed as 'No expired projects.', '1 expired project:' or 'N expired
projects:' and a table (Project, Name, Status, Expiration date), then 'N projects have been terminated.'.
--terminate/--suspend/--unsuspend <project id> change one project. Every run syncs with the quotaholder over
HTTP first (query_serials, as sync_finish_serials) and, after a change, deactivates the memberships of the
projects no longer active (state 100, application NULL, is_active false: set_sync, :2482-2520) and sends
their members' new quotas; any failure -> 'Error: <exception>', exit 1. --approve/--deny are not faked.
"""
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos import models, qh
from snf_fleet.management import BaseCommand, CommandError

APPROVED, SUSPENDED, TERMINATED = 1, 10, 100
STATE_DISPLAY = {APPROVED: 'Active', SUSPENDED: 'Suspended', TERMINATED: 'Terminated'}


class Command(BaseCommand):
    help = 'Manage projects and applications'
    option_list = BaseCommand.option_list + (
        make_option('--approve', dest='approve', metavar='<application id>', help='Approve a project application'),
        make_option('--deny', dest='deny', metavar='<application id>', help='Deny a project application'),
        make_option('--terminate', dest='terminate', metavar='<project id>', help='Terminate a project'),
        make_option('--suspend', dest='suspend', metavar='<project id>', help='Suspend a project'),
        make_option('--unsuspend', dest='resume', metavar='<project id>', help='Resume a suspended project'),
        make_option('-m', '--message', dest='message', metavar='<msg>',
                    help='Specify reason of action, e.g. when denying a project'),
        make_option('--check-expired', action='store_true', dest='check_expired', default=False,
                    help='Check projects for expiration'),
        make_option('--terminate-expired', action='store_true', dest='terminate_expired', default=False,
                    help='Terminate all expired projects'),
    )

    def handle(self, *args, **options):
        if options['approve'] is not None or options['deny'] is not None:
            raise CommandError('test fleet: --approve and --deny are not faked')
        conn = db.connect(self.settings)
        try:
            try:
                client = qh.client(self.settings)
                client.query_serials(context={}, clientkey=qh.CLIENTKEY, serials=[])
                for option, state in (('terminate', TERMINATED), ('suspend', SUSPENDED), ('resume', APPROVED)):
                    if options[option] is not None:
                        self.set_state(conn, [int(options[option])], state)
                        self.sync(conn, client)
                        return
                if options['check_expired'] or options['terminate_expired']:
                    self.expire(conn, client, options['terminate_expired'])
            except CommandError:
                raise
            except Exception as e:
                conn.rollback()
                raise CommandError(e)
        finally:
            conn.close()

    def expire(self, conn, client, execute):
        projects = db.rows(conn, 'SELECT p.id, p.name, p.state, a.end_date FROM im_project p JOIN '
                                 'im_projectapplication a ON a.id = p.application_id WHERE p.state <> %s AND '
                                 'a.end_date < now() ORDER BY p.id', (TERMINATED,))
        if execute and projects:
            self.set_state(conn, [p[0] for p in projects], TERMINATED)
            self.sync(conn, client)
        n = len(projects)
        self.stdout.write('No expired projects.\n' if n == 0 else '1 expired project:\n' if n == 1
                          else '%d expired projects:\n' % n)
        if n:
            widths = (10, 30, 14, 30)
            line = ' '.join(l.rjust(w) for l, w in zip(('Project', 'Name', 'Status', 'Expiration date'), widths))
            self.stdout.write(line + '\n' + '-' * len(line) + '\n')
            for pid, name, state, end in projects:
                fields = (str(pid), name or '', STATE_DISPLAY.get(state, str(state)), str(end))
                self.stdout.write(' '.join(f.rjust(w) for f, w in zip(fields, widths)) + '\n')
            if execute:
                self.stdout.write('%d projects have been terminated.\n' % n)

    def set_state(self, conn, ids, state):
        db.execute(conn, 'UPDATE im_project SET state = %s, is_active = %s, deactivation_date = '
                         'CASE WHEN %s THEN now() END, deactivation_reason = %s WHERE id = ANY(%s)',
                   (state, state == APPROVED, state != APPROVED,
                    {TERMINATED: 'TERMINATED', SUSPENDED: 'SUSPENDED'}.get(state), ids))

    def sync(self, conn, client):
        persons = [r[0] for r in db.rows(
            conn, 'UPDATE im_projectmembership m SET state = 100, application_id = NULL, is_active = false '
                  'FROM im_project p WHERE p.id = m.project_id AND p.state <> %s AND m.is_active '
                  'RETURNING m.person_id', (APPROVED,))]
        users = models.users(conn, 'a.email_verified AND u.id = ANY(%s)', (persons,))
        quotas = models.users_quotas(conn, users, models.initial_quotas(conn, users))
        qh.set_quota(client, quotas)
        conn.commit()
