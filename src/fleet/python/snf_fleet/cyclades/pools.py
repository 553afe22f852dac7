"""Cyclades' persistent pools (db_ippooltable, db_macprefixpooltable, db_bridgepooltable): two bitmaps per
row, stored as base64 of big-endian bitarray bytes, a value free where both bits are 1; a row with an empty
available_map is initialised on first use, padding and invalid values reserved
(12:C/db/pools/__init__.py:9-231, 12:C/db/models.py:664-700)."""
import base64
import ipaddress

from snf_fleet import db


class EmptyPool(Exception):
    pass


class Bits:
    def __init__(self, size=0, value=True, data=None):
        if data is not None:
            self.bits = [bool(byte >> (7 - i) & 1) for byte in base64.b64decode(data) for i in range(8)]
        else:
            self.bits = [value] * size

    def encode(self):
        padded = self.bits + [False] * (-len(self.bits) % 8)
        raw = bytes(sum(bit << (7 - i) for i, bit in enumerate(padded[n:n + 8])) for n in range(0, len(padded), 8))
        return base64.b64encode(raw).decode()


class Pool:
    """One pool row, locked FOR UPDATE until the caller's transaction ends."""

    def __init__(self, conn, table, row_id, index_to_value, init=None):
        self.conn, self.table, self.id = conn, table, row_id
        self.index_to_value = index_to_value
        size, available, reserved = db.row(conn, 'SELECT size, available_map, reserved_map FROM %s WHERE id = %%s'
                                           ' FOR UPDATE' % table, (row_id,))
        if available:
            self.available, self.reserved = Bits(data=available), Bits(data=reserved)
        else:
            padding = -size % 8
            self.available, self.reserved = Bits(size + padding), Bits(size + padding)
            for i in range(padding):
                self.reserved.bits[size + padding - i - 1] = False
            if init:
                init(self)

    def free(self):
        return [a and r for a, r in zip(self.available.bits, self.reserved.bits)]

    def get(self):
        free = self.free()
        if not any(free):
            raise EmptyPool
        index = free.index(True)
        self.available.bits[index] = False
        return self.index_to_value(index)

    def reserve_external(self, index):
        self.reserved.bits[index] = False

    def save(self):
        db.execute(self.conn, 'UPDATE %s SET available_map = %%s, reserved_map = %%s WHERE id = %%s' % self.table,
                   (self.available.encode(), self.reserved.encode(), self.id))


def _first_row(conn, table):
    found = db.row(conn, 'SELECT id, base FROM %s ORDER BY id LIMIT 1 FOR UPDATE' % table)
    if found is None:
        raise EmptyPool  # PoolTable.get_pool: no row (12:C/db/models.py:679-684)
    return found


def mac_prefix_pool(conn):
    row_id, base = _first_row(conn, 'db_macprefixpooltable')
    base_int = int(base.replace(':', ''), 16)

    def to_value(index):
        digits = '%x' % (base_int + index)
        return ':'.join(digits[x:x + 2] for x in range(0, len(digits), 2))

    def init(pool):
        for i in range(1, len(pool.available.bits)):
            if not _valid_mac(to_value(i)):
                pool.reserve_external(i)
        pool.reserve_external(0)  # the first prefix is for public networks

    return Pool(conn, 'db_macprefixpooltable', row_id, to_value, init)


def _valid_mac(value):
    bits = bin(int(value.replace(':', ''), 16))[2:].zfill(8)
    return bits[6] == '1' and bits[7] == '0'


def bridge_pool(conn):
    row_id, base = _first_row(conn, 'db_bridgepooltable')
    return Pool(conn, 'db_bridgepooltable', row_id, lambda i: base + str(i + 1))


def network_ip_pool(conn, network_id):
    """The IP pool of a network, created on first use with the subnet's size; network address, gateway and
    broadcast reserved (12:C/db/models.py:543-549, pools/__init__.py:210-231)."""
    pool_id, subnet, gateway = db.row(conn, 'SELECT pool_id, subnet, gateway FROM db_network WHERE id = %s'
                                      ' FOR UPDATE', (network_id,))
    net = ipaddress.ip_network(subnet, strict=False)
    if pool_id is None:
        pool_id = db.row(conn, "INSERT INTO db_ippooltable (available_map, reserved_map, size, base, \"offset\")"
                               " VALUES ('', '', %s, NULL, NULL) RETURNING id", (net.num_addresses,))[0]
        db.execute(conn, 'UPDATE db_network SET pool_id = %s WHERE id = %s', (pool_id, network_id))

    def init(pool):
        pool.reserve_external(0)
        if gateway:
            pool.reserve_external(int(ipaddress.ip_address(gateway)) - int(net.network_address))
        pool.reserve_external(net.num_addresses - 1)

    return Pool(conn, 'db_ippooltable', pool_id, lambda i: str(net[i]), init)
