"""Cyclades' quota enforcement at 0.13: a commission to the quotaholder per VM or private network (or, with
CYCLADES_USE_QUOTAHOLDER = False, a dummy that counts rows against VMS_USER_QUOTA / NETWORKS_USER_QUOTA keyed
by the user's uuid), its serial kept in db_quotaholderserial and accepted or rejected when the request ends
(13:CQ/__init__.py:54-274,343-361)."""
from contextlib import contextmanager

from snf_fleet import db
from snf_fleet.lib.faults import OverLimit
from snf_fleet.lib.commissioning import NoCapacityError, NoQuantityError

_NAMES = {'vm': 'Virtual Machine', 'cpu': 'CPU', 'ram': 'RAM', 'network.private': 'Private Network'}


class DummyQuotaholderClient:
    """Raises NoQuantityError as the real dummy does when the count reaches the per-user limit."""

    def __init__(self, settings, conn):
        self.settings, self.conn = settings, conn

    def issue_commission(self, target, provisions):
        for _entity, resource, size in provisions:
            if size <= 0:
                continue
            if resource == 'cyclades.vm':
                table, limits, default = 'db_virtualmachine', 'VMS_USER_QUOTA', 'MAX_VMS_PER_USER'
            elif resource == 'cyclades.network.private':
                table, limits, default = 'db_network', 'NETWORKS_USER_QUOTA', 'MAX_NETWORKS_PER_USER'
            else:
                continue
            current = db.row(self.conn, 'SELECT count(*) FROM %s WHERE userid = %%s AND NOT deleted' % table,
                             (target,))[0]
            limit = getattr(self.settings, limits).get(target, getattr(self.settings, default))
            if current + size > limit:
                raise NoQuantityError(source='cyclades', target=target, resource=resource, requested=size,
                                      current=current, limit=limit)
        return None

    def accept(self, serials):
        pass

    def reject(self, serials):
        pass


class RealQuotaholder:
    def __init__(self, settings):
        from snf_fleet.lib.quotaholder import QuotaholderClient
        self.client = QuotaholderClient(settings.CYCLADES_QUOTAHOLDER_URL, settings.CYCLADES_QUOTAHOLDER_TOKEN)

    def issue_commission(self, target, provisions):
        return self.client.call('issue_commission', context={}, target=target, key='1', clientkey='cyclades',
                                name='', provisions=provisions)

    def accept(self, serials):
        self.client.call('accept_commission', context={}, clientkey='cyclades', serials=serials)

    def reject(self, serials):
        self.client.call('reject_commission', context={}, clientkey='cyclades', serials=serials)

    def reset_holding(self, reset_holding):
        return self.client.call('reset_holding', context={}, reset_holding=reset_holding)


def quotaholder(settings, conn):
    return RealQuotaholder(settings) if settings.CYCLADES_USE_QUOTAHOLDER else DummyQuotaholderClient(settings, conn)


def server_resources(flavor):
    return {'vm': 1, 'cpu': flavor['cpu'], 'disk': 1073741824 * flavor['disk'], 'ram': 1048576 * flavor['ram']}


def issue(qh, conn, user, resources):
    """The commission's serial row (None with the dummy); NoQuantity/NoCapacity become 413, other call
    errors go up."""
    provisions = [['cyclades', 'cyclades.' + r, s] for r, s in resources.items()]
    try:
        serial = qh.issue_commission(user, provisions)
    except (NoCapacityError, NoQuantityError) as e:
        res = e.resource.replace('cyclades.', '', 1)
        raise OverLimit('Resource Limit Exceeded for your account.',
                        "Limit for resource '%s' exceeded for your account. Current value: %s, Limit: %s,"
                        " Requested: %s" % (_NAMES.get(res, res), e.current, e.limit, e.requested))
    if serial is None:
        return None
    db.execute(conn, 'INSERT INTO db_quotaholderserial (serial, pending, accepted, rejected)'
                     ' VALUES (%s, false, true, false)', (serial,))
    return serial


class Commissions:
    """uses_commission: the serials a request issued, accepted in the quotaholder after it succeeded and
    rejected after a failure (their rows were marked accepted in the request's transaction already)."""

    def __init__(self, qh):
        self.qh, self.serials = qh, []

    def issue(self, conn, user, resources):
        serial = issue(self.qh, conn, user, resources)
        if serial is not None:
            self.serials.append(serial)
        return serial

    def finish(self, succeeded):
        if self.serials:
            (self.qh.accept if succeeded else self.qh.reject)(self.serials)


@contextmanager
def uses_commission(settings, conn, new):
    """The request's Commissions at 0.13 (None at 0.12.5): finished as accepted when the block succeeds and
    as rejected when it raises (13:CQ/__init__.py:124-159)."""
    if not new:
        yield None
        return
    commissions = Commissions(quotaholder(settings, conn))
    try:
        yield commissions
    except BaseException:
        commissions.finish(False)
        raise
    commissions.finish(True)
