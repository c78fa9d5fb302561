"""The dashboard's templates: one Jinja environment, and ``render`` for every page module."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..export import QUAD_CLASSES
from .highlight import actor_href, event_title, marked, quad_slug, web_url
from .labels import EVENT_TYPES, QUOTE_KINDS, article_name, inline_code, place_label, plural

TEMPLATES_DIR = Path(__file__).parent / "templates"


def url_with(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None drops one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_with=url_with, actor_href=actor_href, quad_slug=quad_slug, marked=marked,
                       event_title=event_title, web_url=web_url, QUAD_CLASSES=QUAD_CLASSES, version=__version__,
                       EVENT_TYPES=EVENT_TYPES, QUOTE_KINDS=QUOTE_KINDS, plural=plural, article_name=article_name,
                       place_label=place_label)
    env.filters["inline_code"] = inline_code
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status_code, status=status_code, message=message)
