"""Cyclades' default settings of what the fleet's Cyclades reads (12:/13:C/app_settings/default/api.py,
backend.py, queues.py, quotas.py; 0.12.5 names the network settings differently)."""
from snf_fleet.lib import versions as __versions

MAX_CIDR_BLOCK = 22
PUBLIC_USE_POOL = True
BACKEND_PER_USER = {}
MAX_VMS_PER_USER = 3
VMS_USER_QUOTA = {}
MAX_NETWORKS_PER_USER = 5
NETWORKS_USER_QUOTA = {}
MAX_PERSONALITY = 5
MAX_PERSONALITY_SIZE = 10240
ASTAKOS_URL = 'https://astakos.okeanos.grnet.gr/im/authenticate'
SECRET_ENCRYPTION_KEY = "Password Encryption Key"
BACKEND_PREFIX_ID = "snf-"
BACKEND_ALLOCATOR_MODULE = "synnefo.logic.allocators.default_allocator"
BACKEND_REFRESH_MIN = 15
AMQP_HOSTS = ["amqp://username:password@host:port"]
AMQP_BACKEND = 'puka'
EXCHANGE_GANETI = "ganeti"

if __versions.at_least_013('cyclades_app'):
    DEFAULT_MAC_PREFIX = 'aa:00:0'
    DEFAULT_BRIDGE = 'br0'
    API_ENABLED_NETWORK_FLAVORS = ['MAC_FILTERED']
    DEFAULT_ROUTING_TABLE = 'snf_public'
    DEFAULT_MAC_FILTERED_BRIDGE = 'prv0'
    CYCLADES_ASTAKOS_SERVICE_TOKEN = ''
    CYCLADES_USER_CATALOG_URL = 'https://<astakos domain>/user_catalogs'
    CYCLADES_PROXY_USER_SERVICES = True
    CYCLADES_USE_QUOTAHOLDER = False
    CYCLADES_QUOTAHOLDER_URL = "http://127.0.0.1:8008/api/quotaholder/v"
    CYCLADES_QUOTAHOLDER_TOKEN = ""
    CYCLADES_QUOTAHOLDER_POOLSIZE = 200
else:
    MAC_POOL_BASE = 'aa:00:0'
    ENABLED_NETWORKS = ['PUBLIC_ROUTED', 'PRIVATE_MAC_FILTERED', 'PRIVATE_PHYSICAL_VLAN']
    PUBLIC_ROUTED_ROUTING_TABLE = 'snf_public'
    PRIVATE_MAC_FILTERED_BRIDGE = 'br0'
    PRIVATE_PHYSICAL_VLAN_BRIDGE_PREFIX = 'prv'
    CUSTOM_ROUTED_ROUTING_TABLE = 'custom_routing_table'
    CUSTOM_BRIDGED_BRIDGE = 'custom_bridge'
