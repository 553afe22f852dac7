"""Cyclades' URLs on the fleet: the OpenStack Compute API v1.1 under ^api/ (12:C/api/urls.py)."""
from snf_fleet.cyclades import api

ROUTES = [
    (r'^api/v1\.1/servers(?:/|\.json)?$', api.create_server),
    (r'^api/v1\.1/networks(?:/|\.json)?$', api.create_network),
]
