"""Astakos over HTTP (test fleet, our own code). Faults answer '<message>\\n' with their code
(13:snf-astakos-app/astakos/im/api/__init__.py:62-72).

- /im/authenticate (GET, user token in X-Auth-Token): 401 'Access denied' without a token, 'Invalid
  X-Auth-Token' for an unknown one, 'User inactive', 'Authentication expired', 'Pending approval terms';
  400 'Method not allowed.' for another method. The answer is 200 (the views set .status, not
  .status_code) with JSON: at 0.12.5 username, uniq (= email), auth_token, auth_token_created/_expires
  (ISO), has_credits, has_signed_terms, groups (12:snf-astakos-app/astakos/im/api/admin.py:103-136); at 0.13
  id, username, uuid, email [list], name, groups, auth_token, auth_token_created/_expires (epoch ms)
  (13:snf-astakos-app/astakos/im/api/user.py:91-137).
- 0.13 only (snf-astakos-app/astakos/urls.py:41): POST /service/api/user_catalogs with a *service* token
  (13:.../api/service.py:51-91: 401 'Access denied' / 'Invalid X-Auth-Token' / 'Authentication expired')
  and POST /user_catalogs with a user token (api/user.py:139-147); body {"uuids": [...], "displaynames":
  [...]} or 400 'Request body should be json formatted.'; answer {"uuid_catalog", "displayname_catalog"}.
"""
import datetime
import json
import time

from snf_fleet import db
from snf_fleet.astakos import models
from snf_fleet.lib.versions import at_least_013
from snf_fleet.web import json_response, response


class Fault(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def fault_response(f):
    return response(f.code, f.message + '\n')


def api(method, lookup):
    """A view that checks the method and the token (lookup(conn, token) -> the token's owner) first."""
    def decorate(view):
        def wrapper(request):
            try:
                if request.method != method:
                    raise Fault(400, 'Method not allowed.')
                token = request.header('X-Auth-Token')
                if not token:
                    raise Fault(401, 'Access denied')
                conn = db.connect(request.settings)
                try:
                    return view(request, conn, lookup(conn, token))
                finally:
                    conn.close()
            except Fault as f:
                return fault_response(f)
        return wrapper
    return decorate


def expired(moment):
    now = datetime.datetime.now(moment.tzinfo) if moment is not None and moment.tzinfo else datetime.datetime.now()
    return moment is not None and moment < now


def user_by_token(conn, token):
    row = db.row(conn, 'SELECT u.id FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id '
                       'WHERE a.auth_token = %s', (token,))
    if row is None:
        raise Fault(401, 'Invalid X-Auth-Token')
    return row[0]


def service_by_token(conn, token):
    found = db.rows(conn, 'SELECT id, auth_token_expires FROM im_service WHERE auth_token = %s', (token,))
    if not found:
        raise Fault(401, 'Invalid X-Auth-Token')
    if len(found) > 1:
        raise Fault(500, 'Unexpected error')
    if expired(found[0][1]):
        raise Fault(401, 'Authentication expired')
    return found[0][0]


def signed_terms(conn, user_id):
    terms = db.row(conn, 'SELECT max(date) FROM im_approvalterms')[0]
    if terms is None:
        return True
    signed, when = db.row(conn, 'SELECT has_signed_terms, date_signed_terms FROM im_astakosuser '
                                'WHERE user_ptr_id = %s', (user_id,))
    return bool(signed) and when is not None and when >= terms


def epoch(moment):
    return int(time.mktime(moment.timetuple()) * 1000) if moment else None


@api('GET', user_by_token)
def authenticate(request, conn, user_id):
    # 0.12.5 has no im_astakosuser.uuid (13:AM/0015:212 adds it)
    uuid_column = 'a.uuid' if at_least_013('astakos_app') else 'NULL'
    (username, email, first, last, active, uuid, token, created, expires, credits, signed_flag) = db.row(
        conn, 'SELECT u.username, u.email, u.first_name, u.last_name, u.is_active, %s, a.auth_token, '
              'a.auth_token_created, a.auth_token_expires, a.has_credits, a.has_signed_terms FROM auth_user u '
              'JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE u.id = %%s' % uuid_column, (user_id,))
    if not active:
        raise Fault(401, 'User inactive')
    if expires is None or expired(expires):
        raise Fault(401, 'Authentication expired')
    if not signed_terms(conn, user_id):
        raise Fault(401, 'Pending approval terms')
    groups = [g for (g,) in db.rows(conn, 'SELECT g.name FROM auth_group g JOIN auth_user_groups ug '
                                          'ON ug.group_id = g.id WHERE ug.user_id = %s ORDER BY g.id', (user_id,))]
    if at_least_013('astakos_app'):
        info = {'id': user_id, 'username': username, 'uuid': uuid, 'email': [email], 'name': '%s %s' % (first, last),
                'groups': groups, 'auth_token': request.header('X-Auth-Token'),
                'auth_token_created': epoch(created), 'auth_token_expires': epoch(expires)}
    else:
        info = {'username': username, 'uniq': email, 'auth_token': token,
                'auth_token_created': created.isoformat() if created else None,
                'auth_token_expires': expires.isoformat(), 'has_credits': credits,
                'has_signed_terms': signed_terms(conn, user_id), 'groups': groups}
    return json_response(200, info)


def catalogs(request, conn, user_call):
    try:
        data = json.loads(request.body.decode('utf-8'))
        uuids, names = data.get('uuids', []), data.get('displaynames', [])
    except (ValueError, AttributeError):
        raise Fault(400, 'Request body should be json formatted.')
    if user_call:
        uuids, names = uuids or [], names or []
    return json_response(200, {'uuid_catalog': models.uuid_catalog(conn, uuids or []),
                               'displayname_catalog': models.displayname_catalog(conn, names or [])})


@api('POST', service_by_token)
def service_catalogs(request, conn, service_id):
    return catalogs(request, conn, user_call=False)


@api('POST', user_by_token)
def user_catalogs(request, conn, user_id):
    return catalogs(request, conn, user_call=True)


ROUTES = [(r'^im/authenticate/?$', authenticate)]
if at_least_013('astakos_app'):
    ROUTES += [(r'^service/api/user_catalogs/?$', service_catalogs), (r'^user_catalogs/?$', user_catalogs)]
