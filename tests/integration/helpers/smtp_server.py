#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for the SMTP provider's tests.

Listens on 127.0.0.1 and stores every message it accepts as NNNN.eml in --maildir, with
NNNN.json beside it: the envelope and what the server saw of the session (TLS, the login name).

Modes:
  plain     no TLS, no AUTH
  starttls  STARTTLS required before anything else, then AUTH required (--user/--password)
  smtps     TLS from the first byte (implicit TLS), then AUTH required

Recipients whose local part is "reject" get 550, "busy" get 451.

Prints "READY <port>" on standard output once it accepts connections, and runs until it is
terminated (SIGTERM) or its standard input closes.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local == "reject":
            return "550 5.1.1 Mailbox unavailable"
        if local == "busy":
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            base = os.path.join(self.maildir, "%04d" % self.count)
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode("utf-8", "replace")
        raw = envelope.original_content or envelope.content
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None
            or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "login": login,
            "parsed": parse_message(raw),
        }
        # Written under a temporary name first: the test never reads half a message.
        with open(base + ".eml.tmp", "wb") as f:
            f.write(raw)
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Message accepted for delivery"


def parse_message(raw):
    """The message as a mail client reads it (Python's own MIME parser, not the sender's)."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    sender = msg["From"]
    parsed = {
        "from_name": sender.addresses[0].display_name if sender else None,
        "from_address": sender.addresses[0].addr_spec if sender else None,
        "to": str(msg["To"]),
        "subject": str(msg["Subject"]),
        "date": str(msg["Date"]),
        "date_valid": msg["Date"] is not None and msg["Date"].datetime is not None,
        "message_id": str(msg["Message-ID"]),
        "x_verify_session": str(msg["X-Verify-Session"]),
        "mime_version": str(msg["MIME-Version"]),
        "content_type": msg.get_content_type(),
        "defects": [type(d).__name__ for d in msg.defects],
        "parts": [],
    }
    for part in msg.iter_parts() if msg.is_multipart() else []:
        parsed["parts"].append(
            {
                "content_type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
                "body": part.get_content(),
                "defects": [type(d).__name__ for d in part.defects],
            }
        )
    return parsed


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        ):
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)

    return authenticate


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["plain", "starttls", "smtps"], default="plain")
    parser.add_argument("--port", type=int, default=0, help="0: pick a free port")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    args = parser.parse_args()

    handler = MaildirHandler(args.maildir)
    kwargs = {}
    if args.mode != "plain":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        kwargs.update(
            auth_required=True,
            authenticator=make_authenticator(args.user, args.password),
        )
        if args.mode == "starttls":
            kwargs.update(tls_context=context, require_starttls=True, auth_require_tls=True)
        else:
            # The whole connection is TLS; aiosmtpd only counts STARTTLS as encryption for
            # auth_require_tls, so it would not offer AUTH at all.
            kwargs.update(ssl_context=context, auth_require_tls=False)

    port = args.port or free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, server_hostname="smtp.test", **kwargs
    )
    controller.start()
    print("READY %d" % port, flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def watch_stdin():
        # The test holds our standard input open; if it dies, we stop too.
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
