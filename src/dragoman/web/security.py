"""What every response of the server carries, and which requests it answers at all.

- Security headers: a Content-Security-Policy that allows only the server's own scripts, styles
  and images (the dashboard has no inline script or style), no framing, no MIME sniffing, no
  referrer sent to the news sites an article links to.
- A Host allow-list: a web page elsewhere can point its own domain name at 127.0.0.1 (DNS
  rebinding) and read the local API from the browser; such a request names the foreign domain in
  its Host header and is refused.
- HEAD is answered wherever GET is, with the headers of the GET and no body.
"""
from __future__ import annotations

import ipaddress
from typing import Iterable

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def default_allowed_hosts(host: str) -> list[str]:
    """The names a browser may use to reach a server bound to ``host``: the address itself, and
    the loopback names when it is a loopback address. Bound to every interface ("0.0.0.0"), no
    single name is right: any Host is accepted and the user should give ``--allow-host``."""
    host = host.strip().strip("[]")
    if host in WILDCARD_ADDRESSES:
        return ["*"]
    names = [host]
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback:
        names += [n for n in LOOPBACK_NAMES if n != host]
    return names


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD as the GET of the same URL, without the body (the length header stays)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def install(app, allowed_hosts: Iterable[str] | None) -> None:
    """Wrap the FastAPI ``app``: headers outermost (so a refused Host gets them too), then the Host
    check (when ``allowed_hosts`` is given and is not "*"), then HEAD."""
    app.add_middleware(HeadAsGet)
    hosts = list(allowed_hosts) if allowed_hosts is not None else None
    if hosts is not None and "*" not in hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)
    app.add_middleware(SecurityHeaders)
