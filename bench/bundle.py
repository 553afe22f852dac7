"""The whole Synnefo bundle on the faithful fleet: section `bundle` of bench/run (read docs/benchmarks.md).

On fleets of astakos (Apache in front, PostgreSQL), cyclades, pithos and ganeti hosts at 0.12, with the
operator's values filled in as scripts/demo does:
  upgrade  `reconcile` of states/ from 0.12 to 0.13 (one fresh fleet per measured run): wall, CPU and
           the report's outage window
  check    `reconcile --check` of states/ on the upgraded fleet, and on a 0.13 fleet the bundle converged
  quota    `reconcile --check --tags quota` on both
next to the floor of each check (bench/bundle-floor): one plain ssh round trip per host, each running the
observation script reconcile sent that host, the database host's also running, with psql, every SQL
statement reconcile sent its databases. The scripts and statements are captured from an unmeasured run
(the hosts' bash records its -c string, PostgreSQL logs every statement with its parameters), and the
floor's replay must succeed before anything is measured.
"""
import json
import re
import shlex
import shutil
from pathlib import Path

FLOOR = Path(__file__).resolve().parent / "bundle-floor"
CAPTURED = "/tmp/bench-captured"
# Debian's bash runs ~/.bashrc for the commands sshd starts; this first line records each command line.
CAPTURE_HOOK = '[ -n "$BASH_EXECUTION_STRING" ] && printf "%s\\0" "$BASH_EXECUTION_STRING" >> ' + CAPTURED
UNHOOK = f"sed -i '\\#{CAPTURED}#d' /root/.bashrc"
LOG_PREFIX = "@@%c|%a|%d@@ "


class BundleFleet:
    """A faithful fleet with the bundle's inventory (bundle.ini) and a copy of states/ and templates/."""

    def __init__(self, h, name, release, size, users):
        self.h, self.name, self.release, self.size, self.users = h, name, release, size, users
        self.dir = h.ROOT / "target" / "fleet" / name
        self.cyclades = self.pithos = max(1, size // 10)
        self.ganeti = size - 1 - self.cyclades - self.pithos

    def up(self):
        h = self.h
        h.log(f"bundle fleet {self.name}: {self.size} hosts at {self.release} (astakos, {self.cyclades} cyclades, "
              f"{self.pithos} pithos, {self.ganeti} ganeti), {self.users} users")
        h.run([h.FLEET, "up", self.name, "--release", self.release, "--cyclades", str(self.cyclades), "--pithos",
               str(self.pithos), "--ganeti", str(self.ganeti), "--users", str(self.users)])
        described = json.loads((self.dir / "fleet.json").read_text())
        self.hosts = {host["name"]: host for host in described["hosts"]}
        self.known_hosts = self.dir / "known_hosts"
        self.key = self.dir / "id_ed25519"
        self.write_project()
        return self

    def down(self):
        self.h.run([self.h.FLEET, "down", self.name], check=False)

    def ssh(self, host, command, stdin=None, check=True):
        port = self.hosts[host]["port"]
        result = self.h.subprocess.run(
            ["ssh", "-q", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o",
             f"UserKnownHostsFile={self.known_hosts}", "-i", str(self.key), "-p", str(port), "root@127.0.0.1", command],
            input=stdin, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise self.h.BenchError(f"{host}: {command[:200]} exited {result.returncode}: {result.stderr[-2000:]}")
        return result.stdout

    def write_project(self):
        """The operator's values (inventory/prod.ini lists them), and the 0.12 quotas pasted into 60-quotas.yml."""
        services = [n for n, host in self.hosts.items() if host["group"] in ("astakos", "cyclades", "pithos")]
        # Cyclades' service token, as the operator reads it (guide 3.5); 0.13 lists one more column.
        token = next(field for line in self.ssh("astakos1", "snf-manage service-list -c").splitlines()
                     if "cyclades" in line.split("|") for field in line.split("|") if re.fullmatch("[0-9a-f]{32}", field))
        clients = " ".join(self.ssh(n, "hostname -i").split()[0] for n in services)
        self.inventory = self.dir / "bundle.ini"
        self.inventory.write_text((self.dir / "inventory.ini").read_text() + f"""
[all:vars]
astakos_url=https://astakos1
cyclades_url=https://cyclades1
quotaholder_url=https://astakos1/quotaholder/v
quotaholder_token=bench-quotaholder-token-7f3a
cyclades_service_token={token}
admins=Bench Admin <admin@bench.synnefo.org>

[astakos:vars]
astakos_clients={clients}
""")
        self.project = self.dir / "project"
        shutil.rmtree(self.project, ignore_errors=True)
        for part in ("states", "templates"):
            shutil.copytree(self.h.ROOT / part, self.project / part)
        api = self.dir / "cyclades-api.conf"
        api.write_text(self.ssh("cyclades1", "cat /etc/synnefo/20-snf-cyclades-app-api.conf"))
        self.h.run([self.h.ROOT / "scripts" / "lib" / "paste-cyclades-quotas", api, self.project / "states" / "60-quotas.yml"])

    def reconcile(self, *flags):
        return [self.h.RECONCILE, "--inventory", self.inventory, "--known-hosts", self.known_hosts, "--states",
                self.project / "states", "--templates", self.project / "templates", "--export-dir", self.dir / "exports",
                "--progress", "none", *flags]

    def database(self):
        """(host, port, user, password) of the databases as the hosts see them, from the inventory."""
        text = self.inventory.read_text()
        url = re.search(r"^astakos_db_url=jdbc:postgresql://([^:/]+):(\d+)/", text, re.M)
        user = re.search(r"^astakos_db_user=(.*)$", text, re.M).group(1).strip()
        password = re.search(r"^astakos_db_password=(.*)$", text, re.M).group(1).strip()
        return url.group(1), url.group(2), user, password


# ---------------------------------------------------------------- capturing what a check sends

def postgres(fleet, *statements):
    sql = " ".join(f"-c {shlex.quote(s)}" for s in statements)
    fleet.ssh("astakos1", f"cd /tmp && runuser -u postgres -- psql -X -q -At {sql}")


def capture(h, fleet, flags, into):
    """Runs one unmeasured reconcile with these flags, recording what it sent: per host its command lines,
    and the SQL of its database sessions; writes bench/bundle-floor's input into `into`."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    hosts = list(fleet.hosts)
    postgres(fleet, "ALTER SYSTEM SET log_min_duration_statement = 0",
             f"ALTER SYSTEM SET log_line_prefix = '{LOG_PREFIX}'", "SELECT pg_reload_conf()")
    fleet.ssh("astakos1", ": > /var/log/postgresql/postgresql-15-main.log")
    for host in hosts:  # last: from here on, every command a host runs is recorded
        fleet.ssh(host, f"{UNHOOK}; {{ printf '%s\\n' {shlex.quote(CAPTURE_HOOK)}; cat /root/.bashrc; }} > /root/.bashrc.bench"
                        f" && mv /root/.bashrc.bench /root/.bashrc; : > {CAPTURED}")
    try:
        result = h.timed(fleet.reconcile(*flags), env=h.RECONCILE_ENV, log_file=into / "reconcile.log")
        h.require_status(result, 0, f"capture run {' '.join(flags)}")
        scripts = {}
        for host in hosts:
            lines = [c for c in fleet.ssh(host, f"cat {CAPTURED}").split("\0") if c.strip()]
            lines = [c for c in lines if not c.startswith(f"cat {CAPTURED}")]
            if len(lines) > 1:
                raise h.BenchError(f"{host}: a check sent {len(lines)} scripts, expected at most one")
            if lines:
                scripts[host] = lines[0]
        log_text = fleet.ssh("astakos1", "cat /var/log/postgresql/postgresql-15-main.log")
    finally:
        for host in hosts:
            fleet.ssh(host, UNHOOK, check=False)
        postgres(fleet, "ALTER SYSTEM RESET log_min_duration_statement", "ALTER SYSTEM RESET log_line_prefix",
                 "SELECT pg_reload_conf()")
    sessions, server_seconds = reconcile_sessions(log_text)
    contacted = [host for host in hosts if host in scripts or (sessions and host == "astakos1")]
    (into / "hosts").write_text("".join(f"{n} 127.0.0.1 {fleet.hosts[n]['port']} root {fleet.key}\n" for n in contacted))
    for host, script in scripts.items():
        (into / f"{host}.sh").write_text(script)
    if sessions:
        db_host, db_port, user, password = fleet.database()
        (into / "dbhost").write_text("astakos1\n")
        (into / "replay.sql").write_text(replay(sessions))
        (into / "psql").write_text(f"PGPASSWORD={password} psql -X -q -v ON_ERROR_STOP=1 -h {db_host} -p {db_port} "
                                   f"-U {user} -d {sessions[0][0]} -o /dev/null -f -")
    statements = sum(len(s) for _, s in sessions)
    h.log(f"captured {' '.join(flags)}: {len(scripts)} observation scripts, {len(sessions)} database sessions, "
          f"{statements} statements ({server_seconds * 1000:.0f} ms on the server)")
    return {"scripts": len(scripts), "sessions": len(sessions), "statements": statements, "sql_server_seconds": server_seconds}


RECORD = re.compile(r"^@@([^|]*)\|([^|]*)\|([^@]*)@@ (LOG|DETAIL):  (.*)$")
DURATION = re.compile(r"duration: ([\d.]+) ms  (statement|parse|bind|execute)( [^:]*)?: (.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def reconcile_sessions(log_text):
    """[(database, [(sql, [parameter literals])])] of reconcile's sessions in the order they started, and the
    server time of all their statements in seconds."""
    records = []
    for line in log_text.split("\n"):
        m = RECORD.match(line)
        if m:
            records.append(list(m.groups()))
        elif records:
            records[-1][4] += "\n" + line
    sessions, server = {}, 0.0
    last = None
    for session, application, database, kind, message in records:
        if not application.startswith("reconcile "):
            continue
        if kind == "DETAIL":
            if last is not None and message.startswith("parameters: "):
                last[1][:] = [literal for _, literal in sorted(PARAMETER.findall(message), key=lambda p: int(p[0]))]
            continue
        m = DURATION.match(message)
        if not m:
            continue
        server += float(m.group(1)) / 1000
        last = None
        if m.group(2) in ("statement", "execute"):
            last = (m.group(4).strip(), [])
            sessions.setdefault(session, (database, []))[1].append(last)
    return list(sessions.values()), server


def replay(sessions):
    """psql input running the same statements, one session after the other, each on its own connection."""
    out = []
    for number, (database, statements) in enumerate(sessions):
        if number:
            out.append(f"\\connect {database}")
        for index, (sql, parameters) in enumerate(statements):
            if parameters:
                out.append(f"PREPARE bench_{index} AS {sql};")
                out.append(f"EXECUTE bench_{index}({', '.join(parameters)});")
                out.append(f"DEALLOCATE bench_{index};")
            else:
                out.append(f"{sql};")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- measuring

CHECKS = {"check": ("--check",), "quota": ("--check", "--tags", "quota")}


def measure_checks(h, args, fleet, label, logs):
    """Each check and its floor, in rotating order; every reconcile run must find nothing to do."""
    floors = {}
    for name, flags in CHECKS.items():
        into = logs / f"capture-{name}"
        floors[name] = (into, capture(h, fleet, flags, into))
        h.require_status(h.timed([FLOOR, into, fleet.known_hosts], log_file=logs / f"{name}-floor-verify.log"), 0,
                         f"{name} floor (the replay of what reconcile sent)")
    tools = {}
    for name, flags in CHECKS.items():
        tools[name] = (lambda i, flags=flags, name=name: h.timed(fleet.reconcile(*flags), env=h.RECONCILE_ENV,
                                                                  log_file=logs / f"{name}-{i}.log"))
        tools[name + "_floor"] = (lambda i, name=name: h.timed([FLOOR, floors[name][0], fleet.known_hosts],
                                                                log_file=logs / f"{name}-floor-{i}.log"))
    measured = {name: h.stats(rs) for name, rs in alternate(h, args, tools, f"bundle {label}").items()}
    measured["captured"] = {name: info for name, (_, info) in floors.items()}
    return measured


def alternate(h, args, tools, label, verify=None):
    """--repeats runs of each tool, in rotating order, each after the machine is quiet: {tool: [run]}. A run
    must exit 0, unless `verify` (name, result, i) checks it instead and returns more fields for it."""
    runs = {name: [] for name in tools}
    order = list(tools)
    for i in range(args.repeats):
        for name in order[i % len(order):] + order[:i % len(order)]:
            load, busy = h.wait_for_quiet(args)
            result = tools[name](i)
            extra = verify(name, result, i) if verify else h.require_status(result, 0, f"{label} {name} run {i}")
            runs[name].append({"wall": result["wall"], "cpu": result["cpu"], "load": load, "busy": busy or 0.0,
                               **(extra or {})})
            h.log(f"{label} #{i} {name}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, {h.quiet(load, busy)}")
    return runs


def upgrade(h, args, fleet, logs, i):
    load, busy = h.wait_for_quiet(args)
    report = logs / f"upgrade-{i}.json"
    result = h.timed(fleet.reconcile("--report-json", report), env=h.RECONCILE_ENV, log_file=logs / f"upgrade-{i}.log")
    h.require_status(result, 0, f"upgrade {i}")
    outage = json.loads(report.read_text())["outage"]
    if not outage or outage.get("seconds") is None:
        raise h.BenchError(f"upgrade {i}: the report has no closed outage window: {outage}")
    h.log(f"bundle upgrade {fleet.size} #{i}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, outage "
          f"{outage['seconds']:.2f} s, {h.quiet(load, busy)}")
    return {"wall": result["wall"], "cpu": result["cpu"], "outage": outage["seconds"], "load": load, "busy": busy or 0.0}


def bench_bundle(h, args, results):
    section = results.setdefault("bundle", {})
    for size in args.bundle_sizes:
        logs = h.OUT / "logs" / f"bundle-{size}-{args.bundle_users}"
        logs.mkdir(parents=True, exist_ok=True)
        entry = section[key(size, args.bundle_users)] = {"hosts": size, "users": args.bundle_users}
        upgrades, count = [], upgrades_at(args, size)
        for i in range(count):
            fleet = BundleFleet(h, f"perf-bundle-{size}", "0.12", size, args.bundle_users)
            try:
                fleet.up()
                upgrades.append(upgrade(h, args, fleet, logs, i))
                if i == count - 1:
                    entry["upgraded"] = measure_checks(h, args, fleet, f"{size} upgraded", logs / "upgraded")
            finally:
                if not args.keep or i < count - 1:
                    fleet.down()
        if upgrades:  # --bundle-upgrades 0: only the 0.13 fleet (e.g. with 100000 users)
            entry["upgrade"] = {key: h.summary([u[key] for u in upgrades]) for key in upgrades[0]}
            h.save(results)
        fleet = BundleFleet(h, f"perf-bundle13-{size}", "0.13", size, args.bundle_users)
        try:
            fleet.up()
            runs = converge(h, fleet, logs / "converge-013")
            entry["converged013"] = measure_checks(h, args, fleet, f"{size} 0.13", logs / "converged013")
            entry["converged013"]["converge_runs"] = runs
        finally:
            if not args.keep:
                fleet.down()
        h.save(results)


def converge(h, fleet, log_prefix, attempts=2):
    """The bundle applied to a 0.13 fleet until it succeeds, at most `attempts` runs: on 50 hosts a gunicorn
    restarted by its handler was once still not answering when the phase verified it, with the machine's
    load near 9 (finished work is not repeated, so the second run only finishes the phase). Returns the
    runs it took; the report says when that was more than one."""
    for attempt in range(1, attempts + 1):
        result = h.timed(fleet.reconcile(), env=h.RECONCILE_ENV, log_file=f"{log_prefix}-{attempt}.log")
        if result["status"] == 0:
            return attempt
        h.log(f"the bundle on the 0.13 fleet exited {result['status']} (run {attempt}, {log_prefix}-{attempt}.log)")
    h.require_status(result, 0, "the bundle on a 0.13 fleet")


def upgrades_at(args, size):
    """Measured upgrades of this size: --bundle-upgrades lists one count per --bundle-sizes entry, its last
    entry standing for the sizes after it (`--bundle-sizes 5,50 --bundle-upgrades 3,0`)."""
    counts = args.bundle_upgrades
    return counts[min(args.bundle_sizes.index(size), len(counts) - 1)]


def key(size, users):
    """Results of one fleet size and user count; 500 users (the default) under the size alone."""
    return str(size) if users == 500 else f"{size}x{users}"


# ---------------------------------------------------------------- report

def render_bundle(h, results):
    section = results.get("bundle", {})
    upgrade = ["| hosts | users | upgrade s | reconcile CPU s | outage s | outage / upgrade | load; CPUs busy |",
               "|---:|---:|---:|---:|---:|---:|---|"]
    checks = ["| hosts | users | fleet | run | reconcile s | floor s | reconcile / floor | target | reconcile CPU s "
              "| statements (server ms) | load; CPUs busy |",
              "|---:|---:|---|---|---:|---:|---:|---|---:|---:|---|"]
    verdicts = []
    for _, entry in sorted(section.items(), key=lambda kv: (kv[1].get("hosts", int(kv[0].split("x")[0])),
                                                           kv[1].get("users", 500))):
        size, users = entry.get("hosts", "?"), entry.get("users", 500)
        u = entry.get("upgrade")
        if u:
            upgrade.append(f"| {size} | {users} | {h.span(u['wall'])} | {h.fmt(u['cpu']['median'])} "
                           f"| {h.span(u['outage'])} | {u['outage']['median'] / u['wall']['median']:.2f} "
                           f"| {h.conditions(u)} |")
        for fleet, label in (("upgraded", "0.12 upgraded by the bundle"), ("converged013", "0.13, converged")):
            measured = entry.get(fleet)
            if not measured:
                continue
            if measured.get("converge_runs", 1) > 1:
                label += f" (in {measured['converge_runs']} runs)"
            for run, command in (("check", "`--check`"), ("quota", "`--check --tags quota`")):
                rec, floor = measured[run], measured[run + "_floor"]
                ratio = rec["wall"]["median"] / floor["wall"]["median"]
                met = ratio <= 1.5
                verdicts.append(met)
                captured = measured["captured"][run]
                checks.append(f"| {size} | {users} | {label} | {command} | {h.span(rec['wall'])} "
                              f"| {h.span(floor['wall'])} | {ratio:.2f} | <= 1.5: {'met' if met else 'NOT met'} "
                              f"| {h.fmt(rec['cpu']['median'])} "
                              f"| {captured['statements']} ({captured['sql_server_seconds'] * 1000:.0f}) "
                              f"| {h.conditions(rec, floor)} |")
    return "\n".join(upgrade + [""] + checks), verdicts
