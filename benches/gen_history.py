#!/usr/bin/env python3
"""Generates git repositories of real source code for the history and staged benchmarks.

Content is the crate sources cargo leaves in ~/.cargo/registry/src (run
`cargo fetch` first). The repositories are written with `git fast-import`
(a stream generated here), which is much faster than committing file by file.

  gen_history.py history DEST [--commits 20000] [--edits 5] [--seed 1]
      A history of --commits commits on `main` plus merged feature branches:
      the crate files are added over the first commits, then every commit edits
      --edits files (replaces, inserts or deletes a few lines with lines from
      other files), so every edit is a new unique blob. Some commits rename or
      delete a file; one commit in 400 adds a fake credential (and a later one
      may remove it), so the scan has findings to attribute. Every tenth
      commit is on a short feature branch merged back with a merge commit.

  gen_history.py tree DEST [--files 50000]
      One commit holding --files files (the crate sources copied into
      copy0/, copy1/… until there are enough), checked out in DEST.
"""
import argparse
import os
import random
import subprocess
import sys

SOURCE_EXTS = {
    ".rs", ".toml", ".md", ".c", ".h", ".py", ".js", ".json", ".yml", ".yaml", ".txt", ".sh",
}
REGISTRY = os.path.expanduser("~/.cargo/registry/src")
MAX_FILE = 200_000
EPOCH = 1_600_000_000


def sources():
    """(path relative to the registry, bytes) of every source file, sorted."""
    out = []
    for dirpath, dirs, names in os.walk(REGISTRY):
        dirs.sort()
        for n in sorted(names):
            if os.path.splitext(n)[1] not in SOURCE_EXTS:
                continue
            p = os.path.join(dirpath, n)
            try:
                if not 0 < os.path.getsize(p) <= MAX_FILE:
                    continue
                with open(p, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            rel = os.path.relpath(p, REGISTRY)
            # drop the registry index dir (index.crates.io-…/)
            rel = rel.split(os.sep, 1)[1] if os.sep in rel else rel
            out.append((rel.replace(os.sep, "/"), data))
    if not out:
        sys.exit("no crate sources under ~/.cargo/registry/src: run `cargo fetch` first")
    return out


def fake_token(rng):
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    return "ghp_" + "".join(rng.choice(alphabet) for _ in range(36))


class Stream:
    """Writes a fast-import stream to a running `git fast-import`."""

    def __init__(self, dest):
        self.proc = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--done"],
            cwd=dest,
            stdin=subprocess.PIPE,
        )
        self.out = self.proc.stdin
        self.mark = 0

    @staticmethod
    def quote(path):
        return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def raw(self, s):
        self.out.write(s if isinstance(s, bytes) else s.encode())

    def data(self, b):
        self.raw(f"data {len(b)}\n")
        self.raw(b)
        self.raw(b"\n")

    def commit(self, ref, who, when, msg, parents, changes):
        """changes: list of ("M", path, bytes) | ("D", path) | ("R", old, new)."""
        self.mark += 1
        name, email = who
        self.raw(f"commit {ref}\nmark :{self.mark}\n")
        self.raw(f"author {name} <{email}> {when} +0000\n")
        self.raw(f"committer {name} <{email}> {when} +0000\n")
        self.data(msg.encode())
        if parents:
            self.raw(f"from :{parents[0]}\n")
            for p in parents[1:]:
                self.raw(f"merge :{p}\n")
        for c in changes:
            if c[0] == "M":
                self.raw(f"M 100644 inline {self.quote(c[1])}\n")
                self.data(c[2])
            elif c[0] == "D":
                self.raw(f"D {self.quote(c[1])}\n")
            else:
                self.raw(f"R {self.quote(c[1])} {self.quote(c[2])}\n")
        self.raw("\n")
        return self.mark

    def close(self):
        self.raw("done\n")
        self.out.close()
        if self.proc.wait() != 0:
            sys.exit("git fast-import failed")


AUTHORS = [
    ("Alice Example", "alice@example.com"),
    ("Bob Builder", "bob@example.org"),
    ("Carol Coder", "carol@example.net"),
    ("Dan Dev", "dan@example.com"),
    ("Eve Engineer", "eve@example.org"),
]


def edit(rng, data, donor_lines):
    """A realistic small edit: replace, insert or delete a few lines."""
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    n = rng.randint(1, 4)
    kind = rng.random()
    new = [rng.choice(donor_lines) for _ in range(n)]
    if kind < 0.5:
        lines[at:at + n] = new
    elif kind < 0.85 or len(lines) < 10:
        lines[at:at] = new
    else:
        del lines[at:at + n]
    return b"\n".join(lines)


def init_repo(dest):
    if os.path.exists(dest):
        sys.exit(f"{dest} exists; remove it first")
    os.makedirs(dest)
    subprocess.run(["git", "init", "-q", "-b", "main", dest], check=True)


def history(args):
    rng = random.Random(args.seed)
    files = sources()
    init_repo(args.dest)
    donor_lines = []
    for _, data in files[:: max(1, len(files) // 2000)]:
        donor_lines.extend(l for l in data.split(b"\n")[:200] if len(l) < 200)
    pending = [(f"crates/{p}", d) for p, d in files]  # files not yet added
    rng.shuffle(pending)
    current = {}  # path -> content at main's tip
    paths = []  # paths at main's tip (for random choice)
    secrets = []  # paths holding a fake token (to maybe remove later)
    s = Stream(args.dest)
    tip = None
    when = EPOCH
    add_per_commit = max(1, len(pending) // max(1, args.commits // 10))
    made = 0
    branch_no = 0

    def changes_for_commit():
        ch = []
        r = rng.random()
        if paths and r < 0.01:  # rename
            old = rng.choice(paths)
            new = old.rsplit("/", 1)[0] + f"/renamed_{made}_" + old.rsplit("/", 1)[-1]
            ch.append(("R", old, new))
            current[new] = current.pop(old)
            paths[paths.index(old)] = new
            if old in secrets:
                secrets[secrets.index(old)] = new
        elif paths and r < 0.015:  # delete
            old = rng.choice(paths)
            ch.append(("D", old))
            del current[old]
            paths.remove(old)
            if old in secrets:
                secrets.remove(old)
        # Grow the tree over the first tenth of the history.
        for _ in range(add_per_commit):
            if not pending:
                break
            p, d = pending.pop()
            if p not in current:
                paths.append(p)
            current[p] = d
            ch.append(("M", p, d))
        for _ in range(args.edits if paths else 0):
            p = rng.choice(paths)
            d = edit(rng, current[p], donor_lines)
            if rng.random() < 1 / 400:
                d += f'\n    let github_token = "{fake_token(rng)}";\n'.encode()
                secrets.append(p)
            elif secrets and rng.random() < 1 / 800:
                p = secrets.pop(rng.randrange(len(secrets)))
                d = b"\n".join(l for l in current[p].split(b"\n") if b"ghp_" not in l)
            current[p] = d
            ch.append(("M", p, d))
        return ch

    while made < args.commits:
        when += rng.randint(60, 7200)
        who = rng.choice(AUTHORS)
        if tip is not None and made % 10 == 9 and made + 3 <= args.commits:
            # A feature branch of two commits, merged back with --no-ff.
            branch_no += 1
            ref = f"refs/heads/feature/{branch_no}"
            base = tip
            b = base
            replay = []
            for _ in range(2):
                ch = changes_for_commit()
                replay.extend(ch)
                b = s.commit(ref, who, when, f"feature {branch_no}", [b], ch)
                when += 60
                made += 1
            # main did not move: the merge's tree is the branch's (fast-import
            # builds it from the first parent, so replay the branch's changes).
            tip = s.commit(
                "refs/heads/main", who, when, f"Merge feature {branch_no}", [base, b], replay
            )
            made += 1
            continue
        tip = s.commit(
            "refs/heads/main", who, when, f"commit {made}", [tip] if tip else [], changes_for_commit()
        )
        made += 1
    s.close()
    # Pack it as a clone would have it (fast-import's pack holds every
    # version as a long delta chain against the previous one, 3x larger).
    subprocess.run(["git", "-C", args.dest, "repack", "-adfq"], check=True)
    subprocess.run(["git", "-C", args.dest, "reset", "-q", "--hard", "main"], check=True)
    print(f"generated {made} commits in {args.dest}")


def tree(args):
    files = sources()
    init_repo(args.dest)
    s = Stream(args.dest)
    changes = []
    copy = 0
    while len(changes) < args.files:
        for p, d in files:
            changes.append(("M", f"copy{copy}/{p}", d))
            if len(changes) == args.files:
                break
        copy += 1
    s.commit("refs/heads/main", AUTHORS[0], EPOCH, "import", [], changes)
    s.close()
    # fast-import deltas each blob against the previous one (chains of 50
    # unrelated files): repack as a clone would have it.
    subprocess.run(["git", "-C", args.dest, "repack", "-adfq"], check=True)
    subprocess.run(["git", "-C", args.dest, "reset", "-q", "--hard", "main"], check=True)
    subprocess.run(["git", "-C", args.dest, "tag", "base"], check=True)
    print(f"generated one commit of {len(changes)} files in {args.dest}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    h = sub.add_parser("history")
    h.add_argument("dest")
    h.add_argument("--commits", type=int, default=20000)
    h.add_argument("--edits", type=int, default=5)
    h.add_argument("--seed", type=int, default=1)
    t = sub.add_parser("tree")
    t.add_argument("dest")
    t.add_argument("--files", type=int, default=50000)
    args = ap.parse_args()
    history(args) if args.mode == "history" else tree(args)


if __name__ == "__main__":
    main()
