#!/usr/bin/env bash
# Memory stays flat in file size: scans one 2 GB text file (real crate
# sources concatenated, with fake secrets planted across chunk boundaries)
# and prints wall time, MB/s, peak RSS and findings. Target: RSS < 200 MB.
# Usage: benches/bigfile.sh [SIZE_MB (default 2048)] [FILE (default /tmp/leakguard-bench-big-SIZE.txt)]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-2048}
file=${2:-/tmp/leakguard-bench-big-$size_mb.txt}

cargo build --release --quiet
bin=$PWD/target/release/leakguard
if [ ! -f "$file" ]; then
  cargo fetch --quiet
  python3 - "$file" "$size_mb" <<'PY'
import os, sys, glob
path, size = sys.argv[1], int(sys.argv[2]) << 20
src = os.path.expanduser("~/.cargo/registry/src")
chunk = bytearray()
for f in sorted(glob.glob(f"{src}/*/*/src/**/*.rs", recursive=True)):
    try:
        chunk += open(f, "rb").read()
    except OSError:
        pass
    if len(chunk) > 64 << 20:
        break
chunk = bytes(chunk).replace(b"\0", b"")
# A fake AWS-style key id and a GitHub-style token, planted every 8 MiB
# straddling the chunk boundary (built here so this script holds no secret).
plant = ("\nlet key = \"AKIA" + "QX7NM4PL2RT8VW3Z" + "\";\nlet t = \"ghp_"
         + "Zq3Rv8Lm2Nx7Kp4Wt9Bc6Hd1Fg5Js0Ay" + "XwEu" + "\";\n").encode()
with open(path, "wb") as out:
    written, i = 0, 0
    while written < size:
        piece = chunk[: min(len(chunk), (8 << 20) - 40)]
        out.write(piece)
        out.write(plant)
        written += len(piece) + len(plant)
        i += 1
print(f"wrote {written >> 20} MB to {path}")
PY
fi
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null  # page cache
/usr/bin/time -v "$bin" scan "$file" --max-file-size 100G --format json -o /tmp/leakguard-bench-big.json --fail-on never \
  2> /tmp/leakguard-bench-big.time
python3 - "$bytes" <<'PY'
import json, re, sys
size = int(sys.argv[1])
t = open("/tmp/leakguard-bench-big.time").read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
r = json.load(open("/tmp/leakguard-bench-big.json"))
print(f"file {size / 1e6:.0f} MB  findings {len(r['findings'])}  scanned {r['stats']['bytes'] / 1e6:.0f} MB")
print(f"wall {secs:.2f} s  throughput {size / 1e6 / secs:.0f} MB/s  peak RSS {rss:.0f} MB")
PY
