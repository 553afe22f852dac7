<#include "/lib/python.ftl">
# Managed by reconcile (templates/pithos/99-reconcile-pithos.conf.ftl): the Synnefo 0.13 settings the
# upgrade sets (guide sections 3.3, 3.6, 6.4). snf-common loads this file after the packages' files, so
# these values win; every other setting (PITHOS_SERVICE_TOKEN, the backend database and blocks, ...)
# stays in the files the operator keeps.

# The quotaholder, and whether Pithos uses it: False while the user and quota migration runs, True after.
PITHOS_QUOTAHOLDER_URL = ${py(quotaholder_url)}
PITHOS_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}
PITHOS_USE_QUOTAHOLDER = ${pybool(use_quotaholder)}

# Astakos' user services, which Pithos forwards to
PITHOS_USER_CATALOG_URL = ${py(astakos_url + "/user_catalogs/")}
PITHOS_USER_FEEDBACK_URL = ${py(astakos_url + "/feedback/")}
PITHOS_USER_LOGIN_URL = ${py(astakos_url + "/login/")}
# False when astakos and pithos are on the same host (the shipped file names it PROXY_USER_SERVICES)
PITHOS_PROXY_USER_SERVICES = ${pybool(pithos_proxy_user_services!"True")}
