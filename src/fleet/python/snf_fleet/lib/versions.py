"""Versions of the installed Synnefo components (test fleet).

The real packages ship synnefo.versions.<component> with __version__ (13:snf-webproject/synnefo/versions/);
build-packages.sh writes snf_fleet/versions/<component>.py for every fake package that ships Python code.
Behaviour that differs between 0.12.5 and 0.13 asks series(): '0.12' or '0.13'.
"""
import importlib


def version(component):
    return importlib.import_module('snf_fleet.versions.%s' % component).__version__


def series(component='common'):
    return '.'.join(version(component).split('.')[:2])


def at_least_013(component='common'):
    return tuple(int(p) for p in series(component).split('.')) >= (0, 13)
