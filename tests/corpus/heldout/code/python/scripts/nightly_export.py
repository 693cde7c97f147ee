#!/usr/bin/env python3
"""Nightly export of invoices to the accounting SFTP."""
import argparse
import getpass
import os
import subprocess
import sys

import paramiko

SFTP_HOST = "sftp.accounting-partner.example"


def run_pg_dump(outfile):
    env = dict(os.environ)
    env.update({
        "PGHOST": "pg-replica.internal",
        "PGUSER": "exporter",
        "PGPASSWORD": "Exp0rt3r#Hs6rqyLMlv",
        "PGDATABASE": "billing",
    })
    subprocess.run(["pg_dump", "--table=invoices", "-f", outfile], env=env, check=True)


def upload(path, password=None):
    transport = paramiko.Transport((SFTP_HOST, 22))
    transport.connect(username="acme_upload", password=password or getpass.getpass("SFTP password: "))
    sftp = paramiko.SFTPClient.from_transport(transport)
    sftp.put(path, "/incoming/" + os.path.basename(path))
    sftp.close()


def upload_backup(path):
    ssh = paramiko.SSHClient()
    ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    ssh.connect("192.168.1.20", port=2222, username="backup", password="b@ckup!99")
    with ssh.open_sftp() as sftp:
        sftp.put(path, "/volume1/backup/" + os.path.basename(path))


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="/tmp/invoices.sql")
    p.add_argument("--password", help="SFTP password (prompted if omitted)")
    a = p.parse_args(argv)
    run_pg_dump(a.out)
    upload(a.out, a.password)


if __name__ == "__main__":
    sys.exit(main())
