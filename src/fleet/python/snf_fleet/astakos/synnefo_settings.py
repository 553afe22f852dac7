"""Astakos' hooks into the web project's settings (12:/13:snf-astakos-app/astakos/im/synnefo_settings.py, the
entry points web_apps, web_context_processors, web_middleware, web_static, loggers of
13:snf-astakos-app/setup.py:202-211; loggers at 0.12.5 only, 12:snf-astakos-app/setup.py:210)."""
from snf_fleet.lib import versions as _versions

_AT_013 = _versions.at_least_013('astakos_app')

web_apps = [
    {'before': 'django.contrib.admin', 'insert': 'astakos.im'},
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
] + (['django_tables2'] if _AT_013 else [])

web_context_processors = [
    'django.core.context_processors.media',
    'django.core.context_processors.request',
    'django.core.context_processors.csrf',
    'astakos.im.context_processors.media',
    'astakos.im.context_processors.im_modules',
] + (['astakos.im.context_processors.auth_providers'] if _AT_013 else []) + [
    'astakos.im.context_processors.next',
    'astakos.im.context_processors.code',
    'astakos.im.context_processors.invitations',
    'astakos.im.context_processors.menu',
    'astakos.im.context_processors.custom_messages',
] + (['astakos.im.context_processors.last_login_method',
      'astakos.im.context_processors.membership_policies'] if _AT_013 else []) + [
    'synnefo.lib.context_processors.cloudbar',
]

web_middleware = [
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'astakos.im.middleware.CookieAuthenticationMiddleware',
    'synnefo.lib.middleware.LoggingConfigMiddleware',
    'synnefo.lib.middleware.SecureMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
]

web_static = {'astakos.im': ''}

loggers = {} if _AT_013 else {'astakos': {'handlers': ['console'], 'level': 'INFO'}}
