# Managed by reconcile (templates/astakos/snf-project-control.cron.ftl).
# Synnefo 0.13 upgrade guide, section 10: detect and effect project expiration periodically.
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
${project_control_schedule!"17 * * * *"} root snf-manage project-control --terminate-expired >/dev/null
