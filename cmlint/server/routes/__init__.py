"""The server's routes, one router per concern, in the order the OpenAPI schema lists them."""

from __future__ import annotations

from fastapi import APIRouter

from cmlint.server.routes import checking, health, page, reference

ROUTERS: tuple[APIRouter, ...] = (health.router, checking.router, page.router, reference.router)
