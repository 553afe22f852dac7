"""snf-pithos-app on the fleet: the Pithos API calls the upgrade and the cloud-works probe need, and the
0.13 management commands (our own code, written from docs/synnefo-facts.md)."""
