"""The quotaholder's calls on its PostgreSQL tables (test fleet, our own code).

Semantics from 13:snf-quotaholder-app/quotaholder_django/quotaholder_app/callpoint.py (line numbers below):
batch calls collect rejected rows and then raise ReturnButFail, so that the whole call rolls back and still
answers the rejected list (13:snf-common/synnefo/lib/commissioning/callpoint.py:146-182); issue_commission
raises NoEntityError / InvalidKeyError / NoQuantityError / NoCapacityError / ExportLimitError /
ImportLimitError with the real messages (:684-862). Every call runs in one transaction that locks the holdings
it changes (SELECT ... FOR UPDATE, as the real get_for_update).
"""
import datetime
import itertools
import os
import time

from snf_fleet.lib.commissioning import (
    CorruptedError, DuplicateError, ExportLimitError, ImportLimitError, InvalidDataError, InvalidKeyError,
    NoCapacityError, NoEntityError, NoQuantityError, ReturnButFail)
from snf_fleet.lib.quotaholder import QH_PRACTICALLY_INFINITE, canonify_input

HOLDING_COLUMNS = ('id', 'entity_id', 'resource', 'policy_id', 'flags', 'imported', 'importing', 'exported',
                   'exporting', 'returned', 'returning', 'released', 'releasing')
_counter = itertools.count(1)


def newname(prefix):
    """A fresh policy name, 'policy_' + hex digits (13:snf-common/.../commissioning/utils/newname.py)."""
    return '%s%x%x' % (prefix, os.getpid(), int(time.time() * 1000) + next(_counter))


def now():
    return datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%S.%f')[:24]


class Holding(dict):
    def __getattr__(self, name):
        return self[name]


class Callpoint:
    def __init__(self, conn):
        self.conn = conn

    # --- plumbing -----------------------------------------------------------------------------------
    def make_call(self, call_name, data):
        args = canonify_input(call_name, data)
        method = getattr(self, 'call_' + call_name, None)
        if method is None:
            raise CorruptedError("cannot find call '%s'" % call_name)
        try:
            result = method(**args)
            self.conn.commit()
        except ReturnButFail as e:
            self.conn.rollback()
            result = e.data
        except BaseException:
            self.conn.rollback()
            raise
        return result

    def q(self, sql, args=()):
        with self.conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall() if cur.description else []

    def entity(self, name):
        rows = self.q('SELECT entity, owner_id, key FROM quotaholder_app_entity WHERE entity = %s', (name,))
        return rows[0] if rows else None

    def holding(self, entity, resource, lock=True):
        rows = self.q('SELECT %s FROM quotaholder_app_holding WHERE entity_id = %%s AND resource = %%s%s'
                      % (', '.join('"%s"' % c for c in HOLDING_COLUMNS), ' FOR UPDATE' if lock else ''),
                      (entity, resource))
        return Holding(zip(HOLDING_COLUMNS, rows[0])) if rows else None

    def policy(self, name):
        rows = self.q('SELECT quantity, capacity, import_limit, export_limit FROM quotaholder_app_policy '
                      'WHERE policy = %s', (name,))
        return tuple(int(v) for v in rows[0]) if rows else None

    def save_holding(self, h):
        self.q('UPDATE quotaholder_app_holding SET policy_id = %s, flags = %s, imported = %s, importing = %s, '
               'exported = %s, exporting = %s, returned = %s, "returning" = %s, released = %s, releasing = %s '
               'WHERE id = %s', (h.policy_id, h.flags, h.imported, h.importing, h.exported, h.exporting,
                                h.returned, h.returning, h.released, h.releasing, h.id))

    def new_policy(self, quantity, capacity, import_limit, export_limit):
        name = newname('policy_')
        self.q('INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit) '
               'VALUES (%s, %s, %s, %s, %s)', (name, quantity, capacity, import_limit, export_limit))
        return name

    def drop_unused_policies(self, names):
        if names:
            self.q('DELETE FROM quotaholder_app_policy p WHERE policy = ANY(%s) AND NOT EXISTS '
                   '(SELECT 1 FROM quotaholder_app_holding h WHERE h.policy_id = p.policy)', (list(names),))

    def put_holding(self, entity, resource, policy, flags, counters=(0, 0, 0, 0)):
        imported, exported, returned, released = counters
        self.q('INSERT INTO quotaholder_app_holding (entity_id, resource, policy_id, flags, imported, importing, '
               'exported, exporting, returned, "returning", released, releasing) '
               'VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
               (entity, resource, policy, flags, imported, imported, exported, exported, returned, returned,
                released, released))

    # --- entities -------------------------------------------------------------------------------------
    def call_create_entity(self, create_entity):  # :87-108
        rejected = []
        for idx, (entity, owner, key, ownerkey) in enumerate(create_entity):
            o = self.entity(owner)
            if o is None or o[2] != ownerkey or self.entity(entity) is not None:
                rejected.append(idx)
                continue
            self.q('INSERT INTO quotaholder_app_entity (entity, owner_id, key) VALUES (%s, %s, %s)',
                   (entity, owner, key))
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_set_entity_key(self, set_entity_key):  # :110-126
        rejected = []
        for entity, key, newkey in set_entity_key:
            e = self.entity(entity)
            if e is None or e[2] != key:
                rejected.append(entity)
                continue
            self.q('UPDATE quotaholder_app_entity SET key = %s WHERE entity = %s', (newkey, entity))
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_list_entities(self, entity, key):  # :128-137
        e = self.entity(entity)
        if e is None or e[2] != key:
            raise NoEntityError("Entity '%s' does not exist" % entity)
        return [r[0] for r in self.q('SELECT entity FROM quotaholder_app_entity WHERE owner_id = %s '
                                     'AND entity <> owner_id ORDER BY entity', (entity,))]

    def call_get_entity(self, get_entity):  # :139-155
        found = []
        for entity, key in get_entity:
            e = self.entity(entity)
            if e is not None and e[2] == key:
                found.append((entity, e[1]))
        return found

    # --- policies and holdings --------------------------------------------------------------------------
    def call_get_limits(self, get_limits):  # :157-170
        return [(p,) + self.policy(p) for p in get_limits if self.policy(p) is not None]

    def call_set_limits(self, set_limits):  # :172-192
        for policy, quantity, capacity, import_limit, export_limit in set_limits:
            self.q('INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit) '
                   'VALUES (%s, %s, %s, %s, %s) ON CONFLICT (policy) DO UPDATE SET quantity = EXCLUDED.quantity, '
                   'capacity = EXCLUDED.capacity, import_limit = EXCLUDED.import_limit, '
                   'export_limit = EXCLUDED.export_limit', (policy, quantity, capacity, import_limit, export_limit))
        return []

    def call_get_holding(self, get_holding):  # :194-211
        found = []
        for entity, resource, key in get_holding:
            h, e = self.holding(entity, resource, lock=False), self.entity(entity)
            if h is not None and e[2] == key:
                found.append((entity, resource, h.policy_id, int(h.imported), int(h.exported),
                              int(h.returned), int(h.released), int(h.flags)))
        return found

    def call_set_holding(self, set_holding):  # :256-289
        rejected = []
        for entity, resource, key, policy, flags in set_holding:
            e = self.entity(entity)
            if e is None or e[2] != key or self.policy(policy) is None:
                rejected.append((entity, resource, policy))
                continue
            h = self.holding(entity, resource)
            if h is None:
                self.put_holding(entity, resource, policy, flags)
            else:
                h['policy_id'], h['flags'] = policy, flags
                self.save_holding(h)
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_init_holding(self, init_holding):  # :291-343
        rejected = []
        for idx, (entity, resource, key, policy, imported, exported, returned, released, flags) \
                in enumerate(init_holding):
            e = self.entity(entity)
            if e is None or e[2] != key or self.policy(policy) is None:
                rejected.append(idx)
                continue
            self.q('DELETE FROM quotaholder_app_holding WHERE entity_id = %s AND resource = %s', (entity, resource))
            self.put_holding(entity, resource, policy, flags, (imported, exported, returned, released))
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_reset_holding(self, reset_holding):  # :345-378
        rejected = []
        for idx, (entity, resource, key, imported, exported, returned, released) in enumerate(reset_holding):
            e = self.entity(entity)
            h = self.holding(entity, resource)
            if e is None or e[2] != key or h is None:
                rejected.append(idx)
                continue
            h.update(imported=imported, importing=imported, exported=exported, exporting=exported,
                     returned=returned, returning=returned, released=released, releasing=released)
            self.save_holding(h)
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_list_resources(self, entity, key):  # :444-457
        e = self.entity(entity)
        if e is None:
            raise NoEntityError("No such entity '%s'" % entity)
        if e[2] != key:
            raise InvalidKeyError("Invalid key for entity '%s'" % entity)
        return [r[0] for r in self.q('SELECT resource FROM quotaholder_app_holding WHERE entity_id = %s '
                                     'ORDER BY id', (entity,))]

    def call_list_holdings(self, list_holdings):  # :459-479
        rejected, holdings = [], []
        for entity, key in list_holdings:
            e = self.entity(entity)
            if e is None or e[2] != key:
                rejected.append(entity)
                continue
            holdings.append([[entity, r, int(i), int(x), int(rt), int(rl)] for r, i, x, rt, rl in self.q(
                'SELECT resource, imported, exported, returned, released FROM quotaholder_app_holding '
                'WHERE entity_id = %s ORDER BY id', (entity,))])
        return [holdings, rejected]

    def call_get_quota(self, get_quota):  # :481-508
        quotas = []
        for entity, resource, key in get_quota:
            h, e = self.holding(entity, resource, lock=False), self.entity(entity)
            if h is None or e[2] != key:
                continue
            quotas.append((entity, resource) + self.policy(h.policy_id) + (
                int(h.imported), int(h.exported), int(h.returned), int(h.released), int(h.flags)))
        return quotas

    def call_set_quota(self, set_quota):  # :514-560
        rejected, old = [], []
        for entity, resource, key, quantity, capacity, import_limit, export_limit, flags in set_quota:
            e = self.entity(entity)
            if e is None or e[2] != key:
                rejected.append((entity, resource))
                continue
            policy = self.new_policy(quantity, capacity, import_limit, export_limit)
            h = self.holding(entity, resource)
            if h is None:
                self.put_holding(entity, resource, policy, flags)
            else:
                old.append(h.policy_id)
                h['policy_id'], h['flags'] = policy, flags
                self.save_holding(h)
        self.drop_unused_policies(old)
        if rejected:
            raise ReturnButFail(rejected)
        return rejected

    def call_add_quota(self, clientkey, serial, sub_quota, add_quota):  # :562-648
        pairs = [(q[0], q[1]) for q in sub_quota + add_quota]
        if serial is not None:
            if clientkey is None or self.q('SELECT 1 FROM quotaholder_app_callserial WHERE serial = %s AND '
                                           'clientkey = %s', (serial, clientkey)):
                raise ReturnButFail(pairs)
        rejected, old = [], []
        for removing, rows in ((True, sub_quota), (False, add_quota)):
            for entity, resource, key, quantity, capacity, import_limit, export_limit in rows:
                e = self.entity(entity)
                if e is None or e[2] != key:
                    rejected.append((entity, resource))
                    continue
                h = self.holding(entity, resource)
                if h is None and removing:
                    rejected.append((entity, resource))
                    continue
                current = self.policy(h.policy_id) if h else (0, 0, 0, 0)
                sign = -1 if removing else 1
                new = [c + sign * d for c, d in zip(current, (quantity, capacity, import_limit, export_limit))]
                if any(v < 0 for v in new[1:]):
                    rejected.append((entity, resource))
                    continue
                policy = self.new_policy(*new)
                if h is None:
                    self.put_holding(entity, resource, policy, 0)
                else:
                    old.append(h.policy_id)
                    h['policy_id'] = policy
                    self.save_holding(h)
        self.drop_unused_policies(old)
        if rejected:
            raise ReturnButFail(rejected)
        if serial is not None and clientkey is not None:
            self.q('INSERT INTO quotaholder_app_callserial (serial, clientkey) VALUES (%s, %s)', (serial, clientkey))
        return rejected

    def call_query_serials(self, clientkey, serials):  # :664-682
        if clientkey is None:
            return []
        known = [r[0] for r in self.q('SELECT serial FROM quotaholder_app_callserial WHERE clientkey = %s '
                                      'ORDER BY serial', (clientkey,))]
        return known if not serials else [s for s in serials if s in known]

    def call_ack_serials(self, clientkey, serials):  # :650-662
        if clientkey is not None:
            self.q('DELETE FROM quotaholder_app_callserial WHERE clientkey = %s AND serial = ANY(%s)',
                   (clientkey, list(serials)))
        return None

    # --- commissions ---------------------------------------------------------------------------------
    def call_issue_commission(self, target, key, clientkey, name, provisions):  # :684-862
        t = self.entity(target)
        if t is None:
            raise NoEntityError("No target entity '%s'" % target)
        if t[2] != key:
            raise InvalidKeyError("Invalid key for target entity '%s'" % target)
        serial = self.q('INSERT INTO quotaholder_app_commission (entity_id, name, clientkey, issue_time) '
                        'VALUES (%s, %s, %s, %s) RETURNING serial', (target, name, clientkey, now()))[0][0]
        checked = []
        for entity, resource, quantity in provisions:
            if entity == target:
                raise InvalidDataError('Cannot issue commission from an entity to itself (%s)' % entity)
            if (entity, resource) in checked:
                raise DuplicateError('Duplicate provision for %s.%s' % (entity, resource))
            checked.append((entity, resource))
            if self.entity(entity) is None:
                raise NoEntityError("No source entity '%s'" % entity)
            self.check_provision(entity, target, resource, quantity)
            self.q('INSERT INTO quotaholder_app_provision (serial_id, entity_id, resource, quantity) '
                   'VALUES (%s, %s, %s, %s)', (serial, entity, resource, quantity))
        return serial

    def check_provision(self, entity, target, resource, quantity):
        values = dict(source=entity, target=target, resource=resource, requested=quantity)
        h = self.holding(entity, resource)
        if h is None:
            raise NoQuantityError('There is no quantity to allocate from in %s.%s' % (entity, resource),
                                  current=0, limit=0, **values)
        hq, hc, hil, hel = self.policy(h.policy_id)
        release = quantity < 0
        if not release:
            if h.exporting + quantity > hel:
                raise ExportLimitError('Export limit reached for %s.%s' % (entity, resource),
                                       current=h.exporting, limit=hel, **values)
            limit = hq + h.imported - h.releasing
            unavailable = h.exporting - h.returned
            if quantity > limit - unavailable:
                raise NoQuantityError('There is not enough quantity to allocate from in %s.%s'
                                      % (entity, resource), current=unavailable, limit=limit, **values)
        else:
            current = h.importing + h.returning - h.exported - h.returned
            if current - quantity > hc:
                raise NoQuantityError('There is not enough capacity to release to in %s.%s' % (entity, resource),
                                      current=current, limit=hc, **values)
        th = self.holding(target, resource)
        if th is None:
            raise NoCapacityError('There is no capacity to allocate into in %s.%s' % (target, resource),
                                  current=0, limit=0, **values)
        tq, tc, til, tel = self.policy(th.policy_id)
        if not release:
            if th.importing + quantity > til:
                raise ImportLimitError('Import limit reached for %s.%s' % (target, resource),
                                       current=th.importing, limit=til, **values)
            limit = tq + tc
            current = th.importing + th.returning + tq - th.exported - th.released
            if current + quantity > limit:
                raise NoCapacityError('There is not enough capacity to allocate into in %s.%s'
                                      % (target, resource), current=current, limit=limit, **values)
            h['exporting'] += quantity
            th['importing'] += quantity
        else:
            limit = tq + th.imported - th.releasing
            unavailable = th.exporting - th.returned
            if limit - unavailable + quantity < 0:
                raise NoCapacityError('There is not enough quantity to release from in %s.%s'
                                      % (target, resource), current=unavailable, limit=limit, **values)
            h['returning'] -= quantity
            th['releasing'] -= quantity
        self.save_holding(h)
        self.save_holding(th)

    def resolve(self, clientkey, serials, reason, accept):  # :903-995
        log_time = now()
        for serial in serials:
            c = self.q('SELECT serial, entity_id, name, issue_time FROM quotaholder_app_commission '
                       'WHERE clientkey = %s AND serial = %s FOR UPDATE', (clientkey, serial))
            if not c:
                return None
            _, target, name, issue_time = c[0]
            for pid, entity, resource, quantity in self.q(
                    'SELECT id, entity_id, resource, quantity FROM quotaholder_app_provision WHERE serial_id = %s '
                    'ORDER BY id FOR UPDATE', (serial,)):
                h, th = self.holding(entity, resource), self.holding(target, resource)
                if h is None or th is None:
                    raise CorruptedError('Corrupted provision')
                quantity = int(quantity)
                if accept and quantity < 0:
                    h['returned'] -= quantity
                    th['released'] -= quantity
                elif accept:
                    h['exported'] += quantity
                    th['imported'] += quantity
                elif quantity < 0:
                    h['returning'] += quantity
                    th['releasing'] += quantity
                else:
                    h['exporting'] -= quantity
                    th['importing'] -= quantity
                self.log_provision(serial, name or '', issue_time, log_time, h, th, resource, quantity,
                                   ('ACCEPT:' if accept else 'REJECT:') + reason[-121:])
                self.save_holding(h)
                self.save_holding(th)
                self.q('DELETE FROM quotaholder_app_provision WHERE id = %s', (pid,))
            self.q('DELETE FROM quotaholder_app_commission WHERE serial = %s', (serial,))
        return None

    def log_provision(self, serial, name, issue_time, log_time, h, th, resource, quantity, reason):
        values = [serial, h.entity_id, th.entity_id, name, issue_time, log_time, resource]
        for holding in (h, th):
            values += list(self.policy(holding.policy_id))
            values += [holding.imported, holding.exported, holding.returned, holding.released]
        values += [quantity, reason]
        self.q('INSERT INTO quotaholder_app_provisionlog (serial, source, target, name, issue_time, log_time, '
               'resource, source_quantity, source_capacity, source_import_limit, source_export_limit, '
               'source_imported, source_exported, source_returned, source_released, target_quantity, '
               'target_capacity, target_import_limit, target_export_limit, target_imported, target_exported, '
               'target_returned, target_released, delta_quantity, reason) VALUES (%s)'
               % ', '.join(['%s'] * len(values)), values)

    def call_accept_commission(self, clientkey, serials, reason):
        return self.resolve(clientkey, serials, reason, accept=True)

    def call_reject_commission(self, clientkey, serials, reason):
        return self.resolve(clientkey, serials, reason, accept=False)

    def call_get_pending_commissions(self, clientkey):  # :997-1000
        return [r[0] for r in self.q('SELECT serial FROM quotaholder_app_commission WHERE clientkey = %s '
                                     'ORDER BY serial', (clientkey,))]

    def call_resolve_pending_commissions(self, clientkey, max_serial, accept_set):  # :1002-1019
        for serial in self.call_get_pending_commissions(clientkey):
            if serial > max_serial:
                break
            self.resolve(clientkey, [serial], 'ACCEPT' if serial in accept_set else 'REJECT',
                         accept=serial in accept_set)
        return None

    def call_release_entity(self, release_entity):  # :1021-1041
        rejected = []
        for entity, key in release_entity:
            e = self.entity(entity)
            if e is None or e[2] != key or self.q(
                    'SELECT 1 FROM quotaholder_app_entity WHERE owner_id = %s AND entity <> %s LIMIT 1',
                    (entity, entity)) or self.q('SELECT 1 FROM quotaholder_app_holding WHERE entity_id = %s '
                                                'LIMIT 1', (entity,)):
                rejected.append(entity)
                continue
            self.q('DELETE FROM quotaholder_app_entity WHERE entity = %s', (entity,))
        if rejected:
            raise ReturnButFail(rejected)
        return rejected


__all__ = ['Callpoint', 'QH_PRACTICALLY_INFINITE']
