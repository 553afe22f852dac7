"""Pithos' URLs: /v1/<account>/<container>[/<object>] (12:P/urls.py; api_urlpatterns under ^v1 and ^v1.0)."""
from snf_fleet.pithos import api

ROUTES = [(r'^v1(?:\.0)?/', api.handle)]
