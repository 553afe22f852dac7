"""Synnefo's settings as snf-common loads them (test fleet, our own code).

Order (13:snf-common/synnefo/settings/__init__.py:43-70, the same at 0.12.5): snf-common's own defaults
(snf_fleet/default_settings.py), the default settings of every installed app (the real apps register them as
entry points; here each app package ships snf_fleet/<app>/defaults.py), then every regular *.conf file of
SYNNEFO_SETTINGS_DIR (default /etc/synnefo/), sorted by full path, executed into one namespace, so that later
files override earlier ones and may use what earlier ones set. A file that raises prints
`Failed to read settings file: <path> [<exception repr>]` on stderr and exits 1. A setting nobody set is an
AttributeError, as with Django's settings object.
"""
import importlib
import os
import sys

import snf_fleet

DEFAULT_DIR = '/etc/synnefo/'


class Settings:
    """The loaded settings: attributes, as django.conf.settings."""

    def get(self, name, default=None):
        return getattr(self, name, default)

    def names(self):
        return sorted(n for n in vars(self) if n.isupper())


def installed_apps():
    """The snf_fleet app packages present on this host (their package installed them), sorted by name."""
    apps = set()
    for root in snf_fleet.__path__:
        for name in os.listdir(root):
            if os.path.isfile(os.path.join(root, name, '__init__.py')):
                apps.add(name)
    return sorted(apps)


def settings_dir():
    return os.environ.get('SYNNEFO_SETTINGS_DIR', DEFAULT_DIR)


def conf_files(directory):
    try:
        entries = [os.path.join(directory, name) for name in os.listdir(directory)]
    except OSError:
        print('Failed to list *.conf files under %s' % directory, file=sys.stderr)
        raise SystemExit(1)
    return sorted(f for f in entries if os.path.isfile(f) and f.endswith('.conf'))


def app_modules(name):
    """(app, module) for every installed app that has snf_fleet/<app>/<name>.py (or package <name>)."""
    for app in installed_apps():
        try:
            yield app, importlib.import_module('snf_fleet.%s.%s' % (app, name))
        except ModuleNotFoundError as e:
            if e.name != 'snf_fleet.%s.%s' % (app, name):
                raise


def _module_settings(module):
    return ((k, v) for k, v in vars(module).items() if not k.startswith('__'))


def _defaults(namespace):
    namespace.update(_module_settings(importlib.import_module('snf_fleet.default_settings')))
    for _, module in app_modules('defaults'):
        namespace.update(_module_settings(module))


_loaded = None


def load(directory=None):
    """Loads the settings once per process (as Django's settings module); exits 1 on a broken file."""
    global _loaded
    if _loaded is not None and directory is None:
        return _loaded
    # The namespace the files run in is the settings module's: it has os and sys, as the real one has.
    namespace = {'os': os, 'sys': sys, '__name__': 'synnefo.settings'}
    _defaults(namespace)
    directory = directory or settings_dir()
    namespace['SYNNEFO_SETTINGS_DIR'] = directory
    if os.path.exists(directory):
        for path in conf_files(directory):
            path = os.path.abspath(path)
            try:
                with open(path, encoding='utf-8') as f:
                    source = f.read()
                exec(compile(source, path, 'exec'), namespace)
            except Exception as e:
                print('Failed to read settings file: %s [%r]' % (path, e), file=sys.stderr)
                raise SystemExit(1)
    settings = Settings()
    for name, value in namespace.items():
        if not name.startswith('__') and name not in ('os', 'sys'):
            setattr(settings, name, value)
    if directory == settings_dir():
        _loaded = settings
    return settings
