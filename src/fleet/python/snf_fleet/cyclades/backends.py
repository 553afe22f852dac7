"""Ganeti backends as Cyclades sees them in its database: the allocation of a new VM to a backend and of its
public IP (12:C/logic/backend_allocator.py:43-174, 12:C/logic/allocators/default_allocator.py,
12:/13:C/api/util.py allocate_public_address, backend_public_networks). Nothing talks to Ganeti: the
backends' resources are the stored ones (the refresh after BACKEND_REFRESH_MIN minutes is left out)."""
from snf_fleet import db
from snf_fleet.cyclades import pools

_COLUMNS = 'id, clustername, dfree, mfree, dtotal, mtotal, ctotal, pinst_cnt'


def _backend(row):
    return dict(zip(_COLUMNS.replace(' ', '').split(','), row))


def public_networks(conn, backend_id):
    return [r[0] for r in db.rows(conn, 'SELECT n.id FROM db_network n WHERE n.public AND NOT n.deleted'
                                        ' AND EXISTS (SELECT 1 FROM db_backendnetwork b WHERE b.network_id = n.id'
                                        ' AND b.backend_id = %s) ORDER BY n.id', (backend_id,))]


def _has_free_ip(conn, backend_id):
    return any(any(pools.network_ip_pool(conn, n).free()) for n in public_networks(conn, backend_id))


def _fits(backend, vm):
    vcpu_ratio = ((backend['pinst_cnt'] + 1) * 4) / backend['ctotal']
    return backend['dfree'] > vm['disk'] and backend['mfree'] > vm['ram'] and vcpu_ratio < 3


def _score(backend):
    mem_ratio = 1 - (backend['mfree'] / backend['mtotal'])
    disk_ratio = 1 - (backend['dfree'] / backend['dtotal'])
    cpu_ratio = ((backend['pinst_cnt'] + 1) * 4) / (backend['ctotal'] * 3)
    return 0.5 * cpu_ratio + 0.5 * (mem_ratio + disk_ratio)


def _fixed_backend(conn, settings, user):
    """BACKEND_PER_USER maps a user to a backend id or cluster name (keys as the users are identified)."""
    wanted = settings.BACKEND_PER_USER.get(user)
    if not wanted:
        return None
    column = 'id' if str(wanted).isdigit() else 'clustername'
    row = db.row(conn, 'SELECT %s FROM db_backend WHERE %s = %%s' % (_COLUMNS, column), (str(wanted),))
    return _backend(row) if row else None


def allocate(conn, settings, user, flavor):
    """The backend for a VM of the flavor, its free resources reduced, or None."""
    fixed = _fixed_backend(conn, settings, user)
    if fixed:
        return fixed
    disk = flavor['disk'] * 1024 * (2 if flavor['disk_template'] == 'drbd' else 1)
    vm = {'ram': flavor['ram'], 'disk': disk, 'cpu': flavor['cpu']}
    candidates = [_backend(r) for r in db.rows(conn, 'SELECT %s FROM db_backend WHERE NOT drained AND NOT offline'
                                                     ' ORDER BY clustername FOR UPDATE' % _COLUMNS)]
    available = [b for b in candidates if _has_free_ip(conn, b['id'])]
    if not available:
        return None
    if len(available) == 1:
        backend = available[0]
    else:
        capable = [b for b in available if _fits(b, vm)] or available
        backend = min(capable, key=_score)
    db.execute(conn, 'UPDATE db_backend SET mfree = greatest(mfree - %s, 0), dfree = greatest(dfree - %s, 0),'
                     ' pinst_cnt = pinst_cnt + 1 WHERE id = %s', (vm['ram'], vm['disk'], backend['id']))
    return backend


def allocate_public_address(conn, backend_id):
    """(network id, address) from the first public network of the backend with a free address, or None."""
    for network in public_networks(conn, backend_id):
        pool = pools.network_ip_pool(conn, network)
        try:
            address = pool.get()
        except pools.EmptyPool:
            continue
        pool.save()
        return network, address
    return None
