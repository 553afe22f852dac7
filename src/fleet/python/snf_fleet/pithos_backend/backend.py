"""The Pithos modular backend, for what the upgrade and the cloud-works probe touch: accounts, containers,
object writes with the quota rules of each release, and the node/version/statistics bookkeeping
(12:B/modular.py, 13:B/modular.py, 12:BL/node.py). Account names are whatever the API hands over: the
user's email at 0.12.5, the uuid at 0.13."""
import time
import uuid as uuidlib

from . import schema
from .dbwrapper import DBWrapper
from .store import BLOCK_SIZE, Store, map_hash

ROOTNODE = schema.ROOTNODE
CLUSTER_NORMAL, CLUSTER_HISTORY, CLUSTER_DELETED = range(3)
DEFAULT_QUOTA = 0  # no quota (12:B/base.py:35)
DEFAULT_VERSIONING = 'auto'


class NotAllowedError(Exception):
    pass


class QuotaError(Exception):
    pass


class ItemNotExists(NameError):
    pass


class ContainerExists(NameError):
    pass


class Backend:
    """One backend per request (the real one comes from a pool); call close() at the end."""

    def __init__(self, series, db_connection, block_path, block_umask=0o022, quotaholder=None):
        self.series = series
        self.db = DBWrapper(db_connection)
        schema.ensure_tables(self.db, series)
        self.db.commit()
        self.store = Store(block_path, block_umask)
        self.default_policy = {'quota': DEFAULT_QUOTA, 'versioning': DEFAULT_VERSIONING}
        self.quotaholder = quotaholder  # a QuotaholderClient at 0.13 with PITHOS_USE_QUOTAHOLDER
        self.serials = []

    def close(self):
        self.db.close()

    def transaction(self, func, *args):
        """backend_method: one transaction; commissions accepted on success, rejected on failure
        (13:B/modular.py:103-137)."""
        self.serials = []
        try:
            result = func(*args)
            if self.serials:
                self.quotaholder.call('accept_commission', context={}, clientkey='pithos', serials=self.serials)
            self.db.commit()
            return result
        except BaseException:
            if self.serials:
                self.quotaholder.call('reject_commission', context={}, clientkey='pithos', serials=self.serials)
            self.db.rollback()
            raise

    # --- nodes, versions, statistics (12:BL/node.py) ---------------------------------------------

    def node_lookup(self, path):
        row = self.db.one('SELECT node FROM nodes WHERE path = %s', (path,))
        return row[0] if row else None

    def node_create(self, parent, path):
        return self.db.insert('INSERT INTO nodes (parent, path) VALUES (%s, %s)', (parent, path), 'node')

    def node_parent(self, node):
        row = self.db.one('SELECT parent FROM nodes WHERE node = %s', (node,))
        return row[0] if row else None

    def statistics_get(self, node, cluster=CLUSTER_NORMAL):
        row = self.db.one('SELECT population, size, mtime FROM statistics WHERE node = %s AND cluster = %s',
                          (node, cluster))
        return tuple(row) if row else (0, 0, 0)

    def statistics_update(self, node, population, size, mtime, cluster):
        pre_population, pre_size, _ = self.statistics_get(node, cluster)
        updated = self.db.execute('UPDATE statistics SET population = %s, size = %s, mtime = %s'
                                  ' WHERE node = %s AND cluster = %s',
                                  (pre_population + population, pre_size + size, mtime, node, cluster))
        if updated.rowcount == 0:
            self.db.execute('INSERT INTO statistics (node, population, size, mtime, cluster)'
                            ' VALUES (%s, %s, %s, %s, %s)', (node, population, size, mtime, cluster))

    def statistics_update_ancestors(self, node, population, size, mtime, cluster):
        """The parent's statistics and every ancestor's up to the root; population is not recursive."""
        while node != ROOTNODE:
            parent = self.node_parent(node)
            if parent is None:
                break
            self.statistics_update(parent, population, size, mtime, cluster)
            node = parent
            population = 0

    def version_create(self, node, hash_, size, type_, source, muser, uuid, checksum, cluster=CLUSTER_NORMAL):
        mtime = time.time()
        serial = self.db.insert(
            'INSERT INTO versions (node, hash, size, type, source, mtime, muser, uuid, checksum, cluster)'
            ' VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
            (node, hash_, size, type_, source, mtime, muser, uuid, checksum, cluster), 'serial')
        self.statistics_update_ancestors(node, 1, size, mtime, cluster)
        self.db.execute('UPDATE nodes SET latest_version = %s WHERE node = %s', (serial, node))
        return serial

    def version_lookup(self, node, cluster=CLUSTER_NORMAL):
        """(serial, size, uuid) of the node's latest version in the cluster, or None."""
        return self.db.one('SELECT v.serial, v.size, v.uuid FROM versions v JOIN nodes n'
                           ' ON v.serial = n.latest_version WHERE n.node = %s AND v.cluster = %s', (node, cluster))

    def version_recluster(self, serial, cluster):
        node, size, old = self.db.one('SELECT node, size, cluster FROM versions WHERE serial = %s', (serial,))
        if old == cluster:
            return
        mtime = time.time()
        self.statistics_update_ancestors(node, -1, -size, mtime, old)
        self.statistics_update_ancestors(node, 1, size, mtime, cluster)
        self.db.execute('UPDATE versions SET cluster = %s WHERE serial = %s', (cluster, serial))

    def policy_get(self, node):
        policy = dict(self.default_policy)
        policy.update(dict(self.db.all('SELECT key, value FROM policy WHERE node = %s', (node,))))
        return policy

    def policy_set(self, node, policy):
        for key, value in policy.items():
            if self.db.execute('UPDATE policy SET value = %s WHERE node = %s AND key = %s',
                               (str(value), node, key)).rowcount == 0:
                self.db.execute('INSERT INTO policy (node, key, value) VALUES (%s, %s, %s)', (node, key, str(value)))

    # --- paths (13:B/modular.py:1140-1190) ------------------------------------------------------

    def _put_path(self, user, parent, path):
        node = self.node_create(parent, path)
        self.version_create(node, None, 0, '', None, user, str(uuidlib.uuid4()), '', CLUSTER_NORMAL)
        return node

    def lookup_account(self, account, create=True):
        node = self.node_lookup(account)
        if node is None and create:
            node = self._put_path(account, ROOTNODE, account)  # user is account
        return node

    def lookup_container(self, account, container):
        node = self.node_lookup('/'.join((account, container)))
        if node is None:
            raise ItemNotExists('Container does not exist')
        return node

    # --- operations --------------------------------------------------------------------------------

    def put_container(self, user, account, container):
        """A new container gets the default policy written out (12:B/modular.py:427-443)."""
        if user != account:
            raise NotAllowedError
        if self.node_lookup('/'.join((account, container))) is not None:
            raise ContainerExists('Container already exists')
        node = self._put_path(user, self.lookup_account(account, True), '/'.join((account, container)))
        self.policy_set(node, self.default_policy)

    def put_blocks(self, data):
        chunks = [data[i:i + BLOCK_SIZE] for i in range(0, len(data), BLOCK_SIZE)] or [b'']
        return [self.store.block_put(chunk) for chunk in chunks]

    def update_object(self, user, account, container, name, data, content_type, checksum):
        """update_object_hashmap for uploaded bytes; returns the new version's serial."""
        hashes = self.put_blocks(data)
        digest = map_hash(hashes)
        serial = self._update_object_hash(user, account, container, name, len(data), content_type,
                                          digest.hex(), checksum)
        self.store.map_put(digest, hashes)
        return serial

    def copy_version(self, user, src_serial, account, container, name, size, type_, hash_, checksum):
        """copy_object: a new version at the destination with the source's content and a new uuid."""
        return self._update_object_hash(user, account, container, name, size, type_, hash_, checksum,
                                        source=src_serial)

    def _update_object_hash(self, user, account, container, name, size, type_, hash_, checksum, source=None):
        if user != account:
            raise NotAllowedError  # sharing with write permission is not modelled (docs/testing.md)
        account_node = self.lookup_account(account, True)
        container_node = self.lookup_container(account, container)
        path = '/'.join((account, container, name))
        node = self.node_lookup(path)
        if node is None:
            node = self.node_create(container_node, path)
        previous = self.version_lookup(node)
        object_uuid = previous[2] if previous and source is None else str(uuidlib.uuid4())
        if previous:
            self.version_recluster(previous[0], CLUSTER_HISTORY)
        if source is None and previous:
            source = previous[0]
        serial = self.version_create(node, hash_, size, type_, source, user, object_uuid, checksum)
        del_size = self._apply_versioning(container_node, previous[0] if previous else None)
        size_delta = size - del_size
        self._check_quota(account_node, container_node, size_delta)
        self._report_size_change(account, size_delta, path)
        return serial

    def _apply_versioning(self, container_node, previous_serial):
        """With versioning 'none' the previous version is removed and its size given back."""
        if previous_serial is None or self.policy_get(container_node)['versioning'] == 'auto':
            return 0
        node, size, cluster = self.db.one('SELECT node, size, cluster FROM versions WHERE serial = %s',
                                          (previous_serial,))
        self.statistics_update_ancestors(node, -1, -size, time.time(), cluster)
        self.db.execute('DELETE FROM versions WHERE serial = %s', (previous_serial,))
        return size

    def _check_quota(self, account_node, container_node, size_delta):
        """0.12.5: account and container policy quotas, 0 = unlimited (12:B/modular.py:735-742). 0.13: the
        account quota only without the quotaholder, messages with limit and usage (13:B/modular.py:877-896)."""
        account_quota = int(self.policy_get(account_node)['quota'])
        container_quota = int(self.policy_get(container_node)['quota'])
        account_usage = self.statistics_get(account_node)[1] + size_delta
        container_usage = self.statistics_get(container_node)[1] + size_delta
        if self.series == '0.12':
            if size_delta > 0 and ((0 < account_quota < account_usage) or (0 < container_quota < container_usage)):
                raise QuotaError()
            return
        if self.quotaholder is None and size_delta > 0 and 0 < account_quota < account_usage:
            raise QuotaError('account quota exceeded: limit: %s, usage: %s' % (account_quota, account_usage))
        if 0 < container_quota < container_usage:
            raise QuotaError('container quota exceeded: limit: %s, usage: %s' % (container_quota, container_usage))

    def _report_size_change(self, account, size, path):
        """0.13 with the quotaholder: a commission from 'pithos+' to the account; any failure is a
        QuotaError (13:B/modular.py:1317-1348)."""
        if self.quotaholder is None or size == 0:
            return
        try:
            serial = self.quotaholder.call('issue_commission', context={}, target=account, key='1',
                                           clientkey='pithos', ownerkey='', name=path,
                                           provisions=[['pithos+', 'pithos+.diskspace', size]])
        except BaseException as e:
            raise QuotaError(e)
        self.serials.append(serial)
