#!/usr/bin/env python3
"""Seeds a moto server (AWS emulator, `python3 -m moto.server`) for
tests/vault_backends.rs through boto3, which comes with moto.

Reads one JSON object on stdin:

    {"endpoint": "http://127.0.0.1:PORT", "region": "eu-west-1",
     "ops": [{"create": NAME, "string": S} | {"create": NAME, "binary": BASE64}
             | {"put": NAME, "string": S} | {"delete": NAME}],
     "iam_user": false,      # create an IAM user with secretsmanager:* and return its keys
     "enforce_auth": false}  # afterwards, make moto verify SigV4 signatures and IAM policies

and prints one JSON object:

    {"stages": {NAME: {"AWSCURRENT": VERSION_ID, "AWSPREVIOUS": VERSION_ID}},
     "credentials": {"id": ..., "secret": ...} or null,
     "paginates": true when ListSecrets with MaxResults=2 returned 2 secrets and a NextToken}
"""

import base64
import json
import sys
import urllib.request

import boto3


def main():
    spec = json.load(sys.stdin)
    endpoint, region = spec["endpoint"], spec["region"]
    session = boto3.session.Session(
        aws_access_key_id="testing-seed",
        aws_secret_access_key="testing-seed",
        region_name=region,
    )
    sm = session.client("secretsmanager", endpoint_url=endpoint)
    names = []
    for op in spec.get("ops", []):
        if "create" in op:
            name = op["create"]
            if "binary" in op:
                sm.create_secret(Name=name, SecretBinary=base64.b64decode(op["binary"]))
            else:
                sm.create_secret(Name=name, SecretString=op["string"])
            names.append(name)
        elif "put" in op:
            sm.put_secret_value(SecretId=op["put"], SecretString=op["string"])
        elif "delete" in op:
            sm.delete_secret(SecretId=op["delete"], RecoveryWindowInDays=7)
        else:
            raise SystemExit(f"unknown op {op!r}")

    stages = {}
    for name in names:
        try:
            desc = sm.describe_secret(SecretId=name)
        except sm.exceptions.ResourceNotFoundException:
            continue
        by_stage = {}
        for version_id, labels in desc.get("VersionIdsToStages", {}).items():
            for label in labels:
                by_stage[label] = version_id
        stages[name] = by_stage

    # Whether moto really splits ListSecrets into pages of MaxResults (so a
    # complete result proves the client followed NextToken).
    page = sm.list_secrets(MaxResults=2)
    paginates = len(page.get("SecretList", [])) == 2 and bool(page.get("NextToken"))

    credentials = None
    if spec.get("iam_user"):
        iam = session.client("iam", endpoint_url=endpoint)
        iam.create_user(UserName="leakguard-test")
        iam.put_user_policy(
            UserName="leakguard-test",
            PolicyName="read-secrets",
            PolicyDocument=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}],
                }
            ),
        )
        key = iam.create_access_key(UserName="leakguard-test")["AccessKey"]
        credentials = {"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}

    if spec.get("enforce_auth"):
        # moto's own API: from now on every request must be signed by a known IAM key.
        req = urllib.request.Request(
            endpoint + "/moto-api/reset-auth",
            data=b"0",
            method="POST",
            headers={"Content-Type": "text/plain"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            resp.read()

    json.dump({"stages": stages, "credentials": credentials, "paginates": paginates}, sys.stdout)


if __name__ == "__main__":
    main()
