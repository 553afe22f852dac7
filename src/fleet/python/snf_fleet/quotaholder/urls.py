"""The quotaholder over HTTP: <base>/quotaholder/v/<call> (test fleet, our own code).

13:snf-quotaholder-app/quotaholder_django/quotaholder_app/views.py:55-88 and urls.py:48, mounted at ^quotaholder/
(13:snf-quotaholder-app/setup.py:87-91): X-Auth-Token must equal QUOTAHOLDER_TOKEN or the answer is 403
"invalid token" (a host without that setting answers 500 to every call: the real view's AttributeError); the
body is the call's JSON arguments (for GET too, or ?body=); 200 + JSON result; a CallError -> 450 + its JSON;
any other error -> 500 + a CallError JSON of it; a version other than 'v' -> 404.
"""
import json
import traceback

from snf_fleet import db
from snf_fleet.lib.commissioning import CallError, InvalidDataError
from snf_fleet.quotaholder.callpoint import Callpoint
from snf_fleet.web import json_response, response


def view(request, version, call):
    if version != 'v':
        return response(404)
    if request.header('X-Auth-Token') != request.settings.QUOTAHOLDER_TOKEN:
        return response(403, 'invalid token')
    body = request.body.decode('utf-8') if request.body else request.query.get('body')
    try:
        try:
            data = json.loads(body) if body else None
        except ValueError as e:
            raise InvalidDataError('Cannot load json data', str(e))
        conn = db.connect(request.settings)
        try:
            return json_response(200, Callpoint(conn).make_call(call, data))
        finally:
            conn.close()
    except CallError as e:
        return json_response(450, e.to_dict())
    except Exception as e:
        e.args += (traceback.format_exc(),)
        return json_response(500, CallError.from_exception(e).to_dict())


ROUTES = [(r'^quotaholder/(?P<version>[^/]*)/(?P<call>[_A-Za-z0-9]*)', view)]
