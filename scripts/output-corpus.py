#!/usr/bin/env python3
"""The reference corpus: every generator, in every locale, in every format, for fixed seeds, as SHA-256 digests.

Output bytes for a given seed are part of Phoney's API, so a change that alters any of them must be deliberate.
The golden files pin a few templates byte for byte; this corpus pins everything the catalog can make, cheaply:
one template per generator group (every generator with its default parameters, plus each generator as an array
and, where it can be, as a unique field), rendered with three seeds, an offset page and several threads, in json,
ndjson and csv, for each locale. The digests are committed in fixtures/golden/corpus.sha256.

Usage:
  scripts/output-corpus.py PHONEY              compare PHONEY's output with fixtures/golden/corpus.sha256
  scripts/output-corpus.py PHONEY --record     re-record the digests (only on purpose: say why in the commit)
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGESTS = os.path.join(ROOT, "fixtures", "golden", "corpus.sha256")
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "ja_JP"]
FORMATS = ["json", "ndjson", "csv"]
NOW = "2024-06-01T12:00:00"
# (seed, offset, count, threads): a first page, a page further on with other threads, another seed.
RUNS = [(42, 0, 40, 1), (42, 1000, 25, 2), (7, 0, 30, 3)]


def run(phoney, *args):
    result = subprocess.run([phoney, *args], capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"phoney {' '.join(args)} failed: {result.stderr.decode(errors='replace')[:400]}")
    return result.stdout


def templates(phoney, work):
    """Writes the corpus templates; returns their names and paths."""
    catalog = json.loads(run(phoney, "generators", "--json"))
    names = []
    refused = []
    for name in sorted(entry["name"] for entry in catalog):
        path = os.path.join(work, "alone.json")
        with open(path, "w") as handle:
            json.dump({"v": "{{" + name + "}}"}, handle)
        ok = subprocess.run([phoney, "validate", path], capture_output=True).returncode == 0
        (names if ok else refused).append(name)
    global REFUSED
    REFUSED = refused
    out = []
    for start in range(0, len(names), 40):
        group = names[start:start + 40]
        template = {name: "{{" + name + "}}" for name in group}
        template.update({f"{name}_list": "{{[" + name + "]:count=0..2}}" for name in group[:10]})
        template["text"] = "{} and {}".format("{{" + group[0] + "}}", "{{" + group[-1] + "}}")
        out.append((f"generators-{start // 40:02d}", template))
    out.append(("person-unique", {"id": "{{uuid4:unique=true}}", "name": "{{name}}", "email": "{{email:unique=true}}",
                                  "zip": "{{zipcode}}", "n": "{{random_int:min=1,max=1000000,unique=true}}",
                                  "nick": "{{user_name:null_rate=0.3}}", "ref": "{{ref:/email}}"}))
    paths = []
    for name, template in out:
        path = os.path.join(work, name + ".json")
        with open(path, "w") as handle:
            json.dump(template, handle)
        paths.append((name, path))
    return paths


REFUSED = []


def digests(phoney):
    lines = []
    with tempfile.TemporaryDirectory() as work:
        paths = templates(phoney, work)
        # Generators that need parameters (a pattern, a list of elements) and so refuse to compile without them.
        lines.append(f"{hashlib.sha256(' '.join(REFUSED).encode()).hexdigest()}  refused without parameters: "
                     f"{len(REFUSED)} generators")
        for name, path in paths:
            for locale in LOCALES:
                for output_format in FORMATS:
                    for seed, offset, count, threads in RUNS:
                        try:
                            data = run(phoney, "generate", path, "--seed", str(seed), "--offset", str(offset),
                                       "--count", str(count), "--threads", str(threads), "--format", output_format,
                                       "--locale", locale, "--now", NOW)
                            digest = hashlib.sha256(data).hexdigest()
                        except RuntimeError as error:
                            # A template the catalog cannot compile as written is part of the record too.
                            digest = "error:" + hashlib.sha256(str(error).encode()).hexdigest()[:16]
                        lines.append(f"{digest}  {name} {locale} {output_format} seed={seed} offset={offset} "
                                     f"count={count} threads={threads}")
    return lines


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    phoney = sys.argv[1]
    lines = digests(phoney)
    if "--record" in sys.argv[2:]:
        with open(DIGESTS, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        print(f"output-corpus: recorded {len(lines)} digests in {os.path.relpath(DIGESTS, ROOT)}")
        return
    with open(DIGESTS) as handle:
        expected = handle.read().splitlines()
    if lines == expected:
        print(f"output-corpus: {len(lines)} outputs match the recorded digests")
        return
    changed = [f"  {new.split('  ', 1)[1]}" for old, new in zip(expected, lines) if old != new]
    print(f"output-corpus: {len(changed)} of {len(expected)} outputs differ from fixtures/golden/corpus.sha256 "
          f"(and {abs(len(lines) - len(expected))} more or fewer):", file=sys.stderr)
    print("\n".join(changed[:30]), file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
