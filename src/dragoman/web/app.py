"""The dragoman web server: a read-only JSON API under /api/ and a dashboard, over one SQLite store."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterable

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from . import api, pages, pictures, sources, stories
from .params import BadParameter
from .rendering import error_page
from .security import default_allowed_hosts, install
from .stores import StorePool, prepare_database

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """Who said what and who did what to whom, read from news articles.

Every list is paged with `limit` (1-500) and `offset`; a page says `has_more` and `next_offset`.
Dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY` and both ends are inclusive. Actor parameters take an
actor id, a code (`RUS` also matches `RUS GOV`) or a name. A malformed parameter gives 400 or 422
with a message; an unknown id gives 404.
"""


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return error_page(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
        return error_page(request, 422, problems)


def create_app(db_path: str, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The API and dashboard over the dragoman database at ``db_path`` (which must exist).

    ``allowed_hosts``: the Host names to answer (others get 400); None answers any, as a test
    client or a proxy in front may need; ``serve`` always gives the list."""
    prepare_database(db_path)
    stores = StorePool(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close()

    # Swagger UI and ReDoc load from a CDN; the offline reference page is /api instead.
    app = FastAPI(title="dragoman", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.stores = stores
    app.state.db_path = str(db_path)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(stories.api_router)
    app.include_router(pictures.api_router)
    app.include_router(pages.router)
    app.include_router(pictures.router)
    app.include_router(stories.pages_router)
    app.include_router(sources.router)
    _install_error_handlers(app)
    install(app, allowed_hosts)
    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          allowed_hosts: Iterable[str] | None = None) -> None:
    """Serve the dashboard and API until interrupted; by default only to requests that name the
    bound address (or, bound to loopback, localhost) as their Host."""
    import uvicorn

    hosts = list(allowed_hosts) if allowed_hosts else default_allowed_hosts(host)
    uvicorn.run(create_app(db_path, allowed_hosts=hosts), host=host, port=port)
