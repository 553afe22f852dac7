"""The services' HTTP client of Astakos (test fleet, our own code; snf-common's synnefo.lib.astakos).

- call(): X-Auth-Token, status outside 2xx -> Exception(body, status) (13:snf-common/synnefo/lib/astakos.py:
  67-93; 12: the same for authenticate).
- authenticate(): GET <ASTAKOS_URL> (…/im/authenticate); the user's identifier is 'uniq' (the email) at
  0.12.5 (12:snf-common/synnefo/lib/astakos.py:101) and 'uuid' at 0.13 (13:…:221).
- get_uuids()/get_displaynames(): POST {"displaynames": [...]} / {"uuids": [...]} to a user_catalogs URL,
  answer 'displayname_catalog' / 'uuid_catalog'; 3 tries unless the error's last argument is 401 or 404
  (13:…:45-64,106-169). A non-empty override_users maps names to themselves without HTTP (:113-114,133-134).
"""
import json
from urllib.parse import urlparse

from snf_fleet.lib.quotaholder import connection
from snf_fleet.lib.versions import at_least_013


def retry(howmany):
    def decorate(func):
        def attempt(*args, **kwargs):
            for attempts in range(howmany):
                try:
                    return func(*args, **kwargs)
                except Exception as e:
                    if attempts == howmany - 1 or (e.args and e.args[-1] in (401, 404)):
                        raise
        return attempt
    return decorate


def call(token, url, headers=None, body=None, method='GET'):
    parsed = urlparse(url)
    headers = dict(headers or {})
    headers['X-Auth-Token'] = token
    if body:
        headers.setdefault('content-type', 'application/octet-stream')
    headers.setdefault('content-length', str(len(body) if body else 0))
    conn = connection(url)
    try:
        conn.request(method, parsed.path + '?' + parsed.query, body=body, headers=headers)
        response = conn.getresponse()
        data, status = response.read(), response.status
    finally:
        conn.close()
    if status < 200 or status >= 300:
        raise Exception(data.decode('utf-8', 'replace'), status)
    return json.loads(data)


def authenticate(token, authentication_url='http://127.0.0.1:8000/im/authenticate', usage=False):
    if usage:
        authentication_url += '?usage=1'
    return call(token, authentication_url)


@retry(3)
def get_displaynames(token, uuids, url='http://127.0.0.1:8000/user_catalogs', override_users=None):
    if override_users:
        return {u: u for u in uuids}
    return call(token, url, headers={'content-type': 'application/json'},
                body=json.dumps({'uuids': uuids}), method='POST').get('uuid_catalog')


@retry(3)
def get_uuids(token, displaynames, url='http://127.0.0.1:8000/user_catalogs', override_users=None):
    if override_users:
        return {u: u for u in displaynames}
    return call(token, url, headers={'content-type': 'application/json'},
                body=json.dumps({'displaynames': displaynames}), method='POST').get('displayname_catalog')


def get_user_uuid(token, displayname, url='http://127.0.0.1:8000/user_catalogs', override_users=None):
    if not displayname:
        return None
    return get_uuids(token, [displayname], url, override_users).get(displayname)


def get_displayname(token, uuid, url='http://127.0.0.1:8000/user_catalogs', override_users=None):
    if not uuid:
        return None
    return get_displaynames(token, [uuid], url, override_users).get(uuid)


def uniq_key():
    """The key of the authenticate answer that services take as the user's identifier."""
    return 'uuid' if at_least_013('common') else 'uniq'


def user_for_token(token, authentication_url, override_users=None, usage=False):
    if not token:
        return None
    if override_users:
        return {uniq_key(): override_users[token]} if token in override_users else None
    try:
        return authenticate(token, authentication_url, usage=usage)
    except Exception as e:
        if e.args and e.args[-1] == 401:
            return None
        raise


def get_user(request, authentication_url='http://127.0.0.1:8000/im/authenticate', override_users=None,
             fallback_token=None, usage=False):
    """Sets request.user and request.user_uniq from the token of the query, the header or the fallback."""
    request.user = request.user_uniq = None
    for token in (request.query.get('X-Auth-Token'), request.header('X-Auth-Token'), fallback_token):
        user = user_for_token(token, authentication_url, override_users, usage)
        if user:
            request.user, request.user_uniq = user, user[uniq_key()]
            return user
    return None
