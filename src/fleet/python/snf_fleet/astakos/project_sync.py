"""sync_projects: Astakos 0.13 bringing memberships and the quotaholder in line with the projects (test fleet,
our own code, written from 13:snf-astakos-app/astakos/im/models.py:2440-2743 and endpoints/qh.py:341-400).

1. sync_finish_serials(): the serials the quotaholder knows for clientkey 'astakos' (query_serials []);
   every membership with a pending_serial is set_sync'ed when its serial is known, else reset_sync'ed;
   commit; those serials are acked.
2. pre_sync: modified projects' accepted memberships (ACCEPTED, LEAVE_REQUESTED) become pending; projects
   APPROVED but inactive (reactivating) get their PROJECT_DEACTIVATED memberships back (ACCEPTED, or
   LEAVE_REQUESTED when a leave was requested), pending; deactivating ones (SUSPENDED/TERMINATED, still
   active) have their accepted memberships PROJECT_DEACTIVATED, pending.
3. set_sync_projects: a new serial (im_serial); every pending membership (none may have a pending application
   or serial: AssertionError 'impossible') gets pending_application = the project's application when
   accepted, and the serial; its old grants (membership.application) go to sub_quota, the new ones
   (pending_application) to add_quota: (uuid, 'service.resource', '1', 0, member capacity, member import,
   member export); commit; add_quota(serial, sub, add) to the quotaholder. Rejected pairs: the serial's
   memberships are reset, their users excluded, and a second round runs; rejected again: SyncError
   'cannot sync serial: N'.
4. sync_finish_serials([serial]) (set_sync: accepted -> application = pending_application, is_active, no
   longer pending when that is the project's application; PROJECT_DEACTIVATED -> no application, inactive;
   REMOVED -> deleted), then post_sync: modified projects without pending accepted memberships are no longer
   modified, reactivating ones without deactivated or pending memberships are reactivated, deactivating ones
   without accepted or pending memberships deactivated (deactivation_date = now, is_active false).
Without ASTAKOS_QUOTAHOLDER_URL every quotaholder call answers () (qh.py:341-400). Astakos' lock around the
sync (astakos/im/lock.py) is left out: one command runs at a time on the fleet.
"""
from snf_fleet.astakos.projects import APPROVED, SUSPENDED, TERMINATED
from snf_fleet.astakos.qh import CLIENTKEY, ENTITY_KEY
from snf_fleet.db import execute, row, rows

ACCEPTED, LEAVE_REQUESTED, PROJECT_DEACTIVATED, REMOVED = 1, 5, 100, 200
ACTUALLY_ACCEPTED = (ACCEPTED, LEAVE_REQUESTED)
COLUMNS = ('id', 'person_id', 'project_id', 'state', 'is_pending', 'application_id', 'pending_application_id',
           'pending_serial', 'leave_request_date')


class SyncError(Exception):
    pass


class Membership(dict):
    __getattr__ = dict.__getitem__


def memberships(conn, where, args=()):
    return [Membership(zip(COLUMNS, r)) for r in rows(
        conn, 'SELECT %s FROM im_projectmembership WHERE %s ORDER BY id FOR UPDATE' % (', '.join(COLUMNS), where),
        args)]


def describe(conn, m):
    """str(membership): <'username' membership in '<project N 'name'>'>."""
    username, name = row(conn, 'SELECT u.username, a.name FROM auth_user u, im_project p JOIN im_projectapplication a '
                               'ON a.id = p.application_id WHERE u.id = %s AND p.id = %s', (m.person_id, m.project_id))
    return "<'%s' membership in '<project %s '%s'>'>" % (username, m.project_id, name)


def save(conn, m, **changes):
    m.update(changes)
    execute(conn, 'UPDATE im_projectmembership SET %s WHERE id = %%s' % ', '.join('%s = %%s' % k for k in changes),
            tuple(changes.values()) + (m.id,))


def set_sync(conn, m):
    if not m.is_pending:
        raise AssertionError('%s: attempt to sync a non pending membership' % describe(conn, m))
    if m.state in ACTUALLY_ACCEPTED:
        if m.pending_application_id is None:
            raise AssertionError('%s: attempt to sync an empty pending application' % describe(conn, m))
        current = row(conn, 'SELECT application_id FROM im_project WHERE id = %s', (m.project_id,))[0]
        save(conn, m, application_id=m.pending_application_id, is_active=True, pending_application_id=None,
             pending_serial=None, is_pending=m.pending_application_id != current)
    elif m.state == PROJECT_DEACTIVATED:
        if m.pending_application_id:
            raise AssertionError("%s: attempt to sync in state '%s' with a pending application"
                                 % (describe(conn, m), m.state))
        save(conn, m, application_id=None, is_active=False, pending_serial=None, is_pending=False)
    elif m.state == REMOVED:
        execute(conn, 'DELETE FROM im_projectmembership WHERE id = %s', (m.id,))
    else:
        raise AssertionError("%s: attempt to sync in state '%s'" % (describe(conn, m), m.state))


def reset_sync(conn, m):
    if not m.is_pending:
        raise AssertionError('%s: attempt to reset a non pending membership' % describe(conn, m))
    if m.state not in (ACCEPTED, LEAVE_REQUESTED, PROJECT_DEACTIVATED, REMOVED):
        raise AssertionError("%s: attempt to reset sync in state '%s'" % (describe(conn, m), m.state))
    save(conn, m, pending_application_id=None, pending_serial=None)


class ProjectSync:
    """One sync_projects run over a connection and the quotaholder client (None: no ASTAKOS_QUOTAHOLDER_URL)."""

    def __init__(self, conn, client):
        self.conn, self.client = conn, client

    def qh(self, call, **args):
        if self.client is None:
            return ()
        return getattr(self.client, call)(context={}, clientkey=CLIENTKEY, **args)

    def finish_serials(self, serials_to_ack=None):
        if serials_to_ack is None:
            serials_to_ack = self.qh('query_serials', serials=[])
        acked = set(serials_to_ack)
        pending = memberships(self.conn, 'pending_serial IS NOT NULL')
        for m in pending:
            (set_sync if m.pending_serial in acked else reset_sync)(self.conn, m)
        if pending:
            self.conn.commit()
        self.qh('ack_serials', serials=list(acked))

    def projects(self, where, args=()):
        return [r[0] for r in rows(self.conn, 'SELECT id FROM im_project WHERE %s ORDER BY id FOR UPDATE' % where,
                                   args)]

    def pre_sync(self):
        for project in self.projects('is_modified'):
            for m in memberships(self.conn, 'project_id = %s AND state = ANY(%s)',
                                 (project, list(ACTUALLY_ACCEPTED))):
                save(self.conn, m, is_pending=True)
        for project in self.projects('state = %s AND NOT is_active', (APPROVED,)):
            for m in memberships(self.conn, 'project_id = %s AND state = %s', (project, PROJECT_DEACTIVATED)):
                save(self.conn, m, is_pending=True,
                     state=ACCEPTED if m.leave_request_date is None else LEAVE_REQUESTED)
        for project in self.projects('state = ANY(%s) AND is_active', ([SUSPENDED, TERMINATED],)):
            for m in memberships(self.conn, 'project_id = %s AND state = ANY(%s)',
                                 (project, list(ACTUALLY_ACCEPTED))):
                save(self.conn, m, is_pending=True, state=PROJECT_DEACTIVATED)

    def grants(self, application_id, holder):
        if application_id is None:
            return []
        return [(holder, resource, ENTITY_KEY, 0, int(cap), int(il), int(el)) for resource, cap, il, el in rows(
            self.conn, "SELECT s.name || '.' || r.name, g.member_capacity, g.member_import_limit, "
                       "g.member_export_limit FROM im_projectresourcegrant g "
                       "JOIN im_resource r ON r.id = g.resource_id JOIN im_service s ON s.id = r.service_id "
                       "WHERE g.project_application_id = %s ORDER BY g.id",
            (application_id,))]

    def set_sync_projects(self, exclude=()):
        serial = row(self.conn, 'INSERT INTO im_serial DEFAULT VALUES RETURNING serial')[0]
        execute(self.conn, 'DELETE FROM im_serial WHERE serial = %s', (serial,))
        sub_quota, add_quota = [], []
        for m in memberships(self.conn, 'is_pending'):
            if m.pending_application_id:
                raise AssertionError('%s: impossible: pending_application is not None (%s)'
                                     % (describe(self.conn, m), m.pending_application_id))
            if m.pending_serial:
                raise AssertionError('%s: impossible: pending_serial is not None (%s)'
                                     % (describe(self.conn, m), m.pending_serial))
            uuid = row(self.conn, 'SELECT uuid FROM im_astakosuser WHERE user_ptr_id = %s', (m.person_id,))[0]
            if uuid in exclude:
                continue
            changes = {'pending_serial': serial}
            if m.state in ACTUALLY_ACCEPTED:
                changes['pending_application_id'] = row(
                    self.conn, 'SELECT application_id FROM im_project WHERE id = %s', (m.project_id,))[0]
            save(self.conn, m, **changes)
            sub_quota += self.grants(m.application_id, uuid)
            add_quota += self.grants(m.pending_application_id, uuid)
        self.conn.commit()
        return serial, sub_quota, add_quota

    def reset_serials(self, serials):
        pending = memberships(self.conn, 'pending_serial = ANY(%s)', (list(serials),))
        for m in pending:
            reset_sync(self.conn, m)
        if pending:
            self.conn.commit()

    def do_sync(self):
        serial, sub_quota, add_quota = self.set_sync_projects()
        rejected = self.qh('add_quota', serial=serial, sub_quota=sub_quota, add_quota=add_quota)
        if not rejected:
            return serial
        self.reset_serials([serial])
        serial, sub_quota, add_quota = self.set_sync_projects(exclude={uuid for uuid, _ in rejected})
        if not self.qh('add_quota', serial=serial, sub_quota=sub_quota, add_quota=add_quota):
            return serial
        raise SyncError('cannot sync serial: %d' % serial)

    def none_of(self, project, where, args=()):
        return not rows(self.conn, 'SELECT 1 FROM im_projectmembership WHERE project_id = %%s AND (%s)' % where,
                        (project,) + args)

    def post_sync(self):
        accepted = list(ACTUALLY_ACCEPTED)
        for project in self.projects('is_modified'):
            if self.none_of(project, 'state = ANY(%s) AND is_pending', (accepted,)):
                execute(self.conn, 'UPDATE im_project SET is_modified = false WHERE id = %s', (project,))
        for project in self.projects('state = %s AND NOT is_active', (APPROVED,)):
            if self.none_of(project, 'state = %s OR is_pending', (PROJECT_DEACTIVATED,)):
                execute(self.conn, 'UPDATE im_project SET deactivation_date = NULL, is_active = true WHERE id = %s',
                        (project,))
        for project in self.projects('state = ANY(%s) AND is_active', ([SUSPENDED, TERMINATED],)):
            if self.none_of(project, 'state = ANY(%s) OR is_pending', (accepted,)):
                execute(self.conn, 'UPDATE im_project SET deactivation_date = now(), is_active = false WHERE id = %s',
                        (project,))
        self.conn.commit()

    def run(self):
        self.finish_serials()
        self.pre_sync()
        serial = self.do_sync()
        self.finish_serials([serial])
        self.post_sync()


def sync_projects(conn, client):
    ProjectSync(conn, client).run()
