#!/usr/bin/python3
"""A loopback SMS gateway for tests that fails on purpose.

Each request takes the next outcome from a script (then --default):
  "200", "503", "429", "400", ... answer with that status and a short JSON body
  "400-echo"  answer 400 with a body that repeats the Authorization header (a careless gateway)
  "hang"      never answer: hold the connection for --hang-ms, then close it
  "drop"      read the request, then close the connection without answering
  "reset"     read the request, then reset the connection (RST)
POST /_control {"script": [...], "default": "200"} replaces the script (not recorded).
Every other request is recorded, before it is answered, as one JSON line in --record:
{"method", "path", "authorization", "idempotency_key", "content_type", "body", "json", "outcome",
"client_port"} (the port tells one connection from another).
--keep-alive answers as HTTP/1.1 and keeps connections open between requests (else HTTP/1.0:
one request per connection).
With --cert and --key it speaks HTTPS. Prints "PORT <n>" when it listens on 127.0.0.1; exits when its standard input closes.
"""
import argparse
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Script:
    def __init__(self, outcomes, default):
        self.lock = threading.Lock()
        self.outcomes = list(outcomes)
        self.default = default

    def next(self):
        with self.lock:
            return self.outcomes.pop(0) if self.outcomes else self.default

    def replace(self, outcomes, default):
        with self.lock:
            self.outcomes = list(outcomes)
            self.default = default


def make_handler(script, record_path, hang_seconds, record_lock):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass  # the record file is the log

        def read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = self.read_body()
            if self.path == "/_control":
                command = json.loads(body or b"{}")
                script.replace(command.get("script", []), command.get("default", "200"))
                self.answer(200, {"ok": True})
                return
            outcome = script.next()
            text = body.decode("utf-8", errors="replace")
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            entry = {
                "method": self.command,
                "path": self.path,
                "authorization": self.headers.get("Authorization"),
                "idempotency_key": self.headers.get("Idempotency-Key"),
                "content_type": self.headers.get("Content-Type"),
                "body": text,
                "json": parsed,
                "outcome": outcome,
                "client_port": self.client_address[1],
            }
            with record_lock, open(record_path, "a", encoding="utf-8") as record:
                record.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.act(outcome)

        def act(self, outcome):
            if outcome == "hang":
                time.sleep(hang_seconds)
                self.close_connection = True
            elif outcome == "drop":
                self.close_connection = True
            elif outcome == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
            elif outcome == "400-echo":
                self.answer(400, {"error": "bad request", "you_sent": self.headers.get("Authorization")})
            else:
                status = int(outcome)
                self.answer(status, {"status": status, "message": f"scripted answer {status}"})

    return Handler


def exit_when_stdin_closes():
    # The test that started us may die without stopping us; its end closes our stdin.
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", required=True)
    parser.add_argument("--script", default="", help="comma-separated outcomes for the first requests")
    parser.add_argument("--default", default="200")
    parser.add_argument("--hang-ms", type=int, default=30000)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--keep-alive", action="store_true")
    options = parser.parse_args()

    script = Script([o for o in options.script.split(",") if o], options.default)
    handler = make_handler(script, options.record, options.hang_ms / 1000.0, threading.Lock())
    if options.keep_alive:
        handler.protocol_version = "HTTP/1.1"
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if options.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
