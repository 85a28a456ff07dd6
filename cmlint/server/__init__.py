"""``cmlint serve``: one local server with the page for HR teams and the JSON API for job boards.

Layout: :mod:`~cmlint.server.settings` (what can be configured),
:mod:`~cmlint.server.pool` (lint worker processes with a time budget),
:mod:`~cmlint.server.schemas` (request and response models),
:mod:`~cmlint.server.errors` (every failure as a Russian JSON error, body limits),
:mod:`~cmlint.server.extract` (uploaded files → text), :mod:`~cmlint.server.batch`
(JSONL in, JSONL out), :mod:`~cmlint.server.app` (the routes),
:mod:`~cmlint.server.run` (uvicorn, logging, shutdown) and ``static/`` (the page).
Needs the ``web`` extra: ``pip install 'cmlint[web]'``.
"""
