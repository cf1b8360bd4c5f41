"""A minimal HTTP/1.1 loopback server for the per-call benchmarks, run in its own process.

It answers the gather endpoints the way the API does (201 with a Location, a gather as
JSON, 200 for a stop), with keep-alive and each answer in one write, and does nothing
else: what the benchmarks measure is the client.

    python bench/_loopback.py PORT_FILE
"""

from __future__ import annotations

import socket
import sys
import threading

GATHER = (b'{"id":"gtr-1","state":"completed","reason":"max-digits","digits":"12345",'
          b'"createdTime":"2014-07-31T01:01:20Z","completedTime":"2014-07-31T01:01:27Z"}')


def answer(method: bytes, path: bytes) -> bytes:
    if method == b"POST" and path.endswith(b"/gather"):
        return (b"HTTP/1.1 201 Created\r\nLocation: " + path + b"/gtr-1\r\n"
                b"Content-Length: 0\r\n\r\n")
    if method == b"GET":
        return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n"
                b"Content-Length: %d\r\n\r\n%s" % (len(GATHER), GATHER))
    return b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"


def serve(conn: socket.socket) -> None:
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in buffer:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                buffer += chunk
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            method, path, _ = lines[0].split(b" ", 2)
            length = 0
            for line in lines[1:]:
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            while len(buffer) < length:
                buffer += conn.recv(65536)
            buffer = buffer[length:]
            conn.sendall(answer(method, path))


def main() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    with open(sys.argv[1], "w") as out:
        out.write(str(listener.getsockname()[1]))
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
