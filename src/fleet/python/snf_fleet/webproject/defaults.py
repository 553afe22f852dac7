"""Default settings of snf-webproject (13:snf-webproject/synnefo/webproject/settings/default/: database.py,
deploy.py; the same at 0.12.5): what a host has when /etc/synnefo sets nothing."""
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
DEBUG = False
TEMPLATE_DEBUG = False
SESSION_COOKIE_SECURE = True
SECRET_KEY = 'ly6)mw6a7x%n)-e#zzk4jo6f2=uqu!1o%)2-(7lo+f9yd^k^bg'
USE_X_FORWARDED_HOST = True
