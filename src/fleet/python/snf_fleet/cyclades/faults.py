"""The Cyclades API's faults, rendered as {"<camelCaseName>": {"code", "message", "details"}} with the fault's
status (12:/13:C/api/faults.py, 12:C/api/util.py:339-354)."""
import json


class Fault(Exception):
    code = 500

    def __init__(self, message='', details=''):
        super().__init__(message, details)
        self.message, self.details = message, details
        self.name = type(self).__name__[0].lower() + type(self).__name__[1:]

    def render(self):
        body = json.dumps({self.name: {'code': self.code, 'message': self.message, 'details': self.details}})
        return self.code, [('Content-Type', 'application/json; charset=utf-8')], body.encode()


class BadRequest(Fault):
    code = 400


class Unauthorized(Fault):
    code = 401


class Forbidden(Fault):
    code = 403


class ItemNotFound(Fault):
    code = 404


class OverLimit(Fault):
    code = 413


class ServiceUnavailable(Fault):
    code = 503
