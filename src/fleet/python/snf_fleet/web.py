"""The Synnefo web project on the fleet: the installed apps' URLs as one WSGI application, and the HTTP server
the fake gunicorn runs it in (test fleet, our own code).

Each installed app may ship snf_fleet/<app>/urls.py with ROUTES = [(regex, handler)]: regexes match the whole
path after the leading '/' (as Django's urlpatterns, e.g. r'^quotaholder/v/(?P<call>[_A-Za-z0-9]*)$'), named
groups are passed to the handler as keyword arguments; handler(request, **groups) -> (status, headers, body).
An app may also ship REQUIRED_SETTINGS = (names...) in urls.py: the application refuses to load without them.
No route -> 404; an exception -> 500 with the traceback in the log, as Django with DEBUG = False.
"""
import json
import logging
import re
import socketserver

import traceback
from http import HTTPStatus
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from snf_fleet import settings as settings_loader

log = logging.getLogger('gunicorn')


class ImproperlyConfigured(Exception):
    pass


class Request:
    def __init__(self, environ, settings):
        self.environ, self.settings = environ, settings
        self.method = environ['REQUEST_METHOD']
        self.path = environ.get('PATH_INFO', '/')
        self.query = {k: v[-1] for k, v in parse_qs(environ.get('QUERY_STRING', '')).items()}
        self.body = read_body(environ)
        self.remote_addr = environ.get('REMOTE_ADDR', '')

    def header(self, name):
        return self.environ.get('HTTP_' + name.upper().replace('-', '_'))

    def json(self):
        return json.loads(self.body.decode('utf-8'))


def read_body(environ):
    """The request body: Content-Length bytes, or the chunks of a chunked body (gunicorn reads both; Apache's
    front end sends chunked bodies with proxy-sendchunked)."""
    stream = environ['wsgi.input']
    if 'chunked' in environ.get('HTTP_TRANSFER_ENCODING', '').lower():
        chunks = []
        while True:
            size = int(stream.readline().split(b';')[0].strip() or b'0', 16)
            if size == 0:
                while stream.readline() not in (b'\r\n', b'\n', b''):
                    pass  # trailers
                return b''.join(chunks)
            chunks.append(stream.read(size))
            stream.readline()
    length = int(environ.get('CONTENT_LENGTH') or 0)
    return stream.read(length) if length > 0 else b''


def response(status, body='', content_type='text/plain; charset=utf-8', headers=()):
    if isinstance(body, str):
        body = body.encode('utf-8')
    return status, [('Content-Type', content_type), ('Content-Length', str(len(body)))] + list(headers), body


def json_response(status, data):
    return response(status, json.dumps(data), 'application/json; charset=UTF-8')


class Application:
    """The WSGI application: loads the settings and every installed app's routes once, at start."""

    def __init__(self):
        self.settings = settings_loader.load()
        self.routes = []
        for app, urls in settings_loader.app_modules('urls'):
            missing = [n for n in getattr(urls, 'REQUIRED_SETTINGS', ()) if not hasattr(self.settings, n)]
            if missing:
                raise ImproperlyConfigured('%s: missing settings: %s' % (app, ', '.join(missing)))
            self.routes += [(re.compile(regex), handler) for regex, handler in urls.ROUTES]

    def handle(self, request):
        path = request.path.lstrip('/')
        for regex, handler in self.routes:
            match = regex.search(path)
            if match:
                return handler(request, **match.groupdict())
        return response(404, '<h1>Not Found</h1><p>The requested URL /%s was not found on this server.</p>'
                        % path, 'text/html; charset=utf-8')

    def __call__(self, environ, start_response):
        try:
            status, headers, body = self.handle(Request(environ, self.settings))
        except Exception:
            log.error('Internal Server Error: %s\n%s', environ.get('PATH_INFO'), traceback.format_exc())
            status, headers, body = response(500, '<h1>Server Error (500)</h1>', 'text/html; charset=utf-8')
        start_response('%d %s' % (status, phrase(status)), headers)
        return [body]


def phrase(status):
    if status == 450:
        return 'Call Error'
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return 'Unknown'


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class LoggingHandler(WSGIRequestHandler):
    def log_message(self, fmt, *args):
        log.debug('%s - %s', self.address_string(), fmt % args)


def serve(app, host, port):
    server = make_server(host, port, app, server_class=ThreadingWSGIServer, handler_class=LoggingHandler)
    return server
