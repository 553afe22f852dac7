"""snf-common's own default settings, loaded before every app's (12:/13:snf-common/synnefo/settings/default/
admins.py, imported first by 13:snf-common/synnefo/settings/__init__.py:43). The same at 0.12.5 and 0.13."""
ADMINS = ()
MANAGERS = ADMINS
EMAIL_HOST = "127.0.0.1"
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""
EMAIL_SUBJECT_PREFIX = "[email-subject-prefix] "
DEFAULT_CHARSET = 'utf-8'
DEFAULT_FROM_EMAIL = "~okeanos <no-reply@grnet.gr>"
