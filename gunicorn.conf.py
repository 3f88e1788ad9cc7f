"""gunicorn's settings for the atlas: `gunicorn -c gunicorn.conf.py config.wsgi` (what
`make serve-prod` runs). The environment can change each value; the README's "Deploying"
section says when to."""

import os

# gthread: each worker process serves several requests at once on threads, and its main
# thread keeps reporting to the arbiter while a request streams, so a long CSV export is
# not mistaken for a hung worker.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The default 30 s would kill a worker that is silent that long; a streamed export of a
# large catalogue to a slow client may take minutes, and it would be cut off after 200 OK.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "300"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced now and then, so that slow growth of its memory cannot add up.
max_requests = 2000
max_requests_jitter = 200

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# The access log on stdout with the request id our middleware set, as the app's JSON lines
# on stderr carry it.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s'
