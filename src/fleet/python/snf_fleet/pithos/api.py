"""The Pithos API calls the cloud-works probe makes: PUT of a container and of an object under
/v1/<account>/<container>[/<object>] (12:P/urls.py, 12:P/functions.py:348-386,775-915,
13:P/functions.py:1062-1075). Faults are text: message, newline (12:P/util.py render_fault)."""
import hashlib
import logging
import re

from snf_fleet.lib import astakos
from snf_fleet.lib.faults import BadRequest, Fault, Forbidden, ItemNotFound, LengthRequired, RequestEntityTooLarge, \
    Unauthorized, UnprocessableEntity
from snf_fleet.lib.versions import series
from snf_fleet.pithos import config
from snf_fleet.pithos_backend.backend import ContainerExists, ItemNotExists, NotAllowedError, QuotaError

log = logging.getLogger('pithos.api')
_OBJECT = re.compile(r'^/v1(?:\.0)?/(?P<account>.+?)/(?P<container>.+?)/(?P<object>.+?)$')
_CONTAINER = re.compile(r'^/v1(?:\.0)?/(?P<account>.+?)/(?P<container>.+?)/?$')


def _text(status, message, headers=()):
    return status, [('Content-Type', 'text/plain; charset=UTF-8'), *headers], (message + '\n').encode()


def handle(request, **_groups):
    """api_method: authenticate, then run the call on a backend (12:P/util.py:885-933, 13:P/util.py:1079-1136)."""
    backend = None
    old = series('pithos_app') == '0.12'
    try:
        pithos = config.load(request.settings)
        astakos.get_user(request, pithos.AUTHENTICATION_URL, pithos.AUTHENTICATION_USERS)
        if request.user is None:
            raise Unauthorized('Access denied')
        user = request.user_uniq
        match = _OBJECT.match(request.path) or _CONTAINER.match(request.path)
        if not match or request.method != 'PUT':
            raise BadRequest('Method not allowed.')
        parts = match.groupdict()
        if len(parts['container']) > 256:
            raise BadRequest('Container name too large.')
        if len(parts.get('object') or '') > 1024:
            raise BadRequest('Object name too large.')
        backend = config.backend(pithos)
        if parts.get('object'):
            return object_write(request, backend, user, parts, old)
        return container_create(backend, user, parts)
    except Fault as fault:
        if fault.code >= 500:
            log.exception('API Fault')
        return _text(fault.code, fault.message)
    except BaseException as e:
        log.exception('Unexpected error: %s', e)
        return _text(500, 'Unexpected error: %s' % e if old else 'Unexpected error')
    finally:
        if backend is not None:
            backend.close()


def container_create(backend, user, parts):
    try:
        backend.transaction(backend.put_container, user, parts['account'], parts['container'])
        return 201, [], b''
    except NotAllowedError:
        raise Forbidden('Not allowed')
    except ContainerExists:
        return 202, [], b''


def _meta(request, name):
    """A request header; WSGI carries Content-Type and Content-Length without the HTTP_ prefix."""
    if name in ('Content-Type', 'Content-Length'):
        return request.environ.get(name.upper().replace('-', '_')) or None
    return request.header(name)


def object_write(request, backend, user, parts, old):
    content_type = _meta(request, 'Content-Type')
    length = _meta(request, 'Content-Length')
    if _meta(request, 'Transfer-Encoding') != 'chunked' and (length is None or not length.isdigit()):
        raise LengthRequired('Missing or invalid Content-Length header')
    if content_type is None:
        raise LengthRequired('Missing Content-Type header')
    data = request.body
    checksum = hashlib.md5(data).hexdigest().lower()
    etag = _meta(request, 'ETag')
    if etag and etag.strip('"').lower() != checksum:
        raise UnprocessableEntity('Object ETag does not match')
    try:
        serial = backend.transaction(backend.update_object, user, parts['account'], parts['container'],
                                     parts['object'], data, content_type, checksum)
    except NotAllowedError:
        raise Forbidden('Not allowed')
    except ItemNotExists:
        raise ItemNotFound('Container does not exist')
    except QuotaError as e:
        raise RequestEntityTooLarge('Quota exceeded' if old else 'Quota error: %s' % e)
    return 201, [('ETag', checksum), ('X-Object-Version', str(serial))], b''
