"""The quotaholder protocol: its calls, their input checks, and the HTTP client (test fleet, our own code).

Calls and argument shapes: 13:snf-common/synnefo/lib/quotaholder/api/quotaholder.py:97-356 (names match
[\\w.:@+/-]+, at most 512 characters; "practically infinite" is 10**32, :46,62). Client:
13:snf-common/synnefo/lib/quotaholder/http.py:45-93: <base>/<call>, X-Auth-Token, list*/get*/read* are GET
with a JSON body and the others POST; 200 -> the JSON answer; otherwise the JSON error is rebuilt as its
CallError class (a body that is not JSON becomes CallError(body, call_error='ValueError')).
"""
import http.client
import json
import re
import ssl
from urllib.parse import urlparse

from snf_fleet.lib.commissioning import CallError, InvalidDataError

QH_PRACTICALLY_INFINITE = 10 ** 32
NAME_RE = re.compile(r'[\w.:@+/-]+')


class CanonifyError(Exception):
    pass


def name(item):
    item = text(item)
    if len(item) > 512 or not NAME_RE.fullmatch(item):
        raise CanonifyError("Name: '%s' does not match '%s'" % (item[:64], NAME_RE.pattern))
    return item


def text(item):
    if item is None or isinstance(item, (list, dict)):
        raise CanonifyError("Text: cannot convert %r" % (item,))
    return str(item)


def integer(minimum=None):
    def check(item):
        try:
            value = int(item)
        except (TypeError, ValueError):
            raise CanonifyError("Integer: cannot convert '%s' to long" % (item,))
        if minimum is not None and value < minimum:
            raise CanonifyError("Integer: %d < minimum=%d" % (value, minimum))
        return value
    return check


INT, NONNEG, POSITIVE = integer(), integer(0), integer(1)


class ListOf:
    def __init__(self, *fields, nonempty=False):
        self.fields, self.nonempty = fields, nonempty

    def __call__(self, items):
        items = [] if items is None else items
        if not isinstance(items, (list, tuple)):
            raise CanonifyError('ListOf: %r is not a list' % (items,))
        if self.nonempty and not items:
            raise CanonifyError('ListOf: empty list')
        if len(self.fields) == 1:
            return [self.fields[0](i) for i in items]
        checked = []
        for item in items:
            if not isinstance(item, (list, tuple)) or len(item) != len(self.fields):
                raise CanonifyError('ListOf: %r does not have %d fields' % (item, len(self.fields)))
            checked.append(tuple(f(v) for f, v in zip(self.fields, item)))
        return checked


def optional(check, default=None):
    return lambda item: default if item is None else check(item)


ENTITY = RESOURCE = POLICY = OWNER = CLIENTKEY = name
KEY = text
QUOTA4 = (INT, NONNEG, NONNEG, NONNEG)            # quantity, capacity, import limit, export limit
COUNTERS = (NONNEG, NONNEG, NONNEG, NONNEG)       # imported, exported, returned, released
DELTAS = (INT, INT, INT, INT)

# Input of every call: argument -> check (the context argument is accepted and ignored everywhere).
CALLS = {
    'create_entity': {'create_entity': ListOf(ENTITY, OWNER, KEY, KEY, nonempty=True)},
    'set_entity_key': {'set_entity_key': ListOf(ENTITY, KEY, KEY)},
    'list_entities': {'entity': ENTITY, 'key': KEY},
    'get_entity': {'get_entity': ListOf(ENTITY, KEY, nonempty=True)},
    'get_limits': {'get_limits': ListOf(POLICY, nonempty=True)},
    'set_limits': {'set_limits': ListOf(POLICY, *QUOTA4, nonempty=True)},
    'get_holding': {'get_holding': ListOf(ENTITY, RESOURCE, KEY)},
    'set_holding': {'set_holding': ListOf(ENTITY, RESOURCE, KEY, POLICY, NONNEG)},
    'init_holding': {'init_holding': ListOf(ENTITY, RESOURCE, KEY, POLICY, *COUNTERS, NONNEG)},
    'reset_holding': {'reset_holding': ListOf(ENTITY, RESOURCE, KEY, *COUNTERS)},
    'release_holding': {'release_holding': ListOf(ENTITY, RESOURCE, KEY)},
    'list_resources': {'entity': ENTITY, 'key': KEY},
    'list_holdings': {'list_holdings': ListOf(ENTITY, KEY)},
    'get_quota': {'get_quota': ListOf(ENTITY, RESOURCE, KEY)},
    'set_quota': {'set_quota': ListOf(ENTITY, RESOURCE, KEY, *QUOTA4, NONNEG)},
    'add_quota': {'clientkey': optional(CLIENTKEY), 'serial': optional(POSITIVE),
                  'sub_quota': ListOf(ENTITY, RESOURCE, KEY, *DELTAS),
                  'add_quota': ListOf(ENTITY, RESOURCE, KEY, *DELTAS)},
    'query_serials': {'clientkey': optional(CLIENTKEY), 'serials': ListOf(POSITIVE)},
    'ack_serials': {'clientkey': optional(CLIENTKEY), 'serials': ListOf(POSITIVE)},
    'issue_commission': {'target': ENTITY, 'key': KEY, 'clientkey': CLIENTKEY,
                         'name': optional(text, ''), 'provisions': ListOf(ENTITY, RESOURCE, INT)},
    'accept_commission': {'clientkey': CLIENTKEY, 'serials': ListOf(POSITIVE),
                          'reason': optional(text, 'ACCEPT')},
    'reject_commission': {'clientkey': CLIENTKEY, 'serials': ListOf(POSITIVE),
                          'reason': optional(text, 'REJECT')},
    'get_pending_commissions': {'clientkey': CLIENTKEY},
    'resolve_pending_commissions': {'clientkey': CLIENTKEY, 'max_serial': POSITIVE,
                                    'accept_set': ListOf(POSITIVE)},
    'release_entity': {'release_entity': ListOf(ENTITY, KEY, nonempty=True)},
}


def canonify_input(call, data):
    """The checked arguments of CALL (unknown arguments are dropped); InvalidDataError on bad input."""
    if call.startswith('_') or call not in CALLS:
        raise InvalidDataError("Invalid call '%s'" % call if call.startswith('_')
                               else "cannot find call '%s'" % call)
    data = data or {}
    if not isinstance(data, dict):
        raise InvalidDataError("Invalid input to call '%s'" % call, 'not a dict')
    try:
        return {arg: check(data.get(arg)) for arg, check in CALLS[call].items()}
    except CanonifyError as e:
        raise InvalidDataError("Invalid input to call '%s'" % call, str(e))


def connection(url, timeout=30):
    parsed = urlparse(url)
    if parsed.scheme == 'https':
        # Python 2.7 of the Synnefo 0.13 era did not verify certificates (the front ends use snakeoil ones).
        return http.client.HTTPSConnection(parsed.netloc, timeout=timeout,
                                           context=ssl._create_unverified_context())
    return http.client.HTTPConnection(parsed.netloc, timeout=timeout)


class QuotaholderClient:
    def __init__(self, base_url, token='', poolsize=1000):
        self.url, self.token = base_url, token
        path = urlparse(base_url).path
        self.basepath = path if path.endswith('/') else path + '/'

    def call(self, call_name, **data):
        method = 'GET' if call_name.startswith(('list', 'get', 'read')) else 'POST'
        conn = connection(self.url)
        try:
            conn.request(method, self.basepath + call_name, body=json.dumps(data),
                         headers={'X-Auth-Token': self.token or '', 'Content-Type': 'application/json'})
            response = conn.getresponse()
            status, body = response.status, response.read().decode('utf-8', 'replace')
        finally:
            conn.close()
        if status == 200:
            return json.loads(body)
        try:
            error = json.loads(body)
        except ValueError:
            raise CallError(body, call_error='ValueError')
        raise CallError.from_dict(error)

    def __getattr__(self, call_name):
        if call_name not in CALLS:
            raise AttributeError(call_name)
        return lambda **data: self.call(call_name, **data)
