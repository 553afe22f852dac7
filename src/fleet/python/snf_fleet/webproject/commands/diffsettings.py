"""snf-manage diffsettings: Django 1.2's django/core/management/commands/diffsettings.py semantics.

Every setting of django.conf.settings (webproject.django_settings) whose repr differs from Django's global
default is printed as `NAME = repr`; a name Django's global_settings does not define gets `  ###` after it;
lines sorted by name, joined with newlines and printed (an empty result prints an empty line). It reads the
settings as every command does (snf-common's loader), so a broken settings file stops it likewise. A
NoArgsCommand: arguments -> "Error: Command doesn't accept any arguments".
"""
from snf_fleet.management import BaseCommand, CommandError
from snf_fleet.webproject.django_defaults import GLOBAL_SETTINGS
from snf_fleet.webproject.django_settings import effective, python2_repr


class Command(BaseCommand):
    help = ('Displays differences between the current settings.py and Django\'s\n    default settings. Settings '
            'that don\'t appear in the defaults are\n    followed by "###".')

    def handle(self, *args, **options):
        if args:
            raise CommandError("Command doesn't accept any arguments")
        user = {name: python2_repr(value) for name, value in effective(self.settings).items()
                if not name.startswith('_')}
        default = {name: python2_repr(value) for name, value in GLOBAL_SETTINGS.items()}
        output = []
        for name in sorted(user):
            if name not in default:
                output.append('%s = %s  ###' % (name, user[name]))
            elif user[name] != default[name]:
                output.append('%s = %s' % (name, user[name]))
        self.stdout.write('\n'.join(output) + '\n')
