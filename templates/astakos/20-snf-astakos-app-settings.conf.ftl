<#include "/lib/python.ftl">
# Managed by reconcile (templates/astakos/20-snf-astakos-app-settings.conf.ftl): local edits are undone.

# Set the expiration time of newly created auth tokens
# to be this many hours after their creation time.
#ASTAKOS_AUTH_TOKEN_DURATION = 30 * 24

# Django settings used by astakos to send emails (they replace
# ASTAKOS_DEFAULT_FROM_EMAIL and ASTAKOS_DEFAULT_ADMIN_EMAIL of 0.12)
SERVER_EMAIL = ${py(server_email)}
ADMINS = (
<#list admins?split(",") as admin>
<#assign entry = admin?trim>
<#if !entry?contains("<") || !entry?ends_with(">")><#stop "admins: expected 'Name <email>, ...', got '" + entry + "'"></#if>
    (${py(entry?keep_before("<")?trim)}, ${py(entry?keep_after("<")?keep_before(">"))}),
</#list>
)

# If False the email change mechanism is disabled
ASTAKOS_EMAILCHANGE_ENABLED = True

# The quotaholder (snf-quotaholder-app, installed with astakos) and astakos' client of it.
# All services use the same quotaholder URL and token.
QUOTAHOLDER_URL = ${py(quotaholder_url)}
QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}
ASTAKOS_QUOTAHOLDER_URL = ${py(quotaholder_url)}
ASTAKOS_QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}

# The cloud services and their resources, loaded into astakos (im_service, im_resource).
ASTAKOS_SERVICES = {
    'cyclades': {
        'resources': [{
            'name': 'disk',
            'group': 'compute',
            'uplimit': ${cyclades_disk_uplimit!"32212254720"},
            'unit': 'bytes',
            'desc': 'Virtual machine disk size'
            }, {
            'name': 'cpu',
            'group': 'compute',
            'uplimit': ${cyclades_cpu_uplimit!"6"},
            'desc': 'Number of virtual machine processors'
            }, {
            'name': 'ram',
            'group': 'compute',
            'uplimit': ${cyclades_ram_uplimit!"6442450944"},
            'unit': 'bytes',
            'desc': 'Virtual machines'
            }, {
            'name': 'vm',
            'group': 'compute',
            'uplimit': ${cyclades_vm_uplimit!"2"},
            'desc': 'Number of virtual machines'
            }, {
            'name': 'network.private',
            'group': 'network',
            'uplimit': ${cyclades_network_private_uplimit!"1"},
            'desc': 'Private networks'
            }
        ]
    },
    'pithos+': {
        'resources': [{
            'name': 'diskspace',
            'group': 'storage',
            'uplimit': ${pithos_diskspace_uplimit!"5368709120"},
            'unit': 'bytes',
            'desc': 'Pithos account diskspace'
            }]
    }
}

# Enforce token renewal on password change/reset
#ASTAKOS_NEWPASSWD_INVALIDATE_TOKEN = True
