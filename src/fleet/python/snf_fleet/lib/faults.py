"""The API faults of Cyclades and Pithos: an exception with an HTTP status, a message and (Cyclades) details
(12:/13:C/api/faults.py, 12:/13:P/api/faults.py: the same classes and codes in both apps, each app
renders them its own way)."""


class Fault(Exception):
    code = 500

    def __init__(self, message='', details=''):
        super().__init__(message, details)
        self.message, self.details = message, details


class BadRequest(Fault):
    code = 400


class Unauthorized(Fault):
    code = 401


class Forbidden(Fault):
    code = 403


class ItemNotFound(Fault):
    code = 404


class LengthRequired(Fault):
    code = 411


class OverLimit(Fault):
    code = 413


class RequestEntityTooLarge(Fault):
    code = 413


class UnprocessableEntity(Fault):
    code = 422


class InternalServerError(Fault):
    code = 500


class ServiceUnavailable(Fault):
    code = 503
