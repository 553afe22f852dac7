"""The Cyclades API calls of the cloud-works probe: POST /api/v1.1/servers and POST /api/v1.1/networks.

0.12.5 counts the user's rows against VMS_USER_QUOTA / NETWORKS_USER_QUOTA (keys: emails), default
MAX_VMS_PER_USER / MAX_NETWORKS_PER_USER (12:C/api/servers.py:242-386, 12:C/api/networks.py:147-230);
0.13 issues a quotaholder commission (13:C/api/servers.py:246-389, 13:C/api/networks.py:149-237).
The rows are written as the real code writes them; the Ganeti job that would follow is not sent."""
import datetime
import json
import logging
import secrets
import string
import traceback

from snf_fleet import db
from snf_fleet.cyclades import backends, pools, quotas
from snf_fleet.lib import astakos
from snf_fleet.lib.faults import BadRequest, Fault, Forbidden, ItemNotFound, OverLimit, ServiceUnavailable, \
    Unauthorized
from snf_fleet.lib.versions import at_least_013

log = logging.getLogger('synnefo.api')


def api_method(call):
    """Authenticates the token through ASTAKOS_URL (no user: 401 'No user found.'), runs the call, renders
    faults; any other exception is 503 'Unexpected error.' (12:/13:C/api/util.py api_method)."""
    def wrapper(request, **_groups):
        settings = request.settings
        try:
            astakos.get_user(request, settings.ASTAKOS_URL)
            if not request.user_uniq:
                raise Unauthorized('No user found.')
            if request.method != 'POST':
                raise BadRequest('Method not allowed.')
            return call(request, settings, request_dict(request))
        except Fault as fault:
            if fault.code >= 500:
                log.exception('API fault')
            return _render(settings, fault)
        except BaseException:
            log.exception('Unexpected error')
            return _render(settings, ServiceUnavailable('Unexpected error.'))
    return wrapper


def _render(settings, fault):
    if getattr(settings, 'DEBUG', False) or getattr(settings, 'TEST', False):
        fault.details = traceback.format_exc()
    return render(fault)


def render(fault):
    """A fault as {"<camelCaseName>": {"code", "message", "details"}} with the fault's status
    (12:C/api/util.py:339-354)."""
    name = type(fault).__name__[0].lower() + type(fault).__name__[1:]
    body = json.dumps({name: {'code': fault.code, 'message': fault.message, 'details': fault.details}})
    return fault.code, [('Content-Type', 'application/json; charset=utf-8')], body.encode()


def request_dict(request):
    if not (request.header('Content-Type') or request.environ.get('CONTENT_TYPE', '')).startswith('application/json'):
        raise BadRequest('Unsupported Content-Type.')
    try:
        return json.loads(request.body.decode('utf-8'))
    except ValueError:
        raise BadRequest('Invalid JSON data.')


def _accepted(key, value):
    return 202, [('Content-Type', 'application/json; charset=utf-8')], json.dumps({key: value}).encode()


def _flavor(conn, flavor_id):
    try:
        row = db.row(conn, 'SELECT id, cpu, ram, disk, disk_template FROM db_flavor WHERE id = %s AND NOT deleted',
                     (int(flavor_id),))
    except (TypeError, ValueError):
        row = None
    if row is None:
        raise ItemNotFound('Flavor not found.')
    return dict(zip(('id', 'cpu', 'ram', 'disk', 'disk_template'), row))


def _count(conn, table, user):
    return db.row(conn, 'SELECT count(*) FROM %s WHERE userid = %%s AND NOT deleted' % table, (user,))[0]


def _random_password():
    """Eight characters with at least one lower, one upper case letter and one digit (12:C/api/util.py:113)."""
    pool = string.ascii_lowercase + string.ascii_uppercase + string.digits
    while True:
        password = ''.join(secrets.choice(pool) for _ in range(8))
        if any(c.islower() for c in password) and any(c.isupper() for c in password) \
                and any(c.isdigit() for c in password):
            return password


def _server_request(req, settings):
    try:
        server = req['server']
        name, image_id, flavor_id = server['name'], server['imageRef'], server['flavorRef']
        metadata, personality = server.get('metadata', {}), server.get('personality', [])
        assert isinstance(metadata, dict) and isinstance(personality, list)
    except (KeyError, AssertionError, TypeError):
        raise BadRequest('Malformed request')
    if len(personality) > settings.MAX_PERSONALITY:
        raise OverLimit('Maximum number of personalities exceeded')
    return name, image_id, flavor_id, metadata


@api_method
def create_server(request, settings, req):
    user, new = request.user_uniq, at_least_013('cyclades_app')
    name, image_id, flavor_id, metadata = _server_request(req, settings)
    conn = db.connect(settings)
    try:
        with quotas.uses_commission(settings, conn, new) as commissions:
            vm_id = _create_server(conn, settings, user, new, commissions, name, image_id, flavor_id, metadata)
    finally:
        conn.close()
    return _accepted('server', {'id': vm_id, 'name': name, 'status': 'BUILD', 'progress': 0,
                                'imageRef': image_id, 'flavorRef': int(flavor_id), 'hostId': '',
                                'metadata': {'values': metadata}, 'adminPass': _random_password()})


def _create_server(conn, settings, user, new, commissions, name, image_id, flavor_id, metadata):
    """The three transactions of create_server: flavor, limit (0.12.5) and backend; public IP; commission
    (0.13), the VM row and its metadata."""
    with conn:  # flavor, limit (0.12.5), backend
        flavor = _flavor(conn, flavor_id)
        if not new:
            limit = settings.VMS_USER_QUOTA.get(user, settings.MAX_VMS_PER_USER)
            if _count(conn, 'db_virtualmachine', user) >= limit:
                raise OverLimit('Server count limit exceeded for your account.')
        backend = backends.allocate(conn, settings, user, flavor)
        if backend is None:
            log.error('No available backends for VM with flavor %s', flavor['id'])
            raise ServiceUnavailable('No available backends')
    with conn:  # public IP
        public = backends.allocate_public_address(conn, backend['id']) if settings.PUBLIC_USE_POOL else \
            next(((n, 'pool') for n in backends.public_networks(conn, backend['id'])), None)
        if public is None:
            if new:
                raise OverLimit('Can not allocate IP for new machine. Public networks are full.')
            raise ServiceUnavailable('Failed to allocate public IP for new VM')
    with conn:  # commission (0.13), the VM row and its metadata
        serial = commissions.issue(conn, user, quotas.server_resources(flavor)) if new else None
        vm_id = _insert_vm(conn, new, name, backend, user, image_id, flavor, serial)
        for key, value in metadata.items():
            db.execute(conn, 'INSERT INTO db_virtualmachinemetadata (meta_key, meta_value, vm_id)'
                             ' VALUES (%s, %s, %s)', (key, value, vm_id))
        log.info("Created entry in DB for VM '%s%s' (the Ganeti job is not sent on the test fleet)",
                 settings.BACKEND_PREFIX_ID, vm_id)
    return vm_id


def _insert_vm(conn, new, name, backend, user, image_id, flavor, serial):
    """A new VirtualMachine: operstate BUILD and action NULL (its __init__ clears the action the view passes,
    12:C/db/models.py:346-356), backend_hash from the backend."""
    now = datetime.datetime.now(datetime.timezone.utc)
    columns = ('name, userid, backend_id, backend_hash, created, updated, imageid, hostid, flavor_id, deleted,'
               ' suspended, action, operstate, buildpercentage, backendtime')
    values = [name, user, backend['id'], None, now, now, image_id, '', flavor['id'], False, False, None, 'BUILD',
              0, datetime.datetime(1, 1, 1)]
    if new:
        columns += ', serial_id'
        values.append(serial)
    vm_id = db.row(conn, 'INSERT INTO db_virtualmachine (%s) VALUES (%s) RETURNING id'
                   % (columns, ', '.join(['%s'] * len(values))), values)[0]
    db.execute(conn, 'UPDATE db_virtualmachine v SET backend_hash = b.hash FROM db_backend b'
                     ' WHERE v.id = %s AND b.id = v.backend_id', (vm_id,))
    return vm_id


# --- networks ----------------------------------------------------------------------------------------

_TYPES_012 = ['PUBLIC_ROUTED', 'PRIVATE_MAC_FILTERED', 'PRIVATE_PHYSICAL_VLAN', 'CUSTOM_ROUTED', 'CUSTOM_BRIDGED']


def _network_request(req, new):
    try:
        d = req['network']
        return {'name': d['name'], 'subnet': d.get('cidr', '192.168.1.0/24'), 'subnet6': d.get('cidr6'),
                'gateway': d.get('gateway'), 'gateway6': d.get('gateway6'),
                'type': d.get('type', 'MAC_FILTERED' if new else 'PRIVATE_MAC_FILTERED'),
                'public': d.get('public', False), 'dhcp': d.get('dhcp', True)}
    except (KeyError, ValueError, TypeError, AttributeError):
        raise BadRequest('Malformed request.')


def _resources_012(conn, settings, net_type):
    """(link, mac_prefix) of a 0.12.5 network type (12:C/api/util.py:427-447)."""
    if net_type == 'PRIVATE_MAC_FILTERED':
        pool = pools.mac_prefix_pool(conn)
        prefix = pool.get()
        pool.save()
        return settings.PRIVATE_MAC_FILTERED_BRIDGE, prefix
    if net_type == 'PRIVATE_PHYSICAL_VLAN':
        pool = pools.bridge_pool(conn)
        link = pool.get()
        pool.save()
        return link, settings.MAC_POOL_BASE
    links = {'CUSTOM_ROUTED': 'CUSTOM_ROUTED_ROUTING_TABLE', 'CUSTOM_BRIDGED': 'CUSTOM_BRIDGED_BRIDGE',
             'PUBLIC_ROUTED': 'PUBLIC_ROUTED_ROUTING_TABLE'}
    return getattr(settings, links[net_type]), settings.MAC_POOL_BASE


def _flavor_013(conn, settings, flavor):
    """(mode, link, mac_prefix, tags) of a 0.13 network flavor, 'pool' values taken from the pools
    (13:C/db/models.py:438-471, 13:C/api/util.py:541-573)."""
    flavors = {
        'CUSTOM': ('bridged', settings.DEFAULT_BRIDGE, settings.DEFAULT_MAC_PREFIX, None),
        'IP_LESS_ROUTED': ('routed', settings.DEFAULT_ROUTING_TABLE, settings.DEFAULT_MAC_PREFIX, 'ip-less-routed'),
        'MAC_FILTERED': ('bridged', settings.DEFAULT_MAC_FILTERED_BRIDGE, 'pool', 'private-filtered'),
        'PHYSICAL_VLAN': ('bridged', 'pool', settings.DEFAULT_MAC_PREFIX, 'physical-vlan'),
    }
    mode, link, mac_prefix, tags = flavors[flavor]
    if link == 'pool':
        pool = pools.bridge_pool(conn)
        link = pool.get()
        pool.save()
    if mac_prefix == 'pool':
        pool = pools.mac_prefix_pool(conn)
        mac_prefix = pool.get()
        pool.save()
    return mode, link, mac_prefix, tags


def _validate_013(settings, net):
    import ipaddress
    try:
        network = ipaddress.IPv4Network(net['subnet'], strict=True)
    except ValueError:
        raise BadRequest('Invalid network IPv4 subnet')
    if not settings.MAX_CIDR_BLOCK < network.prefixlen <= 29:
        raise OverLimit('Unsupported network size', 'Network mask must be in range (%s, 29]' % settings.MAX_CIDR_BLOCK)
    if net['gateway']:
        try:
            inside = ipaddress.IPv4Address(net['gateway']) in network
        except ValueError:
            inside = False
        if not inside:
            raise BadRequest('Invalid network IPv4 gateway')


@api_method
def create_network(request, settings, req):
    user, new = request.user_uniq, at_least_013('cyclades_app')
    net = _network_request(req, new)
    if net['public']:
        raise Forbidden('Can not create a public network.')
    flavor = net['type']
    if new:
        if flavor not in ('CUSTOM', 'IP_LESS_ROUTED', 'MAC_FILTERED', 'PHYSICAL_VLAN'):
            raise BadRequest('Invalid network flavors %s' % flavor)
        if flavor not in settings.API_ENABLED_NETWORK_FLAVORS:
            raise Forbidden('Can not create %s network' % flavor)
        _validate_013(settings, net)
    else:
        if flavor not in _TYPES_012:
            raise BadRequest('Invalid network type: %s', flavor)
        if flavor not in settings.ENABLED_NETWORKS:
            raise Forbidden('Can not create %s network' % flavor)
    conn = db.connect(settings)
    try:
        with quotas.uses_commission(settings, conn, new) as commissions, conn:
            network_id = _write_network(conn, settings, user, net, new, commissions)
    finally:
        conn.close()
    return _accepted('network', {'id': str(network_id), 'name': net['name'], 'cidr': net['subnet'],
                                 'cidr6': net['subnet6'], 'gateway': net['gateway'], 'gateway6': net['gateway6'],
                                 'dhcp': net['dhcp'], 'type': flavor, 'public': False, 'status': 'PENDING',
                                 'attachments': {'values': []}})


def _write_network(conn, settings, user, net, new, commissions):
    now = datetime.datetime.now(datetime.timezone.utc)
    values = {'name': net['name'], 'userid': user, 'subnet': net['subnet'], 'subnet6': net['subnet6'],
              'gateway': net['gateway'], 'gateway6': net['gateway6'], 'dhcp': net['dhcp'], 'public': False,
              'created': now, 'updated': now, 'deleted': False, 'state': 'PENDING', 'action': 'CREATE'}
    if new:
        serial = commissions.issue(conn, user, {'network.private': 1})
        try:
            mode, link, mac_prefix, tags = _flavor_013(conn, settings, net['type'])
        except pools.EmptyPool:
            log.error('Failed to allocate resources for network of type: %s', net['type'])
            raise ServiceUnavailable('Failed to allocate network resources')
        values.update(flavor=net['type'], mode=mode, link=link, mac_prefix=mac_prefix, tags=tags, serial_id=serial)
    else:
        limit = settings.NETWORKS_USER_QUOTA.get(user, settings.MAX_NETWORKS_PER_USER)
        if _count(conn, 'db_network', user) >= limit:
            raise OverLimit('Network count limit exceeded for your account.')
        if not (settings.MAX_CIDR_BLOCK < int(net['subnet'].split('/')[1]) <= 29):
            raise OverLimit('Unsupported network size.')
        try:
            link, mac_prefix = _resources_012(conn, settings, net['type'])
        except pools.EmptyPool:
            log.error('Failed to allocate resources for network of type: %s', net['type'])
            raise ServiceUnavailable('Failed to allocate resources for network')
        if not link:
            raise Exception('Can not create network. No connectivity link.')
        values.update(type=net['type'], link=link, mac_prefix=mac_prefix)
    network_id = db.row(conn, 'INSERT INTO db_network (%s) VALUES (%s) RETURNING id'
                        % (', '.join(values), ', '.join(['%s'] * len(values))), list(values.values()))[0]
    _create_backend_networks(conn, network_id, mac_prefix, now)
    return network_id


def _create_backend_networks(conn, network_id, mac_prefix, now):
    """One BackendNetwork per backend that is not offline, its MAC prefix the network's plus the backend's
    index in hex (12:C/db/models.py:535-541,616-629)."""
    for backend_id, index in db.rows(conn, 'SELECT id, index FROM db_backend WHERE NOT offline ORDER BY id'):
        db.execute(conn, 'INSERT INTO db_backendnetwork (network_id, backend_id, created, updated, deleted,'
                         " mac_prefix, operstate, backendtime) VALUES (%s, %s, %s, %s, false, %s, 'PENDING', %s)",
                   (network_id, backend_id, now, now, mac_prefix + '%x' % index, datetime.datetime(1, 1, 1)))
