"""django.conf.settings as Django 1.2 builds it from synnefo.settings (test fleet, our own code).

Django 1.2's Settings: every upper-case name of global_settings, then SETTINGS_MODULE, then every upper-case
name of the settings module (here snf-common's loaded namespace), INSTALLED_APPS and TEMPLATE_DIRS made a
1-tuple when given as a string, INSTALLED_APPS then rebuilt as a list ('x.*' entries are not expanded: no
Synnefo app uses them). A name counts as upper case when name == name.upper(), as Django tests it.
"""
from snf_fleet.webproject.django_defaults import GLOBAL_SETTINGS

SETTINGS_MODULE = 'synnefo.settings'
TUPLE_SETTINGS = ('INSTALLED_APPS', 'TEMPLATE_DIRS')


def effective(settings):
    """{name: value} of the Django settings object built from the loaded settings."""
    values = dict(GLOBAL_SETTINGS)
    values['SETTINGS_MODULE'] = SETTINGS_MODULE
    for name, value in vars(settings).items():
        if name == name.upper():
            if name in TUPLE_SETTINGS and isinstance(value, str):
                value = (value,)
            values[name] = value
    values['INSTALLED_APPS'] = list(values['INSTALLED_APPS'])
    return values


def python2_repr(value):
    """repr() as Python 2.6/2.7 writes it for the values settings hold: byte strings (the conf files are read as
    bytes), longs with 'L', set([...]). Dicts keep their insertion order (Python 2's hash order is not
    reproduced)."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return repr(value) + ('' if -2 ** 63 <= value < 2 ** 63 else 'L')
    if isinstance(value, str):
        return repr(value.encode('utf-8'))[1:]
    if isinstance(value, bytes):
        return repr(value)[1:]
    if isinstance(value, tuple):
        items = [python2_repr(v) for v in value]
        return '(%s)' % (items[0] + ',' if len(items) == 1 else ', '.join(items))
    if isinstance(value, list):
        return '[%s]' % ', '.join(python2_repr(v) for v in value)
    if isinstance(value, dict):
        return '{%s}' % ', '.join('%s: %s' % (python2_repr(k), python2_repr(v)) for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return '%s([%s])' % (type(value).__name__, ', '.join(python2_repr(v) for v in value))
    return repr(value)
