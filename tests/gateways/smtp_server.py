#!/usr/bin/python3
"""A real SMTP server on loopback for tests (aiosmtpd, Debian's python3-aiosmtpd).

--mode plain     no TLS at all (STARTTLS not offered)
--mode starttls  STARTTLS offered and required before MAIL (--cert/--key)
--mode smtps     TLS from the first byte (implicit TLS, --cert/--key)
--auth USER:PASSWORD  AUTH required before MAIL; offered only over TLS unless --auth-in-clear
--reject ADDRESS      answer RCPT TO:<ADDRESS> with 550 (repeatable)
--defer ADDRESS       answer RCPT TO:<ADDRESS> with 451 (repeatable)
--hang-data ADDRESS   take a message for ADDRESS (saved as usual), then never answer the DATA:
                      the sender times out not knowing it arrived (repeatable)
Each message accepted is saved in --maildir as N.eml (the raw DATA) and N.json ({"mail_from",
"rcpt_tos", "tls", "login", "parsed"}) before the 250 goes out; "parsed" is what Python's email
package (policy default) reads from it: decoded headers, the body text, the parser's defects; every AUTH attempt is a line in
auth.jsonl ({"mechanism", "login", "tls", "success"}), never the password.
Prints "PORT <n>" when it listens on 127.0.0.1; exits when its standard input closes.
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def write_atomically(path, data):
    with open(path + ".part", "wb") as out:
        out.write(data)
    os.replace(path + ".part", path)


def parsed(data):
    message = email.message_from_bytes(data, policy=email.policy.default)
    headers = {name: str(message[name]) for name in
               ("Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding") if message[name] is not None}
    defects = [type(d).__name__ for d in message.defects]
    for name in headers:
        defects += [type(d).__name__ for d in message[name].defects]
    date = message["Date"].datetime.isoformat() if message["Date"] is not None else None
    return {"headers": headers, "date": date, "charset": message.get_content_charset(),
            "body": message.get_content(), "defects": defects}


class Handler:
    def __init__(self, options):
        self.options = options
        self.numbers = itertools.count(1)

    def over_tls(self, session):
        return self.options.mode == "smtps" or session.ssl is not None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.options.reject:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if address in self.options.defer:
            return "451 4.3.0 <%s>: try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        base = os.path.join(self.options.maildir, str(number))
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else session.auth_data
        envelope_info = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                         "tls": self.over_tls(session), "login": login,
                         "parsed": parsed(envelope.original_content)}
        write_atomically(base + ".eml", envelope.original_content)
        write_atomically(base + ".json", json.dumps(envelope_info).encode())
        if any(address in self.options.hang_data for address in envelope.rcpt_tos):
            await asyncio.sleep(3600)
        return "250 2.0.0 Ok: queued as %d" % number

    def authenticator(self, server, session, envelope, mechanism, auth_data):
        user, _, password = self.options.auth.partition(":")
        success = auth_data.login.decode() == user and auth_data.password.decode() == password
        line = {"mechanism": mechanism, "login": auth_data.login.decode(), "tls": self.over_tls(session),
                "success": success}
        with open(os.path.join(self.options.maildir, "auth.jsonl"), "a") as log:
            log.write(json.dumps(line) + "\n")
        # auth_data becomes session.auth_data: the login, for the saved envelope.
        return AuthResult(success=success, handled=False, auth_data=auth_data.login if success else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["plain", "starttls", "smtps"], default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--auth", default="")
    parser.add_argument("--auth-in-clear", action="store_true")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--hang-data", action="append", default=[])
    options = parser.parse_args()
    os.makedirs(options.maildir, exist_ok=True)

    context = None
    if options.mode != "plain":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)

    handler = Handler(options)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def protocol():
        return SMTP(handler, hostname="localhost", loop=loop,
                    tls_context=context if options.mode == "starttls" else None,
                    require_starttls=options.mode == "starttls",
                    authenticator=handler.authenticator if options.auth else None,
                    auth_required=bool(options.auth),
                    # Implicit TLS is TLS already; aiosmtpd only knows about STARTTLS.
                    auth_require_tls=options.mode == "starttls" and not options.auth_in_clear)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    loop.run_until_complete(loop.create_server(protocol, sock=listener,
                                               ssl=context if options.mode == "smtps" else None))
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    loop.run_forever()


if __name__ == "__main__":
    main()
