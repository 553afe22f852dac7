"""Astakos' default settings in synnefo.settings: the upper-case names of its default_settings entry point
(12:/13:snf-astakos-app/astakos/im/synnefo_settings.py; 13:snf-astakos-app/setup.py:204). Astakos' own
ASTAKOS_* settings are not here: astakos reads them with their defaults (snf_fleet.astakos.conf)."""
from snf_fleet.lib import versions as __versions

AUTHENTICATION_BACKENDS = ('astakos.im.auth_backends.EmailBackend',
                           'astakos.im.auth_backends.TokenBackend')
CUSTOM_USER_MODEL = 'astakos.im.AstakosUser'
if __versions.at_least_013('astakos_app'):
    LOGIN_URL = '/im/'
    BROKER_URL = ''
else:
    LOGIN_URL = '/im'
