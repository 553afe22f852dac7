"""Astakos' own settings with their defaults, read as astakos.im.settings reads them (getattr(settings, NAME,
default); 13:snf-astakos-app/astakos/im/settings.py). ASTAKOS_SERVICES' default: :165-216."""
GiB = 1024 ** 3

DEFAULTS = {
    'ASTAKOS_QUOTAHOLDER_URL': '',
    'ASTAKOS_QUOTAHOLDER_TOKEN': '',
    'ASTAKOS_QUOTAHOLDER_POOLSIZE': 50,
    'ASTAKOS_AUTH_TOKEN_DURATION': 30 * 24,
    'ASTAKOS_MIGRATION_0045_DELETE_DUPLICATE_USER_IDS': [],
    'ASTAKOS_SERVICES': {
        'cyclades': {
            'resources': [
                {'name': 'disk', 'group': 'compute', 'uplimit': 30 * GiB, 'unit': 'bytes',
                 'desc': 'Virtual machine disk size'},
                {'name': 'cpu', 'group': 'compute', 'uplimit': 6, 'desc': 'Number of virtual machine processors'},
                {'name': 'ram', 'group': 'compute', 'uplimit': 6 * GiB, 'unit': 'bytes',
                 'desc': 'Virtual machines'},
                {'name': 'vm', 'group': 'compute', 'uplimit': 2, 'desc': 'Number of virtual machines'},
                {'name': 'network.private', 'group': 'network', 'uplimit': 1, 'desc': 'Private networks'},
            ]
        },
        'pithos+': {
            'resources': [
                {'name': 'diskspace', 'group': 'storage', 'uplimit': 5 * GiB, 'unit': 'bytes',
                 'desc': 'Pithos account diskspace'},
            ]
        },
    },
}


def setting(settings, name):
    return getattr(settings, name, DEFAULTS[name])
