"""`make staff-user EMAIL=…`: creates a staff account of the console or sets a new password.

The password is asked for twice on the terminal (not shown), or read from standard input when
there is no terminal (two lines, the same twice); never from the command line, where every
user of the machine would see it.
"""

import argparse
import getpass
import sys

from console import accounts


def read_password() -> tuple:
    if sys.stdin.isatty():
        return getpass.getpass("Heslo: "), getpass.getpass("Heslo znovu: ")
    lines = sys.stdin.read().splitlines() + ["", ""]
    return lines[0], lines[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("email")
    args = parser.parse_args(argv)
    first, second = read_password()
    if first != second:
        print("make staff-user: hesla se neshodují, nic se nezměnilo", file=sys.stderr)
        return 2
    try:
        created = accounts.set_password(args.email, first)
    except accounts.Refused as refused:
        print(f"make staff-user: {refused}", file=sys.stderr)
        return 2
    email = accounts.normalised(args.email)
    print(f"Účet {email} {'vytvořen' if created else 'má nové heslo (jeho relace skončily)'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
