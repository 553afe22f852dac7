<#include "/lib/python.ftl">
# Managed by reconcile (templates/cyclades/20-snf-cyclades-app-api.conf.ftl): local edits are undone.
## API settings

# Maximum allowed network size for private networks.
#MAX_CIDR_BLOCK = 22

# Per-user VM and network limits now live in astakos (migrated by the quotas-initial invariant);
# these 0.12 settings held emails and are emptied.
VMS_USER_QUOTA = {}
NETWORKS_USER_QUOTA = {}

# URL of the astakos service used to authenticate users
ASTAKOS_URL = ${py(astakos_url + "/im/authenticate")}

# Astakos service token of Cyclades (see 'snf-manage service-list' on the astakos host)
CYCLADES_ASTAKOS_SERVICE_TOKEN = ${py(cyclades_service_token)}

# False when astakos and cyclades are on the same host
CYCLADES_PROXY_USER_SERVICES = ${pybool(cyclades_proxy_user_services!"True")}
