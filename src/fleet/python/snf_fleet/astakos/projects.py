"""Astakos' project actions at 0.13, on the im_* tables (test fleet, our own code, written from
13:snf-astakos-app/astakos/im/functions.py:400-450,510-513,764-830 and models.py:1563-1830,1922-2099).

- approve_application(app): the application must exist ('There is no project application identified by
  N.') and be PENDING ("Cannot approve application N in state 'S'"); a live project of another chain with the
  same name refuses ("cannot approve: project with name 'X' already exists (id: N)"); the chain's project is
  created (id = chain, APPROVED, active) or, when it exists, gets the new application, name and
  last_approval_date and is_modified = True; the application becomes APPROVED with response_date = now.
- deny_application(app, reason): exists (the same message), PENDING ("Cannot deny application N in state
  'S'"), becomes DENIED with response_date = now and response = reason or ''.
- terminate / suspend / resume(project): 'There is no project identified by N.'; terminate and suspend need a
  project that is not TERMINATED, resume a SUSPENDED one: their messages format 'Project %(id)s ...' with the
  project's __dict__, which has 'id_id' (the primary key is a OneToOneField named id), not 'id': they fail
  with KeyError('id'), as the real ones do. terminate: state 100, deactivation_reason 'TERMINATED', name
  NULL; suspend: 10, 'SUSPENDED'; resume: 1, reason NULL. is_active changes later, in sync_projects.
- check_expiration(execute): projects not TERMINATED whose application's end_date passed, terminated when
  execute; the answer describes them as read before (str(id), name, state display, end date).
Notification mails are not sent (the real ones log a failure to send and go on).
"""
from datetime import timezone

from snf_fleet.db import execute, row, rows

PENDING, APPROVED_APPLICATION, DENIED = 0, 1, 3
APPLICATION_STATE_DISPLAY = {0: 'Pending review', 1: 'Approved', 2: 'Replaced', 3: 'Denied', 4: 'Dismissed',
                             5: 'Cancelled'}
APPROVED, SUSPENDED, TERMINATED = 1, 10, 100
PROJECT_STATE_DISPLAY = {APPROVED: 'Active', SUSPENDED: 'Suspended', TERMINATED: 'Terminated'}

UNKNOWN_PROJECT_APPLICATION_ID = 'There is no project application identified by %s.'
UNKNOWN_PROJECT_ID = 'There is no project identified by %s.'
APPLICATION_CANNOT_APPROVE = "Cannot approve application %s in state '%s'"
APPLICATION_CANNOT_DENY = "Cannot deny application %s in state '%s'"
NOT_ALIVE_PROJECT = 'Project %(id)s is not alive.'
NOT_SUSPENDED_PROJECT = 'Project %(id)s is not suspended.'


class PermissionDenied(Exception):
    pass


def _application_for_update(conn, app_id, missing):
    app = row(conn, 'SELECT id, state, name, chain FROM im_projectapplication WHERE id = %s FOR UPDATE',
              (int(app_id),))
    if app is None:
        raise missing(UNKNOWN_PROJECT_APPLICATION_ID % app_id)
    return app


def approve_application(conn, app_id):
    app_id, state, name, chain = _application_for_update(conn, app_id, PermissionDenied)
    if state != PENDING:
        raise PermissionDenied(APPLICATION_CANNOT_APPROVE % (app_id, APPLICATION_STATE_DISPLAY.get(state, 'Unknown')))
    project = row(conn, 'SELECT id FROM im_project WHERE id = %s FOR UPDATE', (chain,))
    conflicting = row(conn, 'SELECT id FROM im_project WHERE name = %s AND state <> %s', (name, TERMINATED))
    if conflicting and (project is None or conflicting[0] != project[0]):
        raise PermissionDenied("cannot approve: project with name '%s' already exists (id: %s)"
                               % (name, conflicting[0]))
    if project is None:
        execute(conn, 'INSERT INTO im_project (id, application_id, last_approval_date, creation_date, name, '
                      'is_modified, is_active, state) VALUES (%s, %s, now(), now(), %s, false, true, %s)',
                (chain, app_id, name, APPROVED))
    else:
        execute(conn, 'UPDATE im_project SET name = %s, application_id = %s, last_approval_date = now(), '
                      'is_modified = true WHERE id = %s', (name, app_id, chain))
    execute(conn, 'UPDATE im_projectapplication SET state = %s, response_date = now() WHERE id = %s',
            (APPROVED_APPLICATION, app_id))


def deny_application(conn, app_id, reason=None):
    app_id, state, _, _ = _application_for_update(conn, app_id, IOError)
    if state != PENDING:
        raise PermissionDenied(APPLICATION_CANNOT_DENY % (app_id, APPLICATION_STATE_DISPLAY.get(state, 'Unknown')))
    execute(conn, 'UPDATE im_projectapplication SET state = %s, response_date = now(), response = %s WHERE id = %s',
            (DENIED, '' if reason is None else reason, app_id))


def _project(conn, project_id):
    """The project's row as Django's __dict__ holds it (attnames: the primary key is id_id)."""
    found = row(conn, 'SELECT id, application_id, state, name FROM im_project WHERE id = %s FOR UPDATE',
                (int(project_id),))
    if found is None:
        raise IOError(UNKNOWN_PROJECT_ID % project_id)
    return dict(zip(('id_id', 'application_id', 'state', 'name'), found))


def _set_state(conn, project, state, reason, clear_name=False):
    execute(conn, 'UPDATE im_project SET state = %s, deactivation_reason = %s, name = CASE WHEN %s THEN NULL '
                  'ELSE name END WHERE id = %s', (state, reason, clear_name, project['id_id']))


def terminate(conn, project_id):
    project = _project(conn, project_id)
    if project['state'] == TERMINATED:
        raise PermissionDenied(NOT_ALIVE_PROJECT % project)
    _set_state(conn, project, TERMINATED, 'TERMINATED', clear_name=True)


def suspend(conn, project_id):
    project = _project(conn, project_id)
    if project['state'] == TERMINATED:
        raise PermissionDenied(NOT_ALIVE_PROJECT % project)
    _set_state(conn, project, SUSPENDED, 'SUSPENDED')


def resume(conn, project_id):
    project = _project(conn, project_id)
    if project['state'] != SUSPENDED:
        raise PermissionDenied(NOT_SUSPENDED_PROJECT % project)
    _set_state(conn, project, APPROVED, None)


def check_expiration(conn, execute_it=False):
    expired = rows(conn, 'SELECT p.id, p.name, p.state, a.end_date FROM im_project p JOIN im_projectapplication a '
                         'ON a.id = p.application_id WHERE p.state <> %s AND a.end_date < now() ORDER BY p.id',
                   (TERMINATED,))
    if execute_it:
        for project_id, _, _, _ in expired:
            terminate(conn, project_id)
    # Django 1.2 reads naive datetimes in TIME_ZONE (UTC here).
    return [(str(pid), name, PROJECT_STATE_DISPLAY.get(state, 'Unknown'),
             str(end.astimezone(timezone.utc).replace(tzinfo=None))) for pid, name, state, end in expired]
