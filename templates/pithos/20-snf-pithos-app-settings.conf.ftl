<#include "/lib/python.ftl">
# Managed by reconcile (templates/pithos/20-snf-pithos-app-settings.conf.ftl): local edits are undone.
## Pithos settings

# Astakos authentication URL
PITHOS_AUTHENTICATION_URL = ${py(astakos_url + "/im/authenticate")}
#PITHOS_AUTHENTICATION_USERS = None

# SQLAlchemy (DBAPI) connection string of the backend database
PITHOS_BACKEND_DB_CONNECTION = ${py(pithos_backend_db_connection)}
<#if pithos_backend_block_path??>

# Block storage
PITHOS_BACKEND_BLOCK_PATH = ${py(pithos_backend_block_path)}
</#if>

# Default account quota (bytes) and versioning policy
#PITHOS_BACKEND_QUOTA = 50 * 1024 * 1024 * 1024
#PITHOS_BACKEND_VERSIONING = 'auto'

# Quotaholder (Astakos) URL and token, and whether Pithos uses it:
# False while the user and quota migration runs, True once it is over.
PITHOS_QUOTAHOLDER_URL = ${py(quotaholder_url)}
PITHOS_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}
PITHOS_USE_QUOTAHOLDER = ${pybool(use_quotaholder)}

# Astakos user services Pithos forwards to
PITHOS_USER_CATALOG_URL = ${py(astakos_url + "/user_catalogs/")}
PITHOS_USER_FEEDBACK_URL = ${py(astakos_url + "/feedback/")}
PITHOS_USER_LOGIN_URL = ${py(astakos_url + "/login/")}

# False when astakos and pithos are on the same host (the shipped file names this PROXY_USER_SERVICES,
# the code reads PITHOS_PROXY_USER_SERVICES)
PITHOS_PROXY_USER_SERVICES = ${pybool(pithos_proxy_user_services!"True")}
