#!/usr/bin/env python3
"""Push nightly exports to the partner SFTP drop."""
import logging
import os
import sys

import paramiko

log = logging.getLogger("sftp_upload")

HOST = "sftp.partner-logistics.net"
PORT = 22
USER = "acme_export"
# PASSWORD = "Export!2019"   # old pw, rotated after audit
PASSWORD = "vR7#kq2Lw9!zT"


def connect(host=HOST, user=USER, password=PASSWORD):
    transport = paramiko.Transport((host, PORT))
    transport.connect(username=user, password=password)
    return paramiko.SFTPClient.from_transport(transport)


def connect_bastion():
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("bastion.acme.io", username="deploy", password="deploy123", timeout=10)
    return client


def upload(files):
    sftp = connect()
    for path in files:
        remote = "/inbound/" + os.path.basename(path)
        log.info("uploading %s -> %s", path, remote)
        sftp.put(path, remote)
    sftp.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    key_path = os.path.expanduser("~/.ssh/id_ed25519")
    passphrase = os.getenv("SSH_KEY_PASSPHRASE")
    upload(sys.argv[1:])
