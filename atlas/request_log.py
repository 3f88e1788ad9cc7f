"""A request id on every response, log record and error page, so that a visitor who quotes
the id of an error page leads us to its log lines, whichever process served it."""

import json
import logging
import re
import uuid
from contextvars import ContextVar

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

HEADER = "X-Request-ID"
# A proxy's id is kept when it is a plain token (a UUID, nginx's $request_id, …); anything
# else could forge or flood log lines, so it is replaced by one of ours.
SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
current_request_id = ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request.id
        return response


def install_record_factory():
    """Every log record carries the id of the request being served ("-" outside one),
    whichever handler (console, mail, a test's capture) receives it."""
    make_record = logging.getLogRecordFactory()

    def record_with_request_id(*args, **kwargs):
        record = make_record(*args, **kwargs)
        record.request_id = current_request_id.get()
        return record

    logging.setLogRecordFactory(record_with_request_id)


class IdOfLoggedRequest(logging.Filter):
    """Django logs each 4xx/5xx response after the middleware has returned, when the id is
    no longer current; it passes the request along, and the request holds the id."""

    def filter(self, record):
        request_id = getattr(getattr(record, "request", None), "id", None)
        if request_id:
            record.request_id = request_id
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object a line: what log collectors parse without a pattern."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if hasattr(record, "status_code"):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


@requires_csrf_token
def server_error(request):
    """Django's 500 view, plus the request id. Rendered without context processors, like
    Django's own: the error may lie in the database or anything else they touch."""
    page = loader.render_to_string("500.html", {"request_id": getattr(request, "id", "")})
    return HttpResponseServerError(page)


def csrf_failure(request, reason=""):
    """Django's CSRF failure page, in the site's 403 layout with the request id: it is the
    error page a visitor meets after a form sat open too long or cookies were refused."""
    context = {"csrf_failed": True}
    return render(request, "403.html", context, status=403)
