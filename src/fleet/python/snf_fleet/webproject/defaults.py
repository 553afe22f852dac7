"""Default settings of snf-webproject (12:/13:snf-webproject/synnefo/webproject/settings/__init__.py and
default/{database,apps,deploy,site,logging}.py): what a host has when /etc/synnefo sets nothing.

INSTALLED_APPS, TEMPLATE_CONTEXT_PROCESSORS, MIDDLEWARE_CLASSES and STATIC_FILES start from the project's own
and are extended by every installed app's snf_fleet/<app>/synnefo_settings.py (web_apps, web_context_processors,
web_middleware, web_static, loggers: the real apps' entry points of those names, 13:snf-astakos-app/setup.py:
202-211), with snf-common's merge rules (13:snf-common/synnefo/util/entry_points.py:90-145): entries already
present are skipped, {'before': X, 'insert': Y} inserts Y at X's index - 1, {'after': X, ...} at X's index + 1.
Apps are taken in name order (pkg_resources' order on a real host is that of the installed distributions).
"""
from snf_fleet import settings as __settings
from snf_fleet.lib import versions as __versions

DATABASES = {
    'default': {
        'ENGINE': 'sqlite3',
        'NAME': '/usr/share/synnefo/synnefo_database.sqlite',
        'USER': '',
        'PASSWORD': '',
        'HOST': '',
        'PORT': '',
    }
}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
TEMPLATE_LOADERS = (
    'django.template.loaders.filesystem.Loader',
    'django.template.loaders.app_directories.Loader',
)
ROOT_URLCONF = 'synnefo.webproject.urls'
# A string, not a tuple (no comma), as in the real file; Django makes it a tuple.
TEMPLATE_DIRS = ('/etc/synnefo/templates/' if __versions.at_least_013('webproject')
                 else '/usr/share/synnefo/templates/')
LANGUAGES = (
    ('en', 'English'),
)
TIME_ZONE = 'UTC'

DEBUG = False
TEMPLATE_DEBUG = False
SESSION_COOKIE_SECURE = True
SECRET_KEY = 'ly6)mw6a7x%n)-e#zzk4jo6f2=uqu!1o%)2-(7lo+f9yd^k^bg'
USE_X_FORWARDED_HOST = True
HIDDEN_SETTINGS = 'SECRET|PASSWORD|PROFANITIES_LIST|SIGNATURE|AMQP_HOSTS|PRIVATE_KEY|DB_CONNECTION'
HIDDEN_COOKIES = '_pithos2_a|token|sessionid|shibstate|shibsession|CSRF_COOKIE'

LANGUAGE_CODE = 'en-us'
USE_I18N = True
USE_L10N = True
MEDIA_ROOT = '/usr/share/synnefo/static/'
MEDIA_URL = '/static/'
STATIC_FILES = {}

FORMATTERS = {
    'simple': {'format': '%(asctime)s [%(levelname)s] %(message)s'},
    'verbose': {'format': '%(asctime)s [%(process)d] %(name)s %(module)s [%(levelname)s] %(message)s'},
    'django': {'format': '[%(asctime)s] %(levelname)s %(message)s', 'datefmt': '%d/%b/%Y %H:%M:%S'},
}
LOGGING_SETUP = {
    'version': 1,
    'disable_existing_loggers': True,
    'formatters': FORMATTERS,
    'handlers': {
        'null': {'class': 'logging.NullHandler'},
        'console': {'class': 'logging.StreamHandler', 'formatter': 'verbose'},
        'syslog': {'class': 'logging.handlers.SysLogHandler', 'address': '/dev/log', 'facility': 'daemon',
                   'formatter': 'verbose', 'level': 'INFO'},
    },
    'loggers': {
        '': {'handlers': ['console'], 'level': 'INFO'},
        'synnefo': {'handlers': ['console'], 'level': 'INFO', 'propagate': 0},
        'synnefo.admin': {'level': 'INFO', 'propagate': 1},
        'synnefo.api': {'level': 'INFO', 'propagate': 1},
        'synnefo.db': {'level': 'INFO', 'propagate': 1},
        'synnefo.logic': {'level': 'INFO', 'propagate': 1},
    },
}
SNF_MANAGE_LOGGING_SETUP = {
    'version': 1,
    'disable_existing_loggers': True,
    'formatters': FORMATTERS,
    'handlers': {'console': {'class': 'logging.StreamHandler', 'formatter': 'verbose'}},
    'loggers': {
        '': {'handlers': ['console'], 'level': 'WARNING'},
        'synnefo': {'handlers': ['console'], 'level': 'WARNING', 'propagate': 0},
    },
}


def __extend_list(values, hook):
    values = list(values)
    for _, module in __settings.app_modules('synnefo_settings'):
        for row in getattr(module, hook, ()):
            if row in values:
                continue
            if isinstance(row, dict) and (row.get('before') or row.get('after')):
                if row.get('before'):
                    at = max(values.index(row['before']) - 1, 0)
                else:
                    at = values.index(row['after']) + 1
                inserts = row.get('insert', [])
                for entry in inserts if isinstance(inserts, list) else [inserts]:
                    if entry not in values:
                        values.insert(at, entry)
                        at += 1
            else:
                values.append(row)
    return values


def __extend_dict(values, hook):
    for _, module in __settings.app_modules('synnefo_settings'):
        values.update(getattr(module, hook, {}))
    return values


INSTALLED_APPS = __extend_list((
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.sites',
    'django.contrib.messages',
    'django.contrib.admin',
    'south',
    'synnefo.webproject',
), 'web_apps')
TEMPLATE_CONTEXT_PROCESSORS = __extend_list((
    'django.core.context_processors.request',
    'django.core.context_processors.i18n',
    'django.contrib.auth.context_processors.auth',
    'django.core.context_processors.media',
), 'web_context_processors')
MIDDLEWARE_CLASSES = __extend_list((
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'synnefo.lib.middleware.LoggingConfigMiddleware',
    'synnefo.lib.middleware.CleanseSettingsMiddleware',
), 'web_middleware')
STATIC_FILES = __extend_dict(STATIC_FILES, 'web_static')
LOGGING_SETUP['loggers'] = __extend_dict(LOGGING_SETUP['loggers'], 'loggers')
