#!/usr/bin/env python3
"""The engine of bench/run (read bench/run and docs/benchmarks.md first).

Measures, on this machine, reconcile against ansible-playbook and against the plain-ssh floor:
  check   steady-state `--check --diff` on converged 0.13 fleets (containers), sizes --sizes
  apply   convergence from fresh 0.12 fleets (one fleet per measured run), sizes --apply-sizes
  scale   `--check` of simulated hosts (bench/sim: in-process Mina SSH servers), sizes --scale
  startup JVM start-up with and without the AppCDS archive
  bundle  the whole Synnefo bundle (states/) on the faithful fleet: the upgrade and its outage window, and
          the drift checks of the converged fleet next to their floor (bench/bundle.py), sizes --bundle-sizes
  quota   `--check --tags quota` of --quota-users users next to psql running the same SQL (bench/quota.py)
and writes the figures into docs/benchmarks.md (between the bench/run markers) and target/bench/.

Every measured run is checked for the outcome it must have (no drift, no change, no failure), so a figure
never comes from a run that did something else. Runs of the tools alternate; each waits for the machine's
1-minute load to drop to --max-load first (up to --load-wait seconds, then it runs and the load is noted).
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bundle
import quota

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = ROOT / "target" / "bench"
DOC = ROOT / "docs" / "benchmarks.md"
RECONCILE = ROOT / "bin" / "reconcile"
FLEET = ROOT / "scripts" / "fleet"
FLOOR = BENCH / "floor"
SIM_CLASSES = OUT / "sim-classes"
JAR = ROOT / "target" / "reconcile.jar"
# python3 and python3-apt: Ansible's apt module needs them on the hosts (the fleet's repo has no python3-apt).
ANSIBLE_HOST_DEBS = ["python3-apt", "python-apt-common", "distro-info-data"]
DEFAULT_SCRIPT_MILLIS = 50


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    pass


# ---------------------------------------------------------------- measuring

def load1():
    return os.getloadavg()[0]


def cpu_busy(seconds):
    """Share of all CPUs busy over the next `seconds` (from /proc/stat), 0..1."""
    def sample():
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def wait_for_quiet(args):
    """Waits until the machine is quiet: the 1-minute load is at most --max-load, or, since that average
    still holds our own previous run for minutes (an ansible-playbook run with 50 forks leaves it near 50),
    the CPUs were at most --max-busy busy over the last 5 s. Gives up after --load-wait seconds.
    Returns (1-minute load, busy share or None) at the start of the run."""
    deadline = time.monotonic() + args.load_wait
    announced = False
    while True:
        load = load1()
        if load <= args.max_load:
            return load, None
        busy = cpu_busy(5)
        if busy <= args.max_busy or time.monotonic() > deadline:
            return load1(), busy
        if not announced:
            log(f"load {load:.2f}, CPUs {busy:.0%} busy: waiting (up to {args.load_wait} s)")
            announced = True


def timed(command, *, env=None, cwd=None, log_file=None, timeout=3600):
    """Runs command; returns dict(wall, cpu, rss_kb, status, output). CPU and RSS are of the process tree."""
    extra = dict(os.environ)
    extra.update(env or {})
    out = open(log_file, "w") if log_file else subprocess.DEVNULL
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=extra, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                raise BenchError(f"timed out after {timeout} s: {' '.join(map(str, command))}")
            time.sleep(0.005)
    finally:
        if log_file:
            out.close()
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = Path(log_file).read_text(errors="replace") if log_file else ""
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss,
            "status": proc.returncode, "output": output}


def run(command, *, env=None, cwd=None, check=True, capture=True):
    extra = dict(os.environ)
    extra.update(env or {})
    result = subprocess.run(command, env=extra, cwd=cwd, text=True,
                            stdout=subprocess.PIPE if capture else None, stderr=subprocess.PIPE if capture else None)
    if check and result.returncode != 0:
        raise BenchError(f"{' '.join(map(str, command))} exited {result.returncode}:\n{(result.stderr or '')[-3000:]}")
    return result


def quiet(load, busy):
    return f"load {load:.2f}" + ("" if busy is None else f", CPUs {busy:.0%} busy")


def stats(runs):
    return {key: summary([r[key] for r in runs]) for key in ("wall", "cpu", "load", "busy")}


def summary(values):
    values = sorted(values)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "n": len(values), "all": values}


# ---------------------------------------------------------------- tools

class Fleet:
    """A fleet of `size` cyclades hosts (plus astakos1, which no workload touches) via scripts/fleet."""

    def __init__(self, name, release, size):
        self.name, self.release, self.size = name, release, size
        self.dir = ROOT / "target" / "fleet" / name

    def up(self):
        log(f"fleet {self.name}: {self.size} cyclades hosts at {self.release}")
        run([FLEET, "up", self.name, "--release", self.release, "--cyclades", str(self.size), "--pithos", "0",
             "--ganeti", "0", "--users", "10"])
        self.inventory = self.dir / "bench.ini"
        self.inventory.write_text((self.dir / "inventory.ini").read_text() + (BENCH / "vars.ini").read_text())
        self.known_hosts = self.dir / "known_hosts"
        described = json.loads((self.dir / "fleet.json").read_text())
        self.containers = [h["container"] for h in described["hosts"] if h["group"] == "cyclades"]
        self.prepare_for_ansible()
        return self

    def down(self):
        run([FLEET, "down", self.name], check=False)

    def prepare_for_ansible(self):
        """python3 (from the fleet's own apt repository) and python3-apt: what Ansible needs on a host."""
        debs = OUT / "debs"
        if not all(any(debs.glob(f"{name}_*.deb")) for name in ANSIBLE_HOST_DEBS):
            debs.mkdir(parents=True, exist_ok=True)
            run(["apt-get", "download", *ANSIBLE_HOST_DEBS], cwd=debs)

        def prepare(container):
            run(["docker", "exec", container, "mkdir", "-p", "/tmp/bench-debs"])
            run(["docker", "cp", "-q", f"{debs}/.", f"{container}:/tmp/bench-debs/"])
            run(["docker", "exec", "-e", "DEBIAN_FRONTEND=noninteractive", container, "sh", "-c",
                 "apt-get install -y -q python3 >/dev/null && dpkg -i /tmp/bench-debs/*.deb >/dev/null "
                 "&& python3 -c 'import apt'"])

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(prepare, self.containers))


def reconcile_command(inventory, known_hosts, check):
    command = [RECONCILE, "--inventory", inventory, "--states", BENCH / "states", "--templates", BENCH / "templates",
               "--known-hosts", known_hosts]
    return command + (["--check", "--diff"] if check else [])


RECONCILE_ENV = {"RECONCILE_STATE_DIR": str(OUT / "state")}
# The floor with the key exchange reconcile's client negotiates with these hosts (OpenSSH 9.2's own first
# choice, sntrup761x25519-sha512, costs more CPU on both ends).
FLOOR_CURVE25519 = {"FLOOR_SSH_OPTS": "-o KexAlgorithms=curve25519-sha256"}


def ansible_command(inventory, forks, check):
    command = ["ansible-playbook", "-i", inventory, "-f", str(forks), BENCH / "playbook.yml"]
    return command + (["--check", "--diff"] if check else [])


def ansible_env(known_hosts, control_dir):
    # Ansible's default ssh_args plus the fleet's known_hosts; a fresh ControlPath directory per run, so no
    # run reuses the connections of the one before (a check every few minutes would not either).
    return {"ANSIBLE_CONFIG": str(BENCH / "ansible.cfg"),
            "ANSIBLE_SSH_ARGS": f"-C -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile={known_hosts} "
                                "-o StrictHostKeyChecking=yes",
            "ANSIBLE_SSH_CONTROL_PATH_DIR": str(control_dir)}


def close_control_masters(control_dir):
    for socket in Path(control_dir).glob("*"):
        subprocess.run(["ssh", "-O", "exit", "-o", f"ControlPath={socket}", "ignored"], capture_output=True)
    shutil.rmtree(control_dir, ignore_errors=True)


def recap(output):
    """Ansible's PLAY RECAP as {host: {ok, changed, failed, unreachable}}."""
    hosts = {}
    for m in re.finditer(r"^(\S+)\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", output, re.M):
        hosts[m.group(1)] = {"ok": int(m.group(2)), "changed": int(m.group(3)), "unreachable": int(m.group(4)),
                             "failed": int(m.group(5))}
    return hosts


def require_ansible(result, size, changed_allowed, what):
    hosts = recap(result["output"])
    bad = [h for h, r in hosts.items() if r["failed"] or r["unreachable"] or (r["changed"] and not changed_allowed)]
    if result["status"] != 0 or len(hosts) != size or bad:
        raise BenchError(f"{what}: ansible-playbook exited {result['status']}, {len(hosts)} hosts in its recap, "
                         f"not as expected: {bad}\n{result['output'][-3000:]}")


def require_status(result, expected, what):
    if result["status"] != expected:
        raise BenchError(f"{what}: exit {result['status']}, expected {expected}\n{result['output'][-3000:]}")


def run_ansible(fleet, check, log_file):
    control = Path(tempfile.mkdtemp(prefix="perf-acp-"))
    try:
        return timed(ansible_command(fleet.inventory, fleet.size, check), env=ansible_env(fleet.known_hosts, control),
                     cwd=BENCH, log_file=log_file)
    finally:
        close_control_masters(control)


def observation_script_millis(fleet):
    """How long reconcile's observation script of the workload runs on a fleet host (median of 9 runs).

    The script is the one reconcile sends (captured by a one-host simulation), run through `docker exec`;
    the simulated hosts of the scale section answer after that long."""
    with Simulation(1, 0) as sim:
        require_status(timed(reconcile_command(sim.inventory, sim.known_hosts, check=True), env=RECONCILE_ENV,
                             log_file=sim.dir / "reconcile.log"), 0, "capturing the observation script")
        script = (sim.dir / "observation-script.sh").read_text()
    times = []
    for _ in range(9):
        r = subprocess.run(["docker", "exec", "-i", fleet.containers[0], "bash", "-c",
                            "s=$(date +%s%N); sh -s >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))"],
                           input=script, text=True, capture_output=True)
        if r.returncode == 0 and r.stdout.strip().isdigit():
            times.append(int(r.stdout.strip()))
    return statistics.median(times) if times else None


# ---------------------------------------------------------------- sections

def bench_check(args, results):
    section = results.setdefault("check", {})
    for size in args.sizes:
        fleet = Fleet(f"perf-check-{size}", "0.13", size)
        try:
            fleet.up()
            logs = OUT / "logs" / f"check-{size}"
            logs.mkdir(parents=True, exist_ok=True)
            log(f"check {size}: converging with reconcile, then proving both tools see no drift")
            converge = timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=False), env=RECONCILE_ENV,
                             log_file=logs / "converge.log")
            require_status(converge, 0, "converge")
            require_status(timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=True), env=RECONCILE_ENV,
                                 log_file=logs / "verify-reconcile.log"), 0, "reconcile check after convergence")
            require_ansible(run_ansible(fleet, True, logs / "verify-ansible.log"), size, False,
                            "ansible-playbook --check after reconcile converged")
            require_status(timed([FLOOR, fleet.inventory, fleet.known_hosts], log_file=logs / "verify-floor.log"), 0, "floor")
            if size == args.sizes[0]:
                millis = observation_script_millis(fleet)
                if millis is not None:
                    results["observation_script_millis"] = millis
            tools = {
                "reconcile": lambda i: timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=True),
                                             env=RECONCILE_ENV, log_file=logs / f"reconcile-{i}.log"),
                "ansible": lambda i: run_ansible(fleet, True, logs / f"ansible-{i}.log"),
                "floor": lambda i: timed([FLOOR, fleet.inventory, fleet.known_hosts], log_file=logs / f"floor-{i}.log"),
                "floor_curve25519": lambda i: timed([FLOOR, fleet.inventory, fleet.known_hosts], env=FLOOR_CURVE25519,
                                                    log_file=logs / f"floor-curve25519-{i}.log"),
            }
            runs = {name: [] for name in tools}
            order = list(tools)
            for i in range(args.repeats):
                for name in order[i % len(order):] + order[:i % len(order)]:  # alternate who goes first
                    load, busy = wait_for_quiet(args)
                    result = tools[name](i)
                    if name == "ansible":
                        require_ansible(result, size, False, f"ansible run {i}")
                    else:
                        require_status(result, 0, f"{name} run {i}")
                    runs[name].append({"wall": result["wall"], "cpu": result["cpu"], "load": load, "busy": busy or 0.0})
                    log(f"check {size} #{i} {name}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, {quiet(load, busy)}")
            section[str(size)] = {name: stats(rs) for name, rs in runs.items()}
            save(results)
        finally:
            if not args.keep:
                fleet.down()


def warm_up_reconcile():
    """One unmeasured reconcile run against real hosts: the first run after a build records bin/reconcile's
    AppCDS archive (about a second more, once), which no measured run should pay."""
    fleet = Fleet("perf-warm-up", "0.12", 1)
    try:
        fleet.up()
        timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=True), env=RECONCILE_ENV,
              log_file=OUT / "logs" / "warm-up.log")
    finally:
        fleet.down()


def bench_apply(args, results):
    section = results.setdefault("apply", {})
    tools = ["reconcile", "ansible", "apt"]
    warm_up_reconcile()  # the check section's convergence run does the same there
    for size in args.apply_sizes:
        logs = OUT / "logs" / f"apply-{size}"
        logs.mkdir(parents=True, exist_ok=True)
        runs = {name: [] for name in tools}
        for i in range(args.apply_repeats):
            for name in tools[i % len(tools):] + tools[:i % len(tools)]:  # alternate who goes first
                fleet = Fleet(f"perf-apply-{size}", "0.12", size)
                try:
                    fleet.up()
                    load, busy = wait_for_quiet(args)
                    if name == "reconcile":
                        result = timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=False),
                                       env=RECONCILE_ENV, log_file=logs / f"reconcile-{i}.log")
                        require_status(result, 0, f"reconcile apply {i}")
                        # The other tool agrees that the hosts are converged.
                        require_ansible(run_ansible(fleet, True, logs / f"reconcile-{i}-then-ansible-check.log"), size,
                                        False, "ansible-playbook --check after reconcile's apply")
                    elif name == "ansible":
                        result = run_ansible(fleet, False, logs / f"ansible-{i}.log")
                        require_ansible(result, size, True, f"ansible-playbook apply {i}")
                        require_status(timed(reconcile_command(fleet.inventory, fleet.known_hosts, check=True),
                                             env=RECONCILE_ENV, log_file=logs / f"ansible-{i}-then-reconcile-check.log"),
                                       0, "reconcile --check after ansible-playbook's apply")
                    else:
                        # The apt-get run alone, over plain ssh: what neither tool can avoid.
                        result = timed([FLOOR, "--apt", fleet.inventory, fleet.known_hosts], log_file=logs / f"apt-{i}.log")
                        require_status(result, 0, f"apt-get alone {i}")
                    runs[name].append({"wall": result["wall"], "cpu": result["cpu"], "load": load, "busy": busy or 0.0})
                    log(f"apply {size} #{i} {name}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, {quiet(load, busy)}")
                finally:
                    fleet.down()
        section[str(size)] = {name: stats(rs) for name, rs in runs.items()}
        save(results)


class Simulation:
    def __init__(self, size, script_millis):
        self.size, self.script_millis = size, script_millis
        self.dir = OUT / f"sim-{size}"

    def __enter__(self):
        open_files_for(self.size)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        self.log = open(self.dir / "simulator.log", "w")
        self.proc = subprocess.Popen(
            ["java", "-XX:+UseSerialGC", "-cp", f"{SIM_CLASSES}:{JAR}", "io.reconcile.bench.SimulatedFleet",
             "--hosts", str(self.size), "--dir", str(self.dir), "--templates", str(BENCH / "templates"),
             "--vars", str(BENCH / "vars.ini"), "--memcached-conf", str(BENCH / "sim" / "memcached.conf"),
             "--script-millis", str(self.script_millis), "--dump-script", str(self.dir / "observation-script.sh")],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while "ready" not in (self.dir / "simulator.log").read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"simulator did not start:\n{(self.dir / 'simulator.log').read_text()[-3000:]}")
            time.sleep(0.2)
        self.inventory = self.dir / "inventory.ini"
        self.known_hosts = self.dir / "known_hosts"
        return self

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(30)
        self.log.close()


def open_files_for(hosts):
    """Raises this process's open-file limit (inherited by the simulator and reconcile) to the hard limit:
    the simulator holds a listening socket per host, plus each connection on both ends."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = hosts + 2000  # one listening socket per host; forks' connections, jars, logs, the JVMs' own
    if hard != resource.RLIM_INFINITY and hard < needed:
        raise BenchError(f"{hosts} simulated hosts need about {needed} open files, the hard limit is {hard} "
                         "(raise it: ulimit -Hn, or LimitNOFILE for a service)")
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else needed, hard))


def gc_heap(log_file):
    """From -Xlog:gc output, in MiB: the peak heap in use (before a GC), the largest heap left after any GC
    (an upper bound of what the run holds: the serial GC's young collections leave old garbage in place),
    and the largest heap left after a full GC (what the run held then; 0 when there was none)."""
    peak = after_any = after_full = 0
    text = Path(log_file).read_text() if Path(log_file).exists() else ""
    for kind, before, after in re.findall(r"Pause (\w+).*? (\d+)M->(\d+)M", text):
        peak, after_any = max(peak, int(before)), max(after_any, int(after))
        if kind == "Full":
            after_full = max(after_full, int(after))
    return peak, after_any, after_full


def bench_scale(args, results):
    section = results.setdefault("scale", {})
    millis = results.get("observation_script_millis", DEFAULT_SCRIPT_MILLIS)
    results["scale_script_millis"] = millis
    for size in args.scale:
        logs = OUT / "logs" / f"scale-{size}"
        logs.mkdir(parents=True, exist_ok=True)
        with Simulation(size, millis) as sim:
            command = reconcile_command(sim.inventory, sim.known_hosts, check=True)
            require_status(timed(command, env=RECONCILE_ENV, log_file=logs / "warm-up.log"), 0, "scale warm-up")
            runs = []
            for i in range(args.scale_repeats):
                load, busy = wait_for_quiet(args)
                gc_log = logs / f"gc-{i}.log"
                server_before = sim.cpu_seconds()
                result = timed(command, env=dict(RECONCILE_ENV, JAVA_TOOL_OPTIONS=f"-Xmx512m -Xlog:gc:file={gc_log}"),
                               log_file=logs / f"reconcile-{i}.log")
                require_status(result, 0, f"scale {size} run {i}")
                peak, after_gc, live = gc_heap(gc_log)
                runs.append({"wall": result["wall"], "cpu": result["cpu"], "rss_mib": result["rss_kb"] / 1024,
                             "heap_peak_mib": peak, "heap_after_gc_mib": after_gc, "heap_live_mib": live,
                             "server_cpu": sim.cpu_seconds() - server_before, "load": load, "busy": busy or 0.0})
                log(f"scale {size} #{i}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, heap peak {peak} MiB, "
                    f"after GC {after_gc} MiB, after full GC {live} MiB, RSS {result['rss_kb'] / 1024:.0f} MiB, "
                    f"{quiet(load, busy)}")
        section[str(size)] = {key: summary([r[key] for r in runs]) for key in runs[0]}
        save(results)


def bench_startup(args, results):
    """JVM start-up: `--version` and a 10-host simulated check, with and without the AppCDS archive."""
    without = {"RECONCILE_JAVA_OPTS": "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"}
    logs = OUT / "logs" / "startup"
    logs.mkdir(parents=True, exist_ok=True)
    section = {}
    with Simulation(10, 0) as sim:
        check = reconcile_command(sim.inventory, sim.known_hosts, check=True)
        require_status(timed(check, env=RECONCILE_ENV, log_file=logs / "warm-up.log"), 0, "startup warm-up")
        cases = {
            "jvm": (["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-version"], {}),
            "version_without_appcds": ([RECONCILE, "--version"], without),
            "version_with_appcds": ([RECONCILE, "--version"], {}),
            "check10_without_appcds": (check, dict(RECONCILE_ENV, **without)),
            "check10_with_appcds": (check, RECONCILE_ENV),
        }
        runs = {name: [] for name in cases}
        for i in range(args.repeats):
            for name, (command, env) in cases.items():
                wait_for_quiet(args)
                result = timed(command, env=env, log_file=logs / f"{name}-{i}.log")
                require_status(result, 0, f"startup {name}")
                runs[name].append(result)
        for name, rs in runs.items():
            section[name] = {"wall": summary([r["wall"] for r in rs]), "cpu": summary([r["cpu"] for r in rs])}
    results["startup"] = section
    save(results)


# ---------------------------------------------------------------- machine and report

def machine():
    def first_line(command):
        try:
            r = subprocess.run(command, capture_output=True, text=True)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    mem = next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
    os_name = next((l.split("=", 1)[1].strip('"') for l in Path("/etc/os-release").read_text().splitlines()
                    if l.startswith("PRETTY_NAME")), "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(int(mem) / 1024 / 1024, 1), "os": os_name,
            "kernel": platform.release(), "java": first_line(["java", "-version"]),
            "ansible": first_line(["ansible-playbook", "--version"]), "openssh": first_line(["ssh", "-V"]),
            "docker": first_line(["docker", "version", "--format", "{{.Server.Version}}"]),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def save(results):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")


def fmt(seconds):
    return f"{seconds:.2f}"


def span(stat):
    return f"{fmt(stat['median'])} ({fmt(stat['min'])}-{fmt(stat['max'])})"


def conditions(*stats):
    """The machine at the start of these runs: 1-minute load range, and how busy the CPUs were."""
    load = [v for st in stats for v in st["load"]["all"]]
    busy = [v for st in stats for v in st.get("busy", {"all": [0.0]})["all"]]
    return f"{min(load):.2f}-{max(load):.2f}; {max(busy):.0%}"


CHECK_TARGETS = {10: 10, 50: 15}


def by_size(section):
    return sorted(section.items(), key=lambda kv: int(kv[0]))


def render_check(results):
    rows = ["| hosts | reconcile s | ansible-playbook s | plain-ssh floor s | floor, curve25519 s | Ansible / reconcile "
            "| reconcile / floor | target | load; CPUs busy |",
            "|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    verdicts = []
    for size, r in by_size(results.get("check", {})):
        rec, ans, flo = (r[t]["wall"]["median"] for t in ("reconcile", "ansible", "floor"))
        n = int(size)
        wanted = ([f"Ansible/reconcile >= {CHECK_TARGETS[n]}"] if n in CHECK_TARGETS else []) + \
                 (["reconcile/floor <= 1.5"] if n >= 50 else [])
        met = (n not in CHECK_TARGETS or ans / rec >= CHECK_TARGETS[n]) and (n < 50 or rec / flo <= 1.5)
        rows.append(f"| {n} | {span(r['reconcile']['wall'])} | {span(r['ansible']['wall'])} | {span(r['floor']['wall'])} "
                    f"| {span(r['floor_curve25519']['wall'])} | {ans / rec:.1f} | {rec / flo:.2f} "
                    f"| {', '.join(wanted) or '-'}: {'met' if met else 'NOT met'} "
                    f"| {conditions(*(r[t] for t in ('reconcile', 'ansible', 'floor', 'floor_curve25519')))} |")
        verdicts.append(met)
    cpu = ["", "CPU time of each tool's own process tree on this machine (user + system, median; the hosts' sshd "
           "and the commands they run are not in it):", "",
           "| hosts | reconcile s | ansible-playbook s | plain-ssh floor s | floor, curve25519 s |", "|---:|---:|---:|---:|---:|"]
    for size, r in by_size(results.get("check", {})):
        cpu.append(f"| {size} | " + " | ".join(fmt(r[t]["cpu"]["median"]) for t in
                                               ("reconcile", "ansible", "floor", "floor_curve25519")) + " |")
    return "\n".join(rows + cpu), verdicts


def render_apply(results):
    rows = ["| hosts | reconcile s | ansible-playbook s | apt-get alone s | Ansible / reconcile | reconcile / apt-get alone "
            "| target | reconcile CPU s | Ansible CPU s | load; CPUs busy |",
            "|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"]
    verdicts = []
    for size, r in by_size(results.get("apply", {})):
        rec, ans = r["reconcile"]["wall"]["median"], r["ansible"]["wall"]["median"]
        apt = r.get("apt")
        apt_wall = span(apt["wall"]) if apt else "-"
        over_apt = f"{rec / apt['wall']['median']:.2f}" if apt else "-"
        met = ans / rec >= 3
        rows.append(f"| {size} | {span(r['reconcile']['wall'])} | {span(r['ansible']['wall'])} | {apt_wall} | {ans / rec:.2f} "
                    f"| {over_apt} | Ansible/reconcile >= 3: {'met' if met else 'NOT met'} "
                    f"| {fmt(r['reconcile']['cpu']['median'])} | {fmt(r['ansible']['cpu']['median'])} "
                    f"| {conditions(*r.values())} |")
        verdicts.append(met)
    return "\n".join(rows), verdicts


SCALE_TARGET_HOSTS, SCALE_TARGET_WALL, SCALE_HEAP_MIB, SCALE_PER_HOST_RISE = 10000, 60, 512, 1.25


def render_scale(results):
    """Targets: every size from 1000 within the heap (each run has -Xmx512m, so a run that needed more
    failed), SCALE_TARGET_HOSTS hosts in under SCALE_TARGET_WALL s, and wall and CPU per host at no size
    more than SCALE_PER_HOST_RISE times those at 1000 hosts (the smallest size from 1000 measured)."""
    rows = ["| simulated hosts | wall s | wall per host ms | reconcile CPU s | CPU per host ms "
            "| live after full GC MiB | heap after GC MiB | heap before GC MiB | RSS MiB | simulator CPU s | target "
            "| load; CPUs busy |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    verdicts = []
    sizes = by_size(results.get("scale", {}))
    base = next(((int(n), r) for n, r in sizes if int(n) >= 1000), None)
    for size, r in sizes:
        n = int(size)
        wall, cpu = r["wall"]["median"], r["cpu"]["median"]
        after_gc = r.get("heap_after_gc_mib", r["heap_live_mib"])  # results of before the full-GC column
        live = f"{r['heap_live_mib']['max']:.0f}" if "heap_after_gc_mib" in r and r["heap_live_mib"]["max"] else "-"
        target = "-"
        if n >= 1000:
            goals = [f"heap <= {SCALE_HEAP_MIB} MiB"]
            met = r["heap_peak_mib"]["max"] <= SCALE_HEAP_MIB
            if n == SCALE_TARGET_HOSTS:
                goals.append(f"wall < {SCALE_TARGET_WALL} s")
                met = met and wall < SCALE_TARGET_WALL
            if n > base[0]:
                goals.append(f"per host <= {SCALE_PER_HOST_RISE}x {base[0]} hosts'")
                met = met and all(now / n <= SCALE_PER_HOST_RISE * then / base[0] for now, then in
                                  ((wall, base[1]["wall"]["median"]), (cpu, base[1]["cpu"]["median"])))
            target = f"{', '.join(goals)}: {'met' if met else 'NOT met'}"
            verdicts.append(met)
        rows.append(f"| {n} | {span(r['wall'])} | {wall * 1000 / n:.1f} | {fmt(cpu)} | {cpu * 1000 / n:.1f} "
                    f"| {live} | {after_gc['max']:.0f} | {r['heap_peak_mib']['max']:.0f} | {r['rss_mib']['max']:.0f} "
                    f"| {fmt(r['server_cpu']['median'])} | {target} | {conditions(r)} |")
    return "\n".join(rows), verdicts


def render_startup(results):
    s = results.get("startup")
    if not s:
        return "", []
    names = {"jvm": "`java -version` (the JVM alone, same options)",
             "version_without_appcds": "`reconcile --version`, no AppCDS archive",
             "version_with_appcds": "`reconcile --version`, with the AppCDS archive",
             "check10_without_appcds": "`reconcile --check --diff` of 10 simulated hosts, no AppCDS archive",
             "check10_with_appcds": "`reconcile --check --diff` of 10 simulated hosts, with the AppCDS archive"}
    rows = ["| what | wall s | CPU s |", "|---|---:|---:|"]
    for key, label in names.items():
        if key in s:
            rows.append(f"| {label} | {span(s[key]['wall'])} | {fmt(s[key]['cpu']['median'])} |")
    return "\n".join(rows), []


def machine_summary(m):
    return f"{m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB RAM; {m['os']}, kernel {m['kernel']}"


def section_note(name, results):
    """What a section's figures depend on besides the machine: the script time the simulated hosts answer after."""
    if name == "check" and "observation_script_millis" in results:
        return f"; reconcile's observation script of this workload ran {results['observation_script_millis']} ms on a fleet host (median of 9)"
    if name == "scale":
        return f"; simulated hosts answer after {results.get('scale_script_millis', DEFAULT_SCRIPT_MILLIS)} ms"
    return ""


def render_machine(results, kept=()):
    """One line per section: when, by which command and on which machine it was measured. `kept` are the
    document's lines of sections this run did not measure, so a partial run never drops them."""
    m = results["machine"]
    lines = sorted([*kept, *(f"- {name}: measured {when}" for name, when in results.get("measured", {}).items())])
    lines += [f"- {m['java']}; {m['ansible']}; {m['openssh']}; Docker {m['docker']}",
             f"- Before each measured run: wait until the 1-minute load is at most {results['max_load']}, or the CPUs "
             f"were at most {results['max_busy']:.0%} busy over 5 s (waiting at most {results['load_wait']} s). Each "
             "table gives the 1-minute load range at the start of its runs and the busiest CPU share seen then."]
    return "\n".join(lines), []


def measured_lines_kept(text, results):
    """The machine section's `- NAME: measured ...` lines of sections this run has no figures for."""
    block = re.search(r"<!-- bench/run:machine:start -->\n(.*?)<!-- bench/run:machine:end -->", text, flags=re.S)
    lines = block.group(1).splitlines() if block else []
    return [l for l in lines if (hit := re.match(r"- (\w+): measured ", l)) and hit.group(1) not in results.get("measured", {})]


def render_bundle(results):
    return bundle.render_bundle(sys.modules[__name__], results)


def render_quota(results):
    return quota.render_quota(sys.modules[__name__], results)


def write_doc(results):
    text = DOC.read_text()
    for name, render in (("machine", render_machine), ("check", render_check), ("apply", render_apply),
                         ("scale", render_scale), ("startup", render_startup), ("bundle", render_bundle),
                         ("quota", render_quota)):
        if name != "machine" and name not in results:
            continue
        body, _ = render_machine(results, measured_lines_kept(text, results)) if name == "machine" else render(results)
        start, end = f"<!-- bench/run:{name}:start -->", f"<!-- bench/run:{name}:end -->"
        if start not in text:
            raise BenchError(f"{DOC} lacks the marker {start}")
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{body}\n{end}", text, flags=re.S)
    DOC.write_text(text)
    log(f"wrote {DOC}")


MERGED_SECTIONS = ("bundle", "quota")


def main():
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ints = lambda s: [int(x) for x in s.split(",") if x]
    parser.add_argument("--only", default="check,apply,scale,startup,bundle,quota", help="sections to run (default: all)")
    parser.add_argument("--sizes", type=ints, default=[10, 50], help="hosts of the steady-state check fleets")
    parser.add_argument("--apply-sizes", type=ints, default=[10, 50], help="hosts of the 0.12 apply fleets")
    parser.add_argument("--scale", type=ints, default=[100, 300, 1000, 3000, 10000], help="simulated hosts")
    parser.add_argument("--bundle-sizes", type=ints, default=[5], help="hosts of the faithful bundle fleets (default 5)")
    parser.add_argument("--bundle-users", type=int, default=500, help="users of the bundle fleets (default 500)")
    parser.add_argument("--bundle-upgrades", type=ints, default=[3],
                        help="measured upgrades per bundle size, each on a fresh 0.12 fleet (default 3); "
                             "one count per --bundle-sizes entry, the last for the rest")
    parser.add_argument("--quota-users", type=int, default=100000,
                        help="users of the quota section's fleet (default 100000)")
    parser.add_argument("--repeats", type=int, default=5, help="measured runs per tool and size (default 5)")
    parser.add_argument("--apply-repeats", type=int, default=5, help="measured applies per tool and size (default 5)")
    parser.add_argument("--scale-repeats", type=int, default=5, help="measured runs per simulated size (default 5)")
    parser.add_argument("--max-load", type=float, default=1.0, help="wait for the 1-minute load to be at most this")
    parser.add_argument("--max-busy", type=float, default=0.25,
                        help="or for the CPUs to be at most this busy over 5 s (default 0.25)")
    parser.add_argument("--load-wait", type=int, default=600, help="seconds to wait for quiet at most per run")
    parser.add_argument("--keep", action="store_true", help="leave the check fleets running")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()
    sections = set(args.only.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    previous = json.loads((OUT / "results.json").read_text()) if (OUT / "results.json").exists() else {}
    results = {k: v for k, v in previous.items() if k in ("check", "apply", "scale", "startup", "bundle", "quota",
                                                          "observation_script_millis",
                                                          "scale_script_millis", "measured") and k not in sections}
    # Sections keyed by fleet (bundle: size and users; quota: users) keep the entries of other fleets, so
    # a long size can be measured by a run of its own.
    merged = {name: previous[name] for name in MERGED_SECTIONS if name in sections and name in previous}
    results.update({name: dict(entries) for name, entries in merged.items()})
    results.update({"machine": machine(), "command": "bench/run " + " ".join(sys.argv[1:]), "max_load": args.max_load,
                    "max_busy": args.max_busy, "load_wait": args.load_wait})
    measured = results.setdefault("measured", {})
    try:
        for name, bench in (("check", bench_check), ("apply", bench_apply), ("scale", bench_scale), ("startup", bench_startup),
                            ("bundle", lambda a, r: bundle.bench_bundle(sys.modules[__name__], a, r)),
                            ("quota", lambda a, r: quota.bench_quota(sys.modules[__name__], a, r))):
            if name in sections:
                started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
                bench(args, results)
                now = (f"{started} by `{results['command']}` on {machine_summary(results['machine'])}"
                       + section_note(name, results))
                before = previous.get("measured", {}).get(name)
                fleets = ", ".join(k for k in results[name] if results[name][k] != merged.get(name, {}).get(k))
                measured[name] = f"{before}; {name} {fleets} measured {now}" if name in merged and before else now
    except BenchError as e:
        log(f"FAILED: {e}")
        save(results)
        return 1
    save(results)
    verdicts = []
    for name, render in (("check", render_check), ("apply", render_apply), ("scale", render_scale),
                         ("startup", render_startup), ("bundle", render_bundle), ("quota", render_quota)):
        if name in results:
            body, met = render(results)
            print(f"{name}:\n{body}\n")
            verdicts += met
    if not args.no_doc:
        write_doc(results)
    log("all targets met" if all(verdicts) else "some targets NOT met (see the tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
