"""snf-manage: Django 1.2's management framework as Synnefo's snf-webproject extends it (test fleet).

- Commands are the installed apps' snf_fleet/<app>/commands/<command-name>.py (class Command).
- Settings load first (a broken file stops every command, the unknown ones included, with snf-common's
  message), --settings-dir sets SYNNEFO_SETTINGS_DIR (13:snf-webproject/synnefo/webproject/manage.py:218-246).
- Commands are those of the installed apps: snf_fleet/<app>/commands/<name>.py defining Command.
- Unknown command: "Unknown command: 'x'\\nType 'snf-manage help' for usage." on stderr, exit 1 (:297);
  'help' prints the command list and exits 1 (:258-264).
- Options are parsed by optparse with Django's usage line: unique long-option prefixes are accepted, an
  unknown option prints the usage and "snf-manage: error: no such option: X" and exits 2.
- CommandError -> "Error: <msg>" on stderr, exit 1; other exceptions end in a traceback, exit 1 (Django 1.2
  BaseCommand.execute).
"""
import importlib
import optparse
import os
import pkgutil
import sys
from optparse import make_option

from snf_fleet import settings as settings_loader
from snf_fleet.lib.versions import version

PROG = 'snf-manage'
# Commands of the fleet not yet written in Python: executables shipped by the app packages.
LEGACY_COMMANDS = '/usr/lib/synnefo/snf-manage.d'


class CommandError(Exception):
    pass


class BaseCommand:
    option_list = (
        make_option('-v', '--verbosity', action='store', dest='verbosity', default='1',
                    type='choice', choices=['0', '1', '2'],
                    help='Verbosity level; 0=minimal output, 1=normal output, 2=all output'),
        make_option('--settings',
                    help='The Python path to a settings module, e.g. "myproject.settings.main". If this '
                         "isn't provided, the DJANGO_SETTINGS_MODULE environment variable will be used."),
        make_option('--pythonpath',
                    help='A directory to add to the Python path, e.g. "/home/djangoprojects/myproject".'),
        make_option('--traceback', action='store_true', help='Print traceback on exception'),
    )
    help = ''
    args = ''

    def __init__(self):
        self.stdout, self.stderr = sys.stdout, sys.stderr

    @property
    def settings(self):
        return settings_loader.load()

    def usage(self, subcommand):
        usage = '%%prog %s [options] %s' % (subcommand, self.args)
        return '%s\n\n%s' % (usage, self.help) if self.help else usage

    def create_parser(self, subcommand):
        return optparse.OptionParser(prog=PROG, usage=self.usage(subcommand), version=version('webproject'),
                                     option_list=list(self.option_list))

    def print_help(self, subcommand):
        self.create_parser(subcommand).print_help()

    def run_from_argv(self, argv):
        options, args = self.create_parser(argv[1]).parse_args(argv[2:])
        self.execute(*args, **vars(options))

    def execute(self, *args, **options):
        try:
            self.handle(*args, **options)
        except CommandError as e:
            sys.stdout.flush()
            self.stderr.write('Error: %s\n' % e)
            sys.exit(1)

    def handle(self, *args, **options):
        raise NotImplementedError


def get_commands():
    """{command name: app} of the installed apps."""
    commands = {}
    for app, package in settings_loader.app_modules('commands'):
        for module in pkgutil.iter_modules(package.__path__):
            commands[module.name] = app
    return commands


def load_command(app, name):
    # Command files carry the command's name, hyphens included, as the real apps' do (astakos-init.py).
    module = importlib.import_module('snf_fleet.%s.commands.%s' % (app, name))
    return module.Command()


def legacy_commands():
    if not os.path.isdir(LEGACY_COMMANDS):
        return []
    return sorted(n for n in os.listdir(LEGACY_COMMANDS) if os.access(os.path.join(LEGACY_COMMANDS, n), os.X_OK))


def main_help_text(commands):
    lines = ['', "Type '%s help <subcommand>' for help on a specific subcommand." % PROG, '',
             'Available subcommands:']
    lines += ['  %s' % c for c in sorted(set(commands) | set(legacy_commands()))]
    return '\n'.join(lines)


def settings_dir_from(argv):
    """Removes --settings-dir[=]DIR from argv and returns DIR (or None)."""
    for i, arg in enumerate(list(argv)):
        if arg.startswith('--settings-dir='):
            del argv[i]
            return arg.split('=', 1)[1]
        if arg == '--settings-dir' and i + 1 < len(argv):
            value = argv[i + 1]
            del argv[i:i + 2]
            return value
    return None


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    argv[0] = PROG
    directory = settings_dir_from(argv)
    if directory:
        os.environ['SYNNEFO_SETTINGS_DIR'] = directory
    settings_loader.load()
    commands = get_commands()
    subcommand = argv[1] if len(argv) > 1 else 'help'
    if subcommand == 'help':
        if len(argv) > 2 and argv[2] in commands:
            load_command(commands[argv[2]], argv[2]).print_help(argv[2])
            return 0
        print('Usage: %s subcommand [options] [args]' % PROG)
        print(main_help_text(commands))
        return 1
    if argv[1:] in (['--help'], ['-h']):
        print('Usage: %s subcommand [options] [args]' % PROG)
        print(main_help_text(commands))
        return 0
    if argv[1:] == ['--version']:
        print(version('webproject'))
        return 0
    if subcommand in commands:
        load_command(commands[subcommand], subcommand).run_from_argv(argv)
        return 0
    if subcommand in legacy_commands():
        sys.stdout.flush()
        os.execv(os.path.join(LEGACY_COMMANDS, subcommand), [subcommand] + argv[2:])
    sys.stderr.write("Unknown command: %r\nType '%s help' for usage.\n" % (subcommand, PROG))
    return 1
