#!/usr/bin/env python3
"""Phoney beside its peers, in one run: Python Faker, Mimesis and the `phoney` CLI on the same fixtures.

Each tool writes the fixture's records as NDJSON (one compact JSON object a line, seeded with 1) to /dev/null, in a
process of its own, so that start-up, peak RSS and CPU time are the process's own:

- records/s: (N - 1) / (wall(N records) - wall(1 record)), median wall of the repeats: the steady rate once the
  process is up (start-up is its own column). The machine is shared (other engineers compile on it), so the wall
  figures carry that noise; records per CPU-second (user + system time from wait4, start-up's CPU subtracted the same
  way) do not depend on how busy the other core is, and are shown beside them.
- peak RSS: ru_maxrss of the N-record process (wait4).
- start-up: median wall time of a 1-record run, process start to exit (interpreter, imports and the generator's set-up
  for the Python tools; loading the binary, compiling the template and writing one record for phoney).

The peers' generators are written here, field by field (PEER_FIELDS below, and in the report's mapping table): Faker
has every generator the fixtures use under the same name (Phoney's names are Faker's), so its mapping is exact;
Mimesis has its nearest providers, named where they differ.

    python3 scripts/bench_peers.py bench --phoney .build/release/phoney --markdown Benchmarks/peers.md
    python3 scripts/bench_peers.py generate --tool faker --fixture person --count 10 --output -   # one worker

`bench` needs nothing but the standard library; `generate` needs Faker or Mimesis (scripts/bench-peers.sh makes the
virtualenv and runs `bench` with its Python).
"""
import argparse
import datetime
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = ("simple", "person", "nested")

# How each fixture's fields map to each peer: (field path, Phoney generator, Faker call, Mimesis call, exact for
# Mimesis?). Faker's calls are the same generators by name and arguments, so only Mimesis has notes.
PEER_FIELDS = {
    "simple": [
        ("name", "name", "name()", "person.full_name()", "nearest: no prefixes/suffixes"),
        ("email", "email", "email()", "person.email()", "nearest: Mimesis makes its own user part and domain"),
        ("phone_number", "phone_number", "phone_number()", "person.phone_number()", "nearest: US numbers in +1 formats only"),
    ],
    "person": [
        ("id", "uuid4", "uuid4()", "cryptographic.uuid()", "exact (random UUID v4 text)"),
        ("first_name", "first_name", "first_name()", "person.first_name()", "exact"),
        ("last_name", "last_name", "last_name()", "person.last_name()", "exact"),
        ("email", "email", "email()", "person.email()", "nearest: Mimesis makes its own user part and domain"),
        ("phone", "phone_number", "phone_number()", "person.phone_number()", "nearest: US numbers in +1 formats only"),
        ("age", "random_int:min=18,max=90", "random_int(18, 90)", "numeric.integer_number(18, 90)", "exact"),
        ("created_at", "date_time", 'date_time().isoformat(timespec="seconds")', "datetime.datetime(1970, this year) ISO text",
         "nearest: Mimesis draws from 1970 to the end of this year, Faker and Phoney to now; all three as ISO text in whole seconds"),
        ("active", "pybool", "pybool()", "development.boolean()", "exact"),
        ("address.street", "street_address", "street_address()", "address.address()",
         "nearest: number + street name + suffix, no 'Apt./Suite' part"),
        ("address.city", "city", "city()", "address.city()", "nearest: real US city names (Faker's en_US are made up)"),
        ("address.country", "country", "country()", "address.country()", "exact"),
    ],
    "nested": [
        ("id", "uuid4", "uuid4()", "cryptographic.uuid()", "exact"),
        ("customer.name", "name", "name()", "person.full_name()", "nearest: no prefixes/suffixes"),
        ("customer.email", "email", "email()", "person.email()", "nearest"),
        ("created", "date_time", 'date_time().isoformat(timespec="seconds")', "datetime.datetime(1970, this year) ISO text", "nearest"),
        ("items[5].product", "word", "word()", "text.word()", "exact (one word from its list)"),
        ("items[5].quantity", "random_int:min=1,max=10", "random_int(1, 10)", "numeric.integer_number(1, 10)",
         "exact"),
        ("items[5].price", "pydecimal:left_digits=3,right_digits=2,positive=true",
         "pydecimal(left_digits=3, right_digits=2, positive=True)", "finance.price(0.01, 999.99)",
         "nearest: a 2-digit float in the same range, not a Decimal"),
    ],
}


# --------------------------------------------------------------------------------------------------------------
# Workers: one fixture, one tool, N records to NDJSON.

def faker_records(fixture, seed):
    from faker import Faker

    Faker.seed(seed)
    fake = Faker("en_US")
    # Bound once: the per-call proxy lookup is not what is being compared.
    name, email, phone = fake.name, fake.email, fake.phone_number
    uuid4, first, last, rint = fake.uuid4, fake.first_name, fake.last_name, fake.random_int
    date_time, pybool, street, city, country = fake.date_time, fake.pybool, fake.street_address, fake.city, fake.country
    word, pydecimal = fake.word, fake.pydecimal
    if fixture == "simple":
        return lambda: {"name": name(), "email": email(), "phone_number": phone()}
    if fixture == "person":
        return lambda: {
            "id": uuid4(), "first_name": first(), "last_name": last(), "email": email(), "phone": phone(),
            "age": rint(18, 90), "created_at": date_time().isoformat(timespec="seconds"), "active": pybool(),
            "address": {"street": street(), "city": city(), "country": country()},
        }
    if fixture == "nested":
        def item():
            return {"product": word(), "quantity": rint(1, 10),
                    "price": float(pydecimal(left_digits=3, right_digits=2, positive=True))}
        return lambda: {
            "id": uuid4(), "customer": {"name": name(), "email": email()}, "created": date_time().isoformat(timespec="seconds"),
            "items": [item(), item(), item(), item(), item()],
        }
    raise SystemExit(f"unknown fixture {fixture}")


def mimesis_records(fixture, seed):
    from mimesis import Generic, Locale

    generic = Generic(locale=Locale.EN, seed=seed)
    person, address, numeric = generic.person, generic.address, generic.numeric
    full_name, email, phone = person.full_name, person.email, person.phone_number
    uuid, first, last, rint = generic.cryptographic.uuid, person.first_name, person.last_name, numeric.integer_number
    moment, boolean = generic.datetime.datetime, generic.development.boolean
    street, city, country = address.address, address.city, address.country
    word, price = generic.text.word, generic.finance.price
    this_year = datetime.date.today().year

    def created():
        return moment(1970, this_year).isoformat(timespec="seconds")

    if fixture == "simple":
        return lambda: {"name": full_name(), "email": email(), "phone_number": phone()}
    if fixture == "person":
        return lambda: {
            "id": uuid(), "first_name": first(), "last_name": last(), "email": email(), "phone": phone(),
            "age": rint(18, 90), "created_at": created(), "active": boolean(),
            "address": {"street": street(), "city": city(), "country": country()},
        }
    if fixture == "nested":
        def item():
            return {"product": word(), "quantity": rint(1, 10), "price": price(0.01, 999.99)}
        return lambda: {
            "id": uuid(), "customer": {"name": full_name(), "email": email()}, "created": created(),
            "items": [item(), item(), item(), item(), item()],
        }
    raise SystemExit(f"unknown fixture {fixture}")


def generate(args):
    make = {"faker": faker_records, "mimesis": mimesis_records}[args.tool]
    record = make(args.fixture, args.seed)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        left = args.count
        while left > 0:
            batch = min(left, 1000)
            out.write("".join(dumps(record()) + "\n" for _ in range(batch)))
            left -= batch


# --------------------------------------------------------------------------------------------------------------
# The bench: every tool on every fixture, in one run.

NICE = 0


def lower_niceness():
    if NICE:
        try:
            os.nice(NICE)
        except OSError:
            pass


def run_once(command):
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               preexec_fn=lower_niceness)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench-peers: {shlex.join(command)} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(command_for, count, repeats, startup_repeats):
    """The figures of one tool on one fixture: start-up from 1-record runs, throughput from `count`-record runs."""
    ones = [run_once(command_for(1)) for _ in range(startup_repeats)]
    fulls = [run_once(command_for(count)) for _ in range(repeats)]
    start_wall = statistics.median(w for w, _, _ in ones)
    start_cpu = statistics.median(c for _, c, _ in ones)
    wall = statistics.median(w for w, _, _ in fulls)
    cpu = statistics.median(c for _, c, _ in fulls)
    return {
        "count": count,
        "wall": wall,
        # None when the N-record run was not measurably longer than the 1-record one (N too small for the noise).
        "rate": (count - 1) / (wall - start_wall) if wall > start_wall else None,
        "cpu_rate": (count - 1) / (cpu - start_cpu) if cpu > start_cpu else None,
        "rss_mb": max(r for _, _, r in fulls) / 1024,
        "startup_ms": start_wall * 1000,
        "startup_rss_mb": max(r for _, _, r in ones) / 1024,
        "walls": [w for w, _, _ in fulls],
    }


def human(value):
    if value is None:
        return "n/a"
    if value >= 1e6:
        return f"{value / 1e6:.2f} M"
    if value >= 1e4:
        return f"{value / 1e3:.0f} k"
    if value >= 1e3:
        return f"{value / 1e3:.1f} k"
    return f"{value:.0f}"


def ratio(ours, theirs):
    if ours is None or not theirs:
        return "n/a"
    return f"{ours / theirs:,.1f}×" if ours / theirs >= 10 else f"{ours / theirs:.2f}×"


def machine_line():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return model, os.cpu_count(), load


def peer_versions(python):
    code = "import faker, mimesis, platform; print(faker.VERSION, mimesis.__version__, platform.python_version())"
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return {"faker": out[0], "mimesis": out[1], "python": out[2]}


def bench(args):
    global NICE
    NICE = args.nice if os.geteuid() == 0 else 0
    source = os.path.abspath(args.phoney)
    if not os.access(source, os.X_OK):
        raise SystemExit(f"bench-peers: no phoney binary at {source} (build it, or pass --phoney)")
    # Measure a copy, so that a rebuild of the original during the run changes nothing.
    os.makedirs(args.snapshot_dir, exist_ok=True)
    phoney = os.path.join(os.path.abspath(args.snapshot_dir), "phoney")
    if phoney != source:
        shutil.copy2(source, phoney + ".tmp")
        os.replace(phoney + ".tmp", phoney)
    python = args.python or sys.executable
    versions = peer_versions(python)
    threads = args.threads or os.cpu_count() or 1
    me = os.path.abspath(__file__)
    load_before = os.getloadavg()
    started = time.time()

    def phoney_command(fixture, thread_count):
        path = os.path.join(ROOT, "fixtures", f"{fixture}.json")
        return lambda n: [phoney, "generate", path, "--count", str(n), "--format", "ndjson", "--seed", "1",
                          "--threads", str(thread_count), "--output", "/dev/null"]

    def peer_command(tool, fixture):
        return lambda n: [python, me, "generate", "--tool", tool, "--fixture", fixture, "--count", str(n),
                          "--seed", "1", "--output", "/dev/null"]

    tools = [
        ("Faker", "faker", args.faker_count, lambda f: peer_command("faker", f)),
        ("Mimesis", "mimesis", args.mimesis_count, lambda f: peer_command("mimesis", f)),
        ("phoney, 1 thread", "phoney1", args.phoney_count, lambda f: phoney_command(f, 1)),
        (f"phoney, {threads} threads", "phoneyN", args.phoney_count, lambda f: phoney_command(f, threads)),
    ]
    results = {}
    for fixture in args.fixtures:
        for label, key, count, command in tools:
            figures = measure(command(fixture), count, args.repeats, args.startup_repeats)
            results[(fixture, key)] = figures
            print(f"  {fixture:7} {label:18} {figures['count']:>9,} records: {human(figures['rate']):>8} records/s"
                  f" (per CPU-s {human(figures['cpu_rate'])}), peak RSS {figures['rss_mb']:.1f} MB,"
                  f" start-up {figures['startup_ms']:.1f} ms", file=sys.stderr, flush=True)
    elapsed = time.time() - started

    model, cores, load_after = machine_line()
    command = args.command or shlex.join([os.path.relpath(me, ROOT), *sys.argv[1:]])
    lines = []
    lines.append("# Phoney beside Faker and Mimesis")
    lines.append("")
    lines.append(f"Measured {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')} on {model},"
                 f" {cores} cores (shared: other engineers compile on it); load average before"
                 f" {' '.join(f'{x:.2f}' for x in load_before)}, after {load_after}. Run took {elapsed:.0f} s.")
    lines.append("")
    lines.append(f"Command: `{command}`")
    lines.append("")
    lines.append(f"Peers: Python {versions['python']}, Faker {versions['faker']}, Mimesis {versions['mimesis']}"
                 f" (virtualenv `.build-tools/peers-venv`). Ours: `{os.path.relpath(source, ROOT)}`"
                 f" ({os.path.getsize(phoney) / 1e6:.1f} MB, measured as a copy), `phoney generate fixtures/F.json --count N --format"
                 f" ndjson --seed 1 --threads T --output /dev/null`.")
    lines.append("")
    lines.append("Every tool writes the same fields as NDJSON to /dev/null, seeded, one process per run. records/s is"
                 " (N − 1) / (wall of N records − wall of 1 record), the median wall of"
                 f" {args.repeats} runs of N and {args.startup_repeats} of 1: the rate once the process is up."
                 " Per CPU-s is the same with user + system CPU time (wait4), which the machine's load moves much"
                 " less; for the multi-threaded run it adds the threads' time. Every measured process ran at nice"
                 f" {NICE}, to wait less behind the other engineers' compilers. Peak RSS is ru_maxrss of the N-record"
                 " run; start-up is the wall time of a whole 1-record run.")
    lines.append("")
    lines.append("| fixture | tool | N | records/s | records per CPU-s | peak RSS | start-up (1 record) |")
    lines.append("|---|---|--:|--:|--:|--:|--:|")
    for fixture in args.fixtures:
        for label, key, _, _ in tools:
            r = results[(fixture, key)]
            lines.append(f"| {fixture} | {label} | {r['count']:,} | {human(r['rate'])} | {human(r['cpu_rate'])} |"
                         f" {r['rss_mb']:.1f} MB | {r['startup_ms']:.1f} ms |")
    lines.append("")
    lines.append("## Ours ÷ theirs")
    lines.append("")
    lines.append("Throughput ratios above 1 mean Phoney is faster; RSS and start-up ratios below 1 mean Phoney is"
                 " smaller or quicker.")
    lines.append("")
    lines.append("Per CPU-second is the ratio to quote: it does not depend on how busy the machine was during"
                 " each tool's turn. The wall-clock ratios carry that noise.")
    lines.append("")
    def span(values, fmt):
        low, high = fmt.format(min(values)), fmt.format(max(values))
        return low if low == high else f"{low}–{high}"

    for label, key in (("Faker", "faker"), ("Mimesis", "mimesis")):
        fixtures = [f for f in args.fixtures if results[(f, "phoney1")]["cpu_rate"] and results[(f, key)]["cpu_rate"]]
        if not fixtures:
            continue
        speed = [results[(f, "phoney1")]["cpu_rate"] / results[(f, key)]["cpu_rate"] for f in fixtures]
        memory = [results[(f, "phoney1")]["rss_mb"] / results[(f, key)]["rss_mb"] for f in fixtures]
        start = [results[(f, key)]["startup_ms"] / results[(f, "phoney1")]["startup_ms"] for f in fixtures]
        lines.append(f"- Against {label}: Phoney on one thread makes {span(speed, '{:,.0f}')} times as many records"
                     f" per CPU-second, with {span(memory, '{:.2f}')} × its peak RSS, and starts"
                     f" {span(start, '{:.0f}')} times sooner.")
    lines.append("")
    lines.append("| fixture | against | per CPU-s, 1 thread | records/s, 1 thread | records/s, all threads |"
                 " peak RSS, 1 thread | start-up |")
    lines.append("|---|---|--:|--:|--:|--:|--:|")
    for fixture in args.fixtures:
        one, many = results[(fixture, "phoney1")], results[(fixture, "phoneyN")]
        for label, key in (("Faker", "faker"), ("Mimesis", "mimesis")):
            peer = results[(fixture, key)]
            lines.append(f"| {fixture} | {label} | {ratio(one['cpu_rate'], peer['cpu_rate'])} |"
                         f" {ratio(one['rate'], peer['rate'])} | {ratio(many['rate'], peer['rate'])} |"
                         f" {ratio(one['rss_mb'], peer['rss_mb'])} | {ratio(one['startup_ms'], peer['startup_ms'])} |")
    lines.append("")
    lines.append("## Which peer call makes each field")
    lines.append("")
    lines.append("Faker has each of the fixtures' generators under the same name and arguments (Phoney's generator"
                 " names are Faker's), so its records are the same kind of data; its `date_time` is written with"
                 " `isoformat(timespec=\"seconds\")`, as Phoney writes it, its `pydecimal` as a JSON number. Phoney's `email` follows the"
                 " record's name where it has one (Alton Cruz, alton_cruz@example.com), Faker's and Mimesis's do not"
                 " (a little less work for them). Mimesis has no generator of several of these: the nearest one is used, and the note says how it differs.")
    lines.append("")
    lines.append("| fixture | field | Phoney | Faker | Mimesis | Mimesis mapping |")
    lines.append("|---|---|---|---|---|---|")
    for fixture in args.fixtures:
        for field, ours, faker_call, mimesis_call, note in PEER_FIELDS[fixture]:
            lines.append(f"| {fixture} | `{field}` | `{ours}` | `{faker_call}` | `{mimesis_call}` | {note} |")
    lines.append("")
    lines.append("Not compared: `wide` (Mimesis lacks too many of its fifty generators for the comparison to mean"
                 " much). Faker and Mimesis are single-threaded; the all-threads column is Phoney's own engine"
                 f" with {threads} threads on a machine whose second core is often busy with others' builds, so"
                 " here it may gain little or nothing over one thread.")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"bench-peers: wrote {args.markdown}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    g = sub.add_parser("generate", help="one worker: N records of a fixture from a peer, as NDJSON")
    g.add_argument("--tool", choices=("faker", "mimesis"), required=True)
    g.add_argument("--fixture", choices=FIXTURES, required=True)
    g.add_argument("--count", type=int, default=1)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--output", default="-")
    b = sub.add_parser("bench", help="all tools on all fixtures, one table")
    b.add_argument("--phoney", default=os.path.join(ROOT, ".build/release/phoney"))
    b.add_argument("--snapshot-dir", default=os.path.join(ROOT, ".build-tools/report-bin"),
                   help="the phoney binary is copied here and the copy measured")
    b.add_argument("--python", help="the Python with Faker and Mimesis (default: this one)")
    b.add_argument("--fixtures", nargs="+", choices=FIXTURES, default=list(FIXTURES))
    b.add_argument("--faker-count", type=int, default=10_000)
    b.add_argument("--mimesis-count", type=int, default=50_000)
    b.add_argument("--phoney-count", type=int, default=1_000_000)
    b.add_argument("--threads", type=int, help="phoney's all-threads run (default: the machine's cores)")
    b.add_argument("--nice", type=int, default=-10,
                   help="niceness of every measured process (negative only as root): less waiting behind other"
                        " processes on a shared machine")
    b.add_argument("--repeats", type=int, default=3)
    b.add_argument("--startup-repeats", type=int, default=5)
    b.add_argument("--markdown", help="also write the table as markdown to this file")
    b.add_argument("--command", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "generate":
        generate(args)
    else:
        bench(args)


if __name__ == "__main__":
    main()
