<#if !astakos_clients?matches("[0-9A-Fa-f.:/]+( +[0-9A-Fa-f.:/]+)*")><#stop "astakos_clients: expected IP addresses or networks separated by spaces (e.g. 10.0.0.20 10.0.0.30/32), got '" + astakos_clients + "'"></#if>
# Managed by reconcile (templates/astakos/reconcile-astakos-closed.conf.ftl). Guide section 4: "prevent
# public access to astakos during migrations". Until the upgrade's finish phase removes this file, the
# front end answers only this host and the service hosts (inventory variable astakos_clients), which reach
# Astakos' user catalog and quotaholder while Cyclades and Pithos migrate.
<Location />
    Require ip 127.0.0.1 ::1 ${astakos_clients}
</Location>
