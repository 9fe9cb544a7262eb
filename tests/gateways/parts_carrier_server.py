#!/usr/bin/python3
"""A loopback parts supplier and carrier for the gateway and CLI tests (stdlib only).

Speaks the contracts in gateways/README.md: POST /orders, GET /orders/{id}, POST /shipments,
idempotent by "reference" (a reference it has seen gets the same order id / tracking number).
Every request must carry "Authorization: Bearer <token>" (argv[1]) or gets 401.

Test controls (no token needed), all under /_test/:
  POST /_test/next   {"mode": "fail" | "drop" | "hang", "count": n}  the next n contract requests:
                     fail answers 503; drop does the work, then closes without an answer;
                     hang waits 5 s before answering
  POST /_test/orders/{id}  {"status": ..., "eta": ..., "detail": ...}  the supplier moves an order on
  GET  /_test/counts       {"orders": n, "shipments": n, "requests": n}  distinct orders and
                           shipments made, and contract requests seen
Prints "PORT <port>" (127.0.0.1, the port chosen by the system) once ready, as
tests/gateways/loopback_server.hpp expects; exits when its standard input closes, so it never
outlives the test that started it.
"""
import os
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = sys.argv[1] if len(sys.argv) > 1 else "test-token"
lock = threading.Lock()
orders = {}         # id -> {"reference", "status", "eta", "detail", "request"}
order_refs = {}     # reference -> id
shipments = {}      # reference -> {"carrier", "tracking"}
pending = {"mode": None, "count": 0}
requests_seen = [0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the test reads stdout for the port only
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw or b"{}")

    def fault(self):
        """The mode that applies to this contract request, if any."""
        with lock:
            requests_seen[0] += 1
            if pending["count"] > 0:
                pending["count"] -= 1
                return pending["mode"]
        return None

    def authorised(self):
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            self.reply(401, {"error": "unauthorised"})
            return False
        return True

    def finish_contract(self, mode, status, body):
        if mode == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if mode == "hang":
            time.sleep(5)
        self.reply(status, body)

    def do_GET(self):
        if self.path == "/_test/counts":
            with lock:
                self.reply(200, {"orders": len(orders), "shipments": len(shipments),
                                 "requests": requests_seen[0]})
            return
        if not self.path.startswith("/orders/"):
            self.reply(404, {"error": "no such path"})
            return
        if not self.authorised():
            return
        mode = self.fault()
        if mode == "fail":
            self.reply(503, {"error": "supplier busy"})
            return
        order_id = self.path[len("/orders/"):]
        with lock:
            order = orders.get(order_id)
            answer = None if order is None else {
                "order_id": order_id, "status": order["status"], "eta": order["eta"], "detail": order["detail"]}
        if answer is None:
            self.reply(404, {"error": "no order " + order_id})
            return
        self.finish_contract(mode, 200, answer)

    def do_POST(self):
        if self.path.startswith("/_test/"):
            self.control()
            return
        if self.path not in ("/orders", "/shipments"):
            self.reply(404, {"error": "no such path"})
            return
        if not self.authorised():
            return
        request = self.body()
        mode = self.fault()
        if mode == "fail":
            self.reply(503, {"error": "try again later"})
            return
        reference = request.get("reference")
        if not reference:
            self.reply(400, {"error": "reference is required"})
            return
        with lock:
            if self.path == "/orders":
                if reference not in order_refs:
                    order_id = "PO-%d" % (1000 + len(orders))
                    order_refs[reference] = order_id
                    orders[order_id] = {"reference": reference, "status": "ordered", "eta": None,
                                        "detail": "", "request": request}
                answer = {"order_id": order_refs[reference]}
            else:
                if reference not in shipments:
                    shipments[reference] = {"carrier": "Posten",
                                            "tracking": "70%010d" % (4711 + len(shipments))}
                answer = dict(shipments[reference])
        self.finish_contract(mode, 201, answer)

    def control(self):
        request = self.body()
        with lock:
            if self.path == "/_test/next":
                pending["mode"] = request["mode"]
                pending["count"] = int(request.get("count", 1))
            elif self.path.startswith("/_test/orders/"):
                order = orders.get(self.path[len("/_test/orders/"):])
                if order is None:
                    self.reply(404, {"error": "no such order"})
                    return
                for key in ("status", "eta", "detail"):
                    if key in request:
                        order[key] = request[key]
            else:
                self.reply(404, {"error": "no such control"})
                return
        self.reply(200, {"ok": True})


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=exit_at_end_of_input, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


def exit_at_end_of_input():
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
