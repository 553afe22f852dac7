"""snf-cyclades-app on the fleet: the Cyclades API calls of the cloud-works probe (create a server, create a
private network) with each release's quota rules, and the 0.13 management commands (our own code, written
from docs/synnefo-facts.md). No Ganeti: rows are written as the real code writes them before it sends the
Ganeti job (docs/testing.md, "Fidelity")."""
