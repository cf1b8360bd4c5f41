"""Command line: ``python -m catapult listen`` (print callback events) and ``sandbox``."""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from .callbacks import CallbackApp, make_server
from .events import Event


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m catapult",
                                     description="Tools for the Catapult voice API v1.")
    commands = parser.add_subparsers(dest="command", required=True)

    listen = commands.add_parser("listen", help="receive callback events and print each one")
    listen.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    listen.add_argument("--port", type=int, default=8000, help="port to bind (8000; 0: any)")
    listen.add_argument("--username", help="require these Basic credentials")
    listen.add_argument("--password", help="require these Basic credentials")

    args = parser.parse_args(argv)
    if args.command == "listen":
        return _listen(args)
    return 2  # pragma: no cover - argparse rejects unknown commands first


def _listen(args: argparse.Namespace) -> int:
    if (args.username is None) != (args.password is None):
        print("--username and --password go together", file=sys.stderr)
        return 2
    app = CallbackApp(username=args.username, password=args.password)

    @app.on_any
    def show(event: Event) -> None:
        print(event.describe(), flush=True)

    server = make_server(app, args.host, args.port)
    print(f"listening for callback events on http://{args.host}:{server.server_port}/ "
          "(Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
