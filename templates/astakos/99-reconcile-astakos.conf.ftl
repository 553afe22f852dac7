<#include "/lib/python.ftl">
# Managed by reconcile (templates/astakos/99-reconcile-astakos.conf.ftl): the Synnefo 0.13 settings the
# upgrade sets (guide sections 3.3, 3.4, 5). snf-common loads this file after the packages' files, so these
# values win; every other setting stays in the files the operator keeps.

# Django's ADMINS replaces ASTAKOS_DEFAULT_ADMIN_EMAIL (SERVER_EMAIL is ASTAKOS_DEFAULT_FROM_EMAIL renamed
# in place, value kept).
ADMINS = (
<#list admins?split(",") as admin>
<#assign entry = admin?trim>
<#if !entry?contains("<") || !entry?ends_with(">")><#stop "admins: expected 'Name <email>, ...', got '" + entry + "'"></#if>
    (${py(entry?keep_before("<")?trim)}, ${py(entry?keep_after("<")?keep_before(">"))}),
</#list>
)

# Users may change their contact email.
ASTAKOS_EMAILCHANGE_ENABLED = True

# The quotaholder (snf-quotaholder-app, in Astakos' gunicorn) checks QUOTAHOLDER_TOKEN; Astakos is its
# client through ASTAKOS_QUOTAHOLDER_URL/TOKEN. (The guide's plain QUOTAHOLDER_URL is read by nothing.)
QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}
ASTAKOS_QUOTAHOLDER_URL = ${py(quotaholder_url)}
ASTAKOS_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}

# The cloud services and their resources with their default limits, as astakos-init --load-service-resources
# would load them. The bundle registers them itself (services-registered in states/60-quotas.yml, the values
# it enforces): these must be the same, so that a later astakos-init changes nothing (BundleSettingsTest).
# The three resources 0.12.5 limited keep its defaults, so no user's quota shrinks: cyclades.vm 3
# (MAX_VMS_PER_USER), cyclades.network.private 5 (MAX_NETWORKS_PER_USER), pithos+.diskspace 50 GiB
# (PITHOS_BACKEND_QUOTA). cpu, ram and disk are new in 0.13: 0.12.5 limited only the number of VMs, each of any
# flavor, so they are MAX_VMS_PER_USER times the largest flavor (the guide's note: too large to be reached).
ASTAKOS_SERVICES = {
    'cyclades': {
        'resources': [{
            'name': 'disk',
            'group': 'compute',
            'uplimit': 3*40*1024*1024*1024,
            'unit': 'bytes',
            'desc': 'Virtual machine disk size'
            }, {
            'name': 'cpu',
            'group': 'compute',
            'uplimit': 3*4,
            'desc': 'Number of virtual machine processors'
            }, {
            'name': 'ram',
            'group': 'compute',
            'uplimit': 3*4*1024*1024*1024,
            'unit': 'bytes',
            'desc': 'Virtual machines'
            }, {
            'name': 'vm',
            'group': 'compute',
            'uplimit': 3,
            'desc': 'Number of virtual machines'
            }, {
            'name': 'network.private',
            'group': 'network',
            'uplimit': 5,
            'desc': 'Private networks'
            }
        ]
    },
    'pithos+': {
        'resources': [{
            'name': 'diskspace',
            'group': 'storage',
            'uplimit': 50*1024*1024*1024,
            'unit': 'bytes',
            'desc': 'Pithos account diskspace'
            }]
    }
}
