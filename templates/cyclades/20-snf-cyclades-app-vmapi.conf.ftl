<#include "/lib/python.ftl">
# Managed by reconcile (templates/cyclades/20-snf-cyclades-app-vmapi.conf.ftl): local edits are undone.
## VMAPI: sensitive VM parameters (e.g. passwords) handed to snf-image through a cache, not Ganeti

# Django cache backend of the VMAPI (memcached on every Cyclades worker)
VMAPI_CACHE_BACKEND = "memcached://127.0.0.1:11211/?timeout=3600"

# Base URL of Cyclades, exactly as the VMs reach it (no redirects)
VMAPI_BASE_URL = "${cyclades_url}"
