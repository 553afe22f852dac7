<#include "/lib/python.ftl">
# Managed by reconcile (templates/cyclades/20-snf-cyclades-app-quotas.conf.ftl): local edits are undone.
## Quotas: Cyclades commits its resources to the Astakos quotaholder

CYCLADES_USE_QUOTAHOLDER = True
CYCLADES_QUOTAHOLDER_URL = ${py(quotaholder_url)}
CYCLADES_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}

# Tune the size of the http pool for the quotaholder client.
#CYCLADES_QUOTAHOLDER_POOLSIZE = 50
