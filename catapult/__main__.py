"""Command line: ``python -m catapult listen`` (print callback events), ``sandbox`` (run the
embedded API), ``shell`` (a console with a sandbox, a client and a receiver), ``--version``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import shlex
import sys
import threading
from typing import Any, NoReturn, Optional, Sequence

from . import __version__
from .callbacks import CallbackApp, make_server
from .errors import CatapultError
from .events import Event


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad option ending in one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    # the same command as ``python -m catapult`` and, once installed, ``catapult``
    prog = "python -m catapult" if sys.argv[0].endswith("__main__.py") else "catapult"
    parser = _Parser(prog=prog,
                     description="Tools for the Catapult voice API v1.")
    parser.add_argument("--version", action="version", version=f"catapult {__version__}")
    commands = parser.add_subparsers(dest="command", required=True,
                                     parser_class=_Parser)

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
    sandbox.add_argument("--quiet", action="store_true",
                         help="do not print a line for each request")
    sandbox.add_argument("--open", action="store_true",
                         help="open the phone page (be the caller) in a web browser")
    sandbox.add_argument("--app", metavar="MODULE:ATTR",
                         help="serve this CallbackApp (as gunicorn names it, e.g. ivr:app) "
                              "and route a sandbox number to it, to call it from the phone")
    sandbox.add_argument("--number", default="+19195550000",
                         help="the number routed to --app (+19195550000, the phone page's)")
    sandbox.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                         help="also answer requests for this host name (or name:port); by "
                              "default only 127.0.0.1, localhost and [::1] at its port")

    shell = commands.add_parser(
        "shell", help="an interactive console with a sandbox (or, with BANDWIDTH_* set, the "
                      "real API), a client and a receiver that prints each event")
    shell.add_argument("--clock", choices=("real", "manual"), default="real",
                       help="the sandbox's clock (manual: sandbox.advance(seconds))")

    args = parser.parse_args(argv)
    if args.command == "listen":
        return _listen(args)
    if args.command == "shell":
        return _shell(args)
    return _sandbox(args)


def _shell(args: argparse.Namespace) -> int:
    import code
    import os

    import catapult

    from .callbacks import Receiver
    from .sandbox import Sandbox

    receiver = Receiver()
    receiver.app.on_any(lambda event: print(f"\n<- {event.describe()}", flush=True))
    sandbox: Optional[Sandbox] = None
    if any(name.startswith("BANDWIDTH_") for name in os.environ):
        client = catapult.Client.from_env()
        where = f"the real API ({client.base_url})"
    else:
        sandbox = Sandbox(clock=args.clock).start()
        client = sandbox.client()
        where = f"the sandbox at {sandbox.base_url}"
    namespace = {"catapult": catapult, "client": client, "sandbox": sandbox,
                 "receiver": receiver}
    _complete_names(namespace)
    banner = (f"catapult {catapult.__version__} shell on {where}\n"
              f"  client    a catapult.Client; try client.Call.<Tab>\n"
              f"  sandbox   the sandbox (answer, press, hang_up, heard, wait_for), or None\n"
              f"  receiver  prints each callback event; its URL: {receiver.url}\n"
              "e.g. call = client.Call.create(from_='+19195551212', to='+19195551213', "
              "callback_url=receiver.url)")
    try:
        code.interact(banner=banner, local=namespace, exitmsg="")
    finally:
        client.close()
        receiver.close()
        if sandbox is not None:
            sandbox.stop()
    return 0


def _complete_names(namespace: dict[str, object]) -> None:
    """Tab completion of names and attributes (``client.Call.<Tab>``), where readline is."""
    try:
        import readline
        import rlcompleter
    except ImportError:  # pragma: no cover (no readline on this platform)
        return
    readline.set_completer(rlcompleter.Completer(namespace).complete)
    readline.parse_and_bind("tab: complete")


def _sandbox(args: argparse.Namespace) -> int:
    from .sandbox import Sandbox

    sandbox = Sandbox(host=args.host, port=args.port, clock=args.clock,
                      allow_hosts=args.allow_host)
    try:
        sandbox.start()
    except OSError as exc:
        print(f"python -m catapult sandbox: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        _log_requests()
    with sandbox, contextlib.ExitStack() as served:
        base = sandbox.base_url
        print(f"Catapult sandbox running at {base}", flush=True)
        if args.app:
            try:
                served.enter_context(_serve_app(sandbox, args.app, args.number))
            except CatapultError as exc:
                print(f"python -m catapult sandbox: --app {args.app}: {exc}", file=sys.stderr)
                return 2
        print("Paste these into a shell to point the SDK (and the samples) at it:")
        for name, value in (("BANDWIDTH_API_ENDPOINT", base),
                            ("BANDWIDTH_USER_ID", sandbox.user_id),
                            ("BANDWIDTH_API_TOKEN", sandbox.api_token),
                            ("BANDWIDTH_API_SECRET", sandbox.api_secret)):
            print(f"  export {name}={shlex.quote(value)}")
        print("Drive the far end with curl, e.g.:")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/answer")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/press "
              "-H 'Content-Type: application/json' -d '{\"digits\": \"12345\"}'")
        print(f"  curl -X POST {base}/sandbox/calls/CALL_ID/hangup")
        print(f"  curl {base}/sandbox/events")
        print(f"Be the caller in a browser: {base}/")
        print("Ctrl-C to stop.", flush=True)
        if args.open and not _open_browser(f"{base}/"):
            print(f"No web browser could be started here: open {base}/ in one yourself.",
                  flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            _block()
    return 0


def _serve_app(sandbox: Any, spec: str, number: str) -> Any:
    """Serve the CallbackApp ``spec`` on a free port, with ``BANDWIDTH_*`` pointing at the
    sandbox (for the app's ``Client.from_env()``) and ``CATAPULT_APP_URL`` at where it is
    served (for the absolute URLs it builds, a BXML ``requestUrl``), and route ``number``
    to it through an application with GET callbacks (so that BXML answers run too); the
    receiver is returned, to close."""
    import os

    from .callbacks import Receiver, load_app

    receiver = Receiver()
    os.environ.update(sandbox.environment(), CATAPULT_APP_URL=receiver.url)
    try:
        receiver.serve(load_app(spec))
    except BaseException:
        receiver.close()
        raise
    with sandbox.client() as client:
        application = client.Application.create(
            name=spec, incoming_call_url=receiver.url, callback_http_method="GET")
        client.PhoneNumber.allocate(number=number, application_id=application.id)
    sandbox.served_app = spec
    print(f"Serving the app {spec} at {receiver.url}: call {number} from the phone page "
          "to reach it; \"Save as test\" on a call there writes it as a pytest test.",
          flush=True)
    return receiver


def _open_browser(url: str) -> bool:
    """Open ``url`` in a web browser; False when none could be started (a server, a
    container, a terminal with no display)."""
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False


def _log_requests() -> None:
    """Print one line per request the sandbox answers: method, path, status, time."""
    log = logging.getLogger("catapult.sandbox.requests")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


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

    try:
        server = make_server(app, args.host, args.port)
    except OSError as exc:
        print(f"python -m catapult listen: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2
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
