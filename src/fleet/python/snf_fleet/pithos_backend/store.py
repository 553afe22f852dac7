"""The hashfiler block store under PITHOS_BACKEND_BLOCK_PATH: sha256 blocks of 4 MiB in blocks/, hashmaps
in maps/, both under <hex[0:2]>/<hex[2:4]>/<hex[4:6]>/<hex> (12:B/lib/hashfiler/store.py:44-58,
blocker.py:50-95). A path that cannot be created fails the backend's start, as the real Store does."""
import hashlib
import os

BLOCK_SIZE = 4 * 1024 * 1024


def block_hash(data):
    """A block's hash ignores trailing zero bytes (12:B/lib/hashfiler/blocker.py:97-101)."""
    return hashlib.sha256(data.rstrip(b'\x00')).digest()


def map_hash(hashes):
    """Merkle hash of a hashmap: pairs hashed up to one, padded with zero hashes (13:B/modular.py:62-75)."""
    if not hashes:
        return hashlib.sha256(b'').digest()
    if len(hashes) == 1:
        return hashes[0]
    level = list(hashes)
    size = 2
    while size < len(level):
        size *= 2
    level += [b'\x00' * len(level[0])] * (size - len(level))
    while len(level) > 1:
        level = [hashlib.sha256(level[i] + level[i + 1]).digest() for i in range(0, len(level), 2)]
    return level[0]


class Store:
    def __init__(self, path, umask=0o022):
        if umask is not None:
            os.umask(umask)
        if path and not os.path.exists(path):
            os.makedirs(path)
        if not os.path.isdir(path):
            raise RuntimeError("Cannot open path '%s'" % (path,))
        self.blocks = os.path.join(path, 'blocks')
        self.maps = os.path.join(path, 'maps')
        for directory in (self.blocks, self.maps):
            os.makedirs(directory, exist_ok=True)

    @staticmethod
    def _file(base, digest):
        name = digest.hex()
        directory = os.path.join(base, name[0:2], name[2:4], name[4:6])
        os.makedirs(directory, exist_ok=True)
        return os.path.join(directory, name)

    def block_put(self, data):
        digest = block_hash(data)
        path = self._file(self.blocks, digest)
        if not os.path.exists(path):
            with open(path, 'wb') as f:
                f.write(data)
        return digest

    def block_missing(self, hashes):
        return [h for h in hashes if not os.path.exists(self._file(self.blocks, h))]

    def map_put(self, digest, hashes):
        with open(self._file(self.maps, digest), 'wb') as f:
            f.write(b''.join(hashes))
