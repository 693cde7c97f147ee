import boto3

client = boto3.client("secretsmanager", region_name="eu-west-1")


def list_all_secrets():
    """Walk every page of ListSecrets."""
    kwargs = {}
    while True:
        resp = client.list_secrets(**kwargs)
        yield from resp["SecretList"]
        if "NextToken" not in resp:
            break
        kwargs["NextToken"] = resp["NextToken"]


def list_files(drive, query):
    next_page_token = None
    while True:
        response = drive.files().list(q=query, pageToken=next_page_token).execute()
        yield from response.get("files", [])
        next_page_token = response["nextPageToken"] if "nextPageToken" in response else None
        if not next_page_token:
            return


def get_db_password():
    secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/billing/db-a1B2c3"
    return client.get_secret_value(SecretId=secret_arn)["SecretString"]
