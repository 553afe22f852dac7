"""The quota re-verify of many users: section `quota` of bench/run (read docs/benchmarks.md).

On a faithful 0.13 fleet (astakos, cyclades, pithos, ganeti hosts, as in the `bundle` section) seeded with
--quota-users users (fleet-seed-db) and converged by the bundle: `reconcile --check --tags quota` next to
psql running the same SQL on the database host. The statements are the ones reconcile sent, captured from
PostgreSQL's log of an unmeasured run (bench/bundle.py's capture); psql replays them over one plain ssh
to the database host and times itself there, so the table gives both the whole command and psql alone.
"""
import re

import bundle

FLAGS = ("--check", "--tags", "quota")
HOSTS = 5
ELAPSED = re.compile(r"^psql-ms (\d+)$", re.M)


def psql_command(fleet, into):
    """One ssh to the database host running the captured replay with psql, printing psql's own time."""
    host = (into / "dbhost").read_text().strip()
    psql = (into / "psql").read_text().strip()
    remote = (f"s=$(date +%s%N); {psql} >/dev/null; r=$?; e=$(date +%s%N); "
              f"echo \"psql-ms $(( (e - s) / 1000000 ))\"; exit $r")
    return ["bash", "-c", 'exec ssh "$@" <"$0"', into / "replay.sql", "-q", "-o", "BatchMode=yes", "-o",
            "ControlMaster=no", "-o", "ControlPath=none", "-o", "StrictHostKeyChecking=yes", "-o",
            f"UserKnownHostsFile={fleet.known_hosts}", "-o", "KexAlgorithms=curve25519-sha256", "-i", str(fleet.key),
            "-p", str(fleet.hosts[host]["port"]), "root@127.0.0.1", remote]


def psql_seconds(h, result, what):
    h.require_status(result, 0, what)
    found = ELAPSED.findall(result["output"])
    if len(found) != 1:
        raise h.BenchError(f"{what}: psql printed no time\n{result['output'][-2000:]}")
    return int(found[0]) / 1000


def bench_quota(h, args, results):
    users = args.quota_users
    logs = h.OUT / "logs" / f"quota-{users}"
    logs.mkdir(parents=True, exist_ok=True)
    fleet = bundle.BundleFleet(h, "perf-quota", "0.13", HOSTS, users)
    try:
        fleet.up()
        converge_runs = bundle.converge(h, fleet, logs / "converge")
        into = logs / "capture"
        captured = bundle.capture(h, fleet, FLAGS, into)
        if not captured["sessions"]:
            raise h.BenchError("the quota check sent no SQL")
        psql_seconds(h, h.timed(psql_command(fleet, into), log_file=logs / "psql-verify.log"), "psql replay")
        tools = {"reconcile": lambda i: h.timed(fleet.reconcile(*FLAGS), env=h.RECONCILE_ENV,
                                                 log_file=logs / f"reconcile-{i}.log"),
                 "psql": lambda i: h.timed(psql_command(fleet, into), log_file=logs / f"psql-{i}.log")}

        def verify(name, result, i):
            if name == "psql":
                return {"on_host": psql_seconds(h, result, f"psql run {i}")}
            h.require_status(result, 0, f"reconcile run {i}")
            return {}

        runs = bundle.alternate(h, args, tools, f"quota {users}", verify)
        entry = {name: h.stats(rs) for name, rs in runs.items()}
        entry["psql"]["on_host"] = h.summary([r["on_host"] for r in runs["psql"]])
        entry.update(captured=captured, hosts=HOSTS, users=users, converge_runs=converge_runs)
        results.setdefault("quota", {})[str(users)] = entry
        h.save(results)
    finally:
        if not args.keep:
            fleet.down()


TARGET = 1.5


def render_quota(h, results):
    rows = ["| users | reconcile s | psql s (one ssh, psql on the database host) | psql alone s | reconcile / psql "
            "| target | reconcile CPU s | statements (server ms) | load; CPUs busy |",
            "|---:|---:|---:|---:|---:|---|---:|---:|---|"]
    verdicts = []
    for users, entry in sorted(results.get("quota", {}).items(), key=lambda kv: int(kv[0])):
        rec, psql = entry["reconcile"], entry["psql"]
        ratio = rec["wall"]["median"] / psql["wall"]["median"]
        met = ratio <= TARGET
        verdicts.append(met)
        captured = entry["captured"]
        rows.append(f"| {users} | {h.span(rec['wall'])} | {h.span(psql['wall'])} | {h.span(psql['on_host'])} "
                    f"| {ratio:.2f} | <= {TARGET}: {'met' if met else 'NOT met'} | {h.fmt(rec['cpu']['median'])} "
                    f"| {captured['statements']} ({captured['sql_server_seconds'] * 1000:.0f}) "
                    f"| {h.conditions(rec, psql)} |")
    return "\n".join(rows), verdicts
