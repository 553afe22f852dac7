"""The Pithos app's settings with their defaults, read with getattr as pithos/api/settings.py does
(12:P/settings.py, 13:P/settings.py). Not app defaults of the settings loader: pithos-migrate must not see
a default PITHOS_BACKEND_DB_CONNECTION (13:BL/alembic/env.py:6-15)."""
from types import SimpleNamespace

from snf_fleet.lib.versions import series

_AUTHENTICATION_URL = {'0.12': 'http://127.0.0.1:8000/im/authenticate',
                       '0.13': 'https://accounts.example.synnefo.org/im/authenticate/'}


def load(settings):
    old = series('pithos_app') == '0.12'

    def get(name, default):
        return getattr(settings, name, default)
    return SimpleNamespace(
        AUTHENTICATION_URL=get('PITHOS_AUTHENTICATION_URL', _AUTHENTICATION_URL['0.12' if old else '0.13']),
        AUTHENTICATION_USERS=get('PITHOS_AUTHENTICATION_USERS', {}),
        BACKEND_DB_CONNECTION=get('PITHOS_BACKEND_DB_CONNECTION', 'sqlite:////tmp/pithos-backend.db'),
        BACKEND_BLOCK_PATH=get('PITHOS_BACKEND_BLOCK_PATH', '/tmp/pithos-data/'),
        BACKEND_BLOCK_UMASK=get('PITHOS_BACKEND_BLOCK_UMASK', 0o022),
        BACKEND_QUOTA=get('PITHOS_BACKEND_QUOTA', 50 * 1024 * 1024 * 1024),
        BACKEND_VERSIONING=get('PITHOS_BACKEND_VERSIONING', 'auto'),
        SERVICE_TOKEN=get('PITHOS_SERVICE_TOKEN', ''),
        USE_QUOTAHOLDER=not old and get('PITHOS_USE_QUOTAHOLDER', False),
        QUOTAHOLDER_URL=get('PITHOS_QUOTAHOLDER_URL', ''),
        QUOTAHOLDER_TOKEN=get('PITHOS_QUOTAHOLDER_TOKEN', ''),
        USER_CATALOG_URL=get('PITHOS_USER_CATALOG_URL', 'https://accounts.example.synnefo.org/user_catalogs/'),
    )


def backend(pithos):
    """The request's backend with the deployment's default policy (12:P/util.py:806-811)."""
    from snf_fleet.pithos_backend.backend import Backend
    quotaholder = None
    if pithos.USE_QUOTAHOLDER:
        from snf_fleet.lib.quotaholder import QuotaholderClient
        quotaholder = QuotaholderClient(pithos.QUOTAHOLDER_URL, pithos.QUOTAHOLDER_TOKEN)
    b = Backend(series('pithos_backend'), pithos.BACKEND_DB_CONNECTION, pithos.BACKEND_BLOCK_PATH,
                pithos.BACKEND_BLOCK_UMASK, quotaholder)
    b.default_policy['quota'] = pithos.BACKEND_QUOTA
    b.default_policy['versioning'] = pithos.BACKEND_VERSIONING
    return b
