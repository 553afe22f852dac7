"""snf-manage astakos-init [--load-service-resources] (13:snf-astakos-app/astakos/im/management/commands/
astakos-init.py:50-60; 13:.../models.py:219-259 load_service_resources; 13:.../endpoints/qh.py:285-323).

For each service of ASTAKOS_SERVICES, sorted by name: get or create it by name (a new one takes 'url' and
'order', default a running counter; an existing one gets its url only when 'url' is given); its resources are
got or created by (service, name), else their desc, unit, group and uplimit updated ("Cannot create resource"
and a traceback, then the next, when one fails). Then over HTTP: the services' entities (register_services)
and a holding of 10**32 per resource (register_resources). Without ASTAKOS_QUOTAHOLDER_URL the real command
writes the rows and then dies with a TypeError (the client module was never imported): so does this one.
"""
import copy
import traceback
from optparse import make_option

from snf_fleet import db
from snf_fleet.astakos import qh
from snf_fleet.astakos.conf import setting
from snf_fleet.management import BaseCommand


class Command(BaseCommand):
    args = ''
    help = 'Register service resources'
    option_list = BaseCommand.option_list + (
        make_option('--load-service-resources', action='store_true', dest='load', default=False,
                    help='Load initial data for services and their resources on quotaholder'),
    )

    def handle(self, *args, **options):
        if not options['load']:
            return
        conn = db.connect(self.settings)
        try:
            services, resources = self.load(conn)
            conn.commit()
        finally:
            conn.close()
        client = qh.client(self.settings)
        if client is None:
            # register_services: len(create_entity(...)) of the missing client's None
            raise TypeError("object of type 'NoneType' has no len()")
        qh.register_services(client, services)
        qh.register_resources(client, resources)

    def load(self, conn):
        services, resources, counter = [], [], 0
        for name, data in sorted(copy.deepcopy(setting(self.settings, 'ASTAKOS_SERVICES')).items()):
            url, order = data.get('url'), data.get('order', counter)
            counter = order + 1
            found = db.row(conn, 'SELECT id FROM im_service WHERE name = %s', (name,))
            if found is None:
                service_id = db.row(conn, 'INSERT INTO im_service (name, url, icon, "order") VALUES '
                                          "(%s, %s, '', %s) RETURNING id", (name, url, order))[0]
            else:
                service_id = found[0]
                if url is not None:
                    db.execute(conn, 'UPDATE im_service SET url = %s WHERE id = %s', (url, service_id))
            services.append(name)
            for resource in data.get('resources') or ():
                resource_name = resource.pop('name', '')
                try:
                    with conn.cursor() as cur:
                        cur.execute('SAVEPOINT resource')
                    self.resource(conn, service_id, resource_name, resource)
                    resources.append((name, '%s.%s' % (name, resource_name)))
                except Exception:
                    db.execute(conn, 'ROLLBACK TO SAVEPOINT resource')
                    print('Cannot create resource ', resource_name)
                    traceback.print_exc()
        return services, resources

    def resource(self, conn, service_id, name, resource):
        found = db.row(conn, 'SELECT id FROM im_resource WHERE service_id = %s AND name = %s', (service_id, name))
        if found is None:
            db.execute(conn, 'INSERT INTO im_resource (name, service_id, "desc", unit, "group", uplimit) VALUES '
                             '(%s, %s, %s, %s, %s, %s)', (name, service_id, resource.get('desc'),
                                                          resource.get('unit'), resource.get('group'),
                                                          resource.get('uplimit', 0)))
        else:
            db.execute(conn, 'UPDATE im_resource SET "desc" = %s, unit = %s, "group" = %s, uplimit = %s '
                             'WHERE id = %s', (resource['desc'], resource.get('unit'), resource['group'],
                                               resource['uplimit'], found[0]))
