"""Call errors of Synnefo's commissioning protocol (the quotaholder's), our own code.

A CallError travels as {"call_error": <class name>, "error_args": [[args...], {kwargs}]} and is rebuilt on
the other side as the registered class of that name (13:snf-common/synnefo/lib/commissioning/exception.py:
41-127). ReturnButFail makes the callpoint roll the call back and still answer its data (callpoint.py:169).
"""


class CallError(Exception):
    exceptions = {}

    def __init__(self, *args, call_error=None, **kwargs):
        super().__init__(*args)
        self.call_error = call_error or type(self).__name__
        self.kwargs = kwargs

    def __str__(self):
        return '\n--------\n'.join(str(a) for a in self.args)

    def to_dict(self):
        return {'call_error': self.call_error,
                'error_args': [[str(a) for a in self.args], {str(k): str(v) for k, v in self.kwargs.items()}]}

    @classmethod
    def from_dict(cls, d):
        try:
            (args, kwargs), name = d['error_args'], d['call_error']
        except (TypeError, KeyError, ValueError):
            args, kwargs, name = [str(d)], {}, 'UnknownError'
        klass = CallError.exceptions.get(name, CallError)
        return klass(*args, call_error=name, **kwargs)

    @classmethod
    def from_exception(cls, e):
        return cls(*(e.args or (str(e),)), call_error=type(e).__name__)


def register(klass):
    CallError.exceptions[klass.__name__] = klass
    return klass


@register
class CorruptedError(CallError):
    pass


@register
class InvalidDataError(CallError):
    pass


@register
class CommissionException(CallError):
    pass


@register
class InvalidKeyError(CommissionException):
    pass


@register
class NoEntityError(CommissionException):
    pass


@register
class CommissionValueException(CommissionException):
    """Carries source, target, resource, requested, current, limit (quotaholder/api/exception.py:50-60)."""

    def __getattr__(self, name):
        if name in ('source', 'target', 'resource', 'requested', 'current', 'limit'):
            return self.kwargs[name]
        raise AttributeError(name)


@register
class NoQuantityError(CommissionValueException):
    pass


@register
class NoCapacityError(CommissionValueException):
    pass


@register
class ExportLimitError(CommissionValueException):
    pass


@register
class ImportLimitError(CommissionValueException):
    pass


@register
class DuplicateError(CommissionException):
    pass


class ReturnButFail(Exception):
    def __init__(self, data=None):
        super().__init__(data)
        self.data = data
