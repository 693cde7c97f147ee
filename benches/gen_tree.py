#!/usr/bin/env python3
"""Generates a tree of source-like files for throughput benchmarks.

Content is real source code: the crate sources cargo leaves in
~/.cargo/registry/src (run `cargo fetch` first), copied round-robin into
DEST until it holds SIZE_MB megabytes. One file in 500 gets a fake credential
appended so the scan has something to find.
Usage: gen_tree.py DEST SIZE_MB
"""
import os
import random
import sys

SOURCE_EXTS = {".rs", ".toml", ".md", ".c", ".h", ".py", ".js", ".json", ".yml", ".yaml", ".txt", ".sh"}


def sources():
    root = os.path.expanduser("~/.cargo/registry/src")
    files = []
    for dirpath, _, names in os.walk(root):
        for n in names:
            if os.path.splitext(n)[1] in SOURCE_EXTS:
                p = os.path.join(dirpath, n)
                try:
                    if 0 < os.path.getsize(p) < 2_000_000:
                        files.append(p)
                except OSError:
                    pass
    files.sort()
    if not files:
        sys.exit("no crate sources under ~/.cargo/registry/src: run `cargo fetch` first")
    return files


def fake_token(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    body = "".join(rng.choice(alphabet) for _ in range(36))
    return f'\nconst GITHUB_TOKEN: &str = "ghp_{body}";\n'


def main():
    dest, size_mb = sys.argv[1], int(sys.argv[2])
    target = size_mb * 1_000_000
    rng = random.Random(42)
    files = sources()
    written, n = 0, 0
    while written < target:
        src = files[n % len(files)]
        with open(src, "rb") as f:
            data = f.read()
        if n % 500 == 0:
            data += fake_token(rng).encode()
        rel = os.path.relpath(src, os.path.expanduser("~/.cargo/registry/src"))
        out = os.path.join(dest, f"copy{n // len(files)}", rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(data)
        written += len(data)
        n += 1
    print(f"generated {n} files, {written / 1e6:.0f} MB in {dest}")


if __name__ == "__main__":
    main()
