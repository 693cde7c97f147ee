"""billing-admin command line tool."""
import argparse
import getpass
import os

DEFAULT_PASSWORD_FILE = "/etc/app/db.pass"
DSN_TEMPLATE = "postgresql://%(user)s:%(password)s@%(host)s/%(db)s"


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="billing-admin")
    p.add_argument("--user", default="billing")
    p.add_argument("--password", help="database password (default: prompt)")
    p.add_argument("--password-file", default=DEFAULT_PASSWORD_FILE)
    p.add_argument("--api-key", default=os.getenv("API_KEY"))
    return p.parse_args(argv)


def read_password(args):
    if args.password:
        return args.password
    if os.path.exists(args.password_file):
        with open(args.password_file) as fh:
            return fh.read().strip()
    return getpass.getpass("Enter your password: ")


def dsn(args, password):
    return DSN_TEMPLATE % {"user": args.user, "password": password, "host": "localhost", "db": "billing"}


def main():
    args = parse_args()
    password = read_password(args)
    confirm = getpass.getpass("Confirm: ")
    if password != confirm:
        raise SystemExit("passwords do not match")
    print(dsn(args, "***"))


if __name__ == "__main__":
    main()
