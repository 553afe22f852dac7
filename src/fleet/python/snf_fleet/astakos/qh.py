"""Astakos' side of the quotaholder (13:snf-astakos-app/astakos/im/endpoints/qh.py, our own code).

Entities are registered with key '1' under 'system' (ownerkey '') (:52,233-242,285-305); holdings of the
services get 10**32 of everything (:308-323); users' quotas are sent with set_quota (:265-282). Without
ASTAKOS_QUOTAHOLDER_URL there is no client (:45-47, 64-72): callers get None.
"""
from collections import namedtuple

from snf_fleet.astakos.conf import setting
from snf_fleet.lib.quotaholder import QH_PRACTICALLY_INFINITE, QuotaholderClient

ENTITY_KEY = '1'
CLIENTKEY = 'astakos'

QuotaValues = namedtuple('QuotaValues', ('quantity', 'capacity', 'import_limit', 'export_limit'))
QuotaCounters = namedtuple('QuotaCounters', ('imported', 'exported', 'returned', 'released'))


def client(settings):
    url = setting(settings, 'ASTAKOS_QUOTAHOLDER_URL')
    if not url:
        return None
    return QuotaholderClient(url, token=setting(settings, 'ASTAKOS_QUOTAHOLDER_TOKEN'))


def create_entity(c, payload):
    if not payload:
        return []
    return c.create_entity(context={}, clientkey=CLIENTKEY, create_entity=payload)


def register_users(c, uuids):
    return create_entity(c, [(u, 'system', ENTITY_KEY, '') for u in uuids]) if uuids else None


def register_services(c, services):
    """Creates the services' entities; when some exist, retries those that do not (:285-305)."""
    if not services:
        return
    existing = create_entity(c, [(s, 'system', ENTITY_KEY, '') for s in services])
    if 0 < len(existing) < len(services):
        nonexisting = [s for i, s in enumerate(services) if i not in existing]
        failed = create_entity(c, [(s, 'system', ENTITY_KEY, '') for s in nonexisting])
        if failed:
            raise RuntimeError('Failed to register services: %s' % [s for i, s in enumerate(nonexisting)
                                                                    if i in failed])


def set_quota(c, quotas):
    """quotas: {holder: {resource: QuotaValues}}; returns the rejected (holder, resource) pairs."""
    payload = [(holder, resource, ENTITY_KEY) + tuple(q) + (0,)
               for holder, resources in quotas.items() for resource, q in resources.items()]
    return c.set_quota(context={}, clientkey=CLIENTKEY, set_quota=payload) if payload else []


def register_resources(c, resources):
    """resources: (service name, 'service.resource') pairs; each gets a holding of 10**32 of everything."""
    inf = QH_PRACTICALLY_INFINITE
    payload = [(service, resource, ENTITY_KEY, inf, inf, inf, inf, 0) for service, resource in resources]
    return c.set_quota(context={}, clientkey=CLIENTKEY, set_quota=payload) if payload else []


def existing_users(c, uuids):
    found = {e for e, _ in c.get_entity(context={}, get_entity=[(u, ENTITY_KEY) for u in uuids])} if uuids else set()
    return [u for u in uuids if u in found], [u for u in uuids if u not in found]


def get_quotas(c, uuids, resources):
    """({holder: {resource: QuotaValues}}, {holder: {resource: QuotaCounters}}) of the existing holdings."""
    payload = [(u, r, ENTITY_KEY) for u in uuids for r in resources]
    limits, counters = {}, {}
    for holder, resource, q, cap, il, el, imp, exp, ret, rel, _ in (
            c.get_quota(context={}, clientkey=CLIENTKEY, get_quota=payload) if payload else []):
        limits.setdefault(holder, {})[resource] = QuotaValues(q, cap, il, el)
        counters.setdefault(holder, {})[resource] = QuotaCounters(imp, exp, ret, rel)
    return limits, counters
