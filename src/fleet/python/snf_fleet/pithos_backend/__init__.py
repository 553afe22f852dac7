"""snf-pithos-backend on the fleet: the modular backend over PITHOS_BACKEND_DB_CONNECTION and
PITHOS_BACKEND_BLOCK_PATH, and pithos-migrate (our own code, written from docs/synnefo-facts.md)."""
