"""The server's own defences: security headers, the Host allow-list (DNS rebinding), HEAD, and
user text that must not act as a LIKE wildcard. Over the fictional corpus of tests/conftest.py."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dragoman.web import create_app
from dragoman.web.security import default_allowed_hosts


@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(str(corpus_db)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def local_client(corpus_db):
    """As ``dragoman serve`` builds it when bound to 127.0.0.1."""
    app = create_app(str(corpus_db), allowed_hosts=default_allowed_hosts("127.0.0.1"))
    return TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


@pytest.mark.parametrize("url", ["/", "/api/stats", "/api/articles/nope", "/static/style.css", "/quotes?since=x"])
def test_every_response_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_a_foreign_host_name_is_refused(local_client):
    assert local_client.get("/api/stats").status_code == 200
    assert local_client.get("/api/stats", headers={"host": "localhost:8000"}).status_code == 200
    rebound = local_client.get("/api/stats", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400
    assert "articles" not in rebound.text
    assert rebound.headers["x-content-type-options"] == "nosniff"


def test_the_allow_list_defaults_to_the_bound_address():
    assert set(default_allowed_hosts("127.0.0.1")) == {"127.0.0.1", "localhost", "::1"}
    assert default_allowed_hosts("192.0.2.10") == ["192.0.2.10"]
    assert default_allowed_hosts("0.0.0.0") == ["*"]


@pytest.mark.parametrize("url", ["/", "/api/stats", "/api/quotes?limit=2", "/static/app.js", "/actors/KST"])
def test_head_is_answered_like_get_without_a_body(client, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_head_of_a_missing_page_is_404(client):
    assert client.head("/api/articles/0000000000000000").status_code == 404


def test_percent_and_underscore_are_not_wildcards(client):
    assert client.get("/api/actors/%25").status_code == 404
    assert client.get("/api/actors/_").status_code == 404
    assert client.get("/api/quotes", params={"speaker": "%"}).json()["items"] == []
    assert client.get("/api/quotes", params={"speaker": "_"}).json()["items"] == []
    assert client.get("/api/actors", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/events", params={"source": "%"}).json()["items"] == []
    # the same lookups by real words still work
    assert client.get("/api/actors/Kestria").json()["id"] == "KST"
    assert client.get("/api/quotes", params={"speaker": "Varnek"}).json()["items"]
