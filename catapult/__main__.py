"""Command line: ``python -m catapult listen`` (print callback events) and ``sandbox``."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
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

    sandbox = commands.add_parser(
        "sandbox", help="run the embedded Catapult sandbox and print its URL and credentials")
    sandbox.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    sandbox.add_argument("--port", type=int, default=8080, help="port to bind (8080; 0: any)")
    sandbox.add_argument("--clock", choices=("real", "manual"), default="real",
                         help="manual: time moves only on POST /sandbox/clock/advance")

    args = parser.parse_args(argv)
    if args.command == "listen":
        return _listen(args)
    return _sandbox(args)


def _sandbox(args: argparse.Namespace) -> int:
    from .sandbox import Sandbox

    with Sandbox(host=args.host, port=args.port, clock=args.clock) as sandbox:
        base = sandbox.base_url
        print(f"Catapult sandbox running at {base}", flush=True)
        print(f"  BANDWIDTH_API_ENDPOINT={base}")
        print(f"  BANDWIDTH_USER_ID={sandbox.user_id}")
        print(f"  BANDWIDTH_API_TOKEN={sandbox.api_token}")
        print(f"  BANDWIDTH_API_SECRET={sandbox.api_secret}")
        print("Drive the far end with curl, e.g.:")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/answer")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/press -d '{{\"digits\": \"12345\"}}'")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/hangup")
        print(f"  curl {base}/sandbox/events")
        print("Ctrl-C to stop.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            _block()
    return 0


def _block() -> None:
    """Wait until Ctrl-C (KeyboardInterrupt) while the servers run in their threads."""
    threading.Event().wait()


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
