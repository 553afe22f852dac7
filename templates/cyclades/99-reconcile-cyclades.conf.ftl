<#include "/lib/python.ftl">
# Managed by reconcile (templates/cyclades/99-reconcile-cyclades.conf.ftl): the Synnefo 0.13 settings the
# upgrade sets (guide sections 3.3, 3.5). snf-common loads this file after the packages' files, so these
# values win; every other setting stays in the files the operator keeps.

# Cyclades' Astakos service token ('snf-manage service-list' on the astakos host): Cyclades resolves
# user names at Astakos' user catalog with it (cyclades-astakos-migrate-013 --migrate-users).
CYCLADES_ASTAKOS_SERVICE_TOKEN = ${py(cyclades_service_token)}
# False when astakos and cyclades are on the same host
CYCLADES_PROXY_USER_SERVICES = ${pybool(cyclades_proxy_user_services!"True")}

# Cyclades commits its resources to the Astakos quotaholder.
CYCLADES_USE_QUOTAHOLDER = True
CYCLADES_QUOTAHOLDER_URL = ${py(quotaholder_url)}
CYCLADES_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}

# VMAPI: the cache that hands sensitive VM parameters to snf-image (memcached on every Cyclades worker),
# and Cyclades' base URL exactly as the VMs reach it (no redirects).
VMAPI_CACHE_BACKEND = ${py(vmapi_cache_backend!"memcached://127.0.0.1:11211/?timeout=3600")}
VMAPI_BASE_URL = ${py(cyclades_url)}
