"""Astakos' data as its models compute it, on the im_* tables (test fleet, our own code).

- Effective quotas (13:snf-astakos-app/astakos/im/models.py:261-276,844-897): for every Resource,
  capacity = uplimit, quantity 0, import/export limits 10**32; an AstakosUserQuota row replaces that; then
  the member_* limits of the ProjectResourceGrants of the application of each is_active membership
  (ProjectMembership.application, not the project's) are added.
- Verified users = email_verified (:314-315, 2777); catalogs (:317-337).
"""
from snf_fleet.astakos.qh import QuotaValues
from snf_fleet.db import rows
from snf_fleet.lib.quotaholder import QH_PRACTICALLY_INFINITE

USER_COLUMNS = ('id', 'uuid', 'username', 'email', 'first_name', 'last_name', 'is_active', 'is_superuser',
                'email_verified')


class User(dict):
    __getattr__ = dict.__getitem__

    @property
    def realname(self):
        return '%s %s' % (self.first_name, self.last_name)

    def __str__(self):
        return '%s (%s)' % (self.realname, self.email)


def users(conn, where='true', args=()):
    sql = ('SELECT u.id, a.uuid, u.username, u.email, u.first_name, u.last_name, u.is_active, u.is_superuser, '
           'a.email_verified FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE %s ORDER BY u.id'
           % where)
    return [User(zip(USER_COLUMNS, r)) for r in rows(conn, sql, args)]


def resources(conn):
    """[(id, 'service.resource', uplimit)] of every registered resource."""
    return [(i, name, int(up)) for i, name, up in rows(
        conn, "SELECT r.id, s.name || '.' || r.name, r.uplimit FROM im_resource r "
              "JOIN im_service s ON s.id = r.service_id ORDER BY r.id")]


def initial_quotas(conn, user_list):
    inf = QH_PRACTICALLY_INFINITE
    defaults = {name: QuotaValues(0, up, inf, inf) for _, name, up in resources(conn)}
    initial = {u.uuid: dict(defaults) for u in user_list}
    by_id = {u.id: u.uuid for u in user_list}
    for user_id, name, q, cap, il, el in rows(
            conn, "SELECT q.user_id, s.name || '.' || r.name, q.quantity, q.capacity, q.import_limit, "
                  "q.export_limit FROM im_astakosuserquota q JOIN im_resource r ON r.id = q.resource_id "
                  "JOIN im_service s ON s.id = r.service_id WHERE q.user_id = ANY(%s)", (list(by_id),)):
        initial[by_id[user_id]][name] = QuotaValues(int(q), int(cap), int(il), int(el))
    return initial


def users_quotas(conn, user_list, initial):
    quotas = {uuid: dict(q) for uuid, q in initial.items()}
    by_id = {u.id: u.uuid for u in user_list}
    for person, name, cap, il, el in rows(
            conn, "SELECT m.person_id, s.name || '.' || r.name, g.member_capacity, g.member_import_limit, "
                  "g.member_export_limit FROM im_projectmembership m "
                  "JOIN im_projectresourcegrant g ON g.project_application_id = m.application_id "
                  "JOIN im_resource r ON r.id = g.resource_id JOIN im_service s ON s.id = r.service_id "
                  "WHERE m.is_active AND m.person_id = ANY(%s) ORDER BY m.id, g.id", (list(by_id),)):
        user = quotas[by_id[person]]
        prev = user.get(name, QuotaValues(0, 0, 0, 0))
        user[name] = QuotaValues(prev.quantity, prev.capacity + int(cap), prev.import_limit + int(il),
                                 prev.export_limit + int(el))
    return quotas


def displayname_catalog(conn, names):
    """{name as asked: uuid} for the names whose lower case is a username (13:A/models.py:325-337)."""
    lmap = {n.lower(): n for n in names}
    return {lmap[u]: uuid for u, uuid in rows(
        conn, 'SELECT u.username, a.uuid FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id '
              'WHERE u.username = ANY(%s)', (list(lmap),))}


def uuid_catalog(conn, uuids):
    return dict(rows(conn, 'SELECT a.uuid, u.username FROM auth_user u JOIN im_astakosuser a '
                           'ON a.user_ptr_id = u.id WHERE a.uuid = ANY(%s)', (list(uuids),)))
