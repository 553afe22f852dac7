"""The quotaholder's hook into the web project's INSTALLED_APPS (13:snf-quotaholder-app/quotaholder_django/
synnefo_settings.py; entry point web_apps, 13:snf-quotaholder-app/setup.py:87-91)."""
web_apps = ['south', 'quotaholder_django.quotaholder_app']
