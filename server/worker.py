"""gunicorn's sync worker, keeping a client's connection open between its requests while no other client waits.

A sync worker serves one connection at a time (a busy worker accepts none), so a query past its time limit
can be stopped by ending the process (server/queries.py) without hurting another client. gunicorn's own sync
worker closes every connection after one response; a client then pays a TCP connect, an accept and a
graceful close per request, more than a point lookup costs. This worker keeps the guarantee and lets a
connection live on while that costs no one: it still holds at most one connection, and

- it answers `Connection: close` when another client is already waiting at the listening socket as the
  request starts, or the worker is stopping (max_requests, a restart);
- between requests it waits for the client's next request and for new clients at once; a new client is
  accepted (so the idle connection is closed) only after the kept one has been idle for `IDLE_GRACE`
  seconds, since a client that has just been answered usually sends its next request within a millisecond,
  and closing an idle connection while its next request is on the way makes the client retry it;
- an idle connection is closed after gunicorn's `keepalive` seconds, as gunicorn's threaded worker does.
"""
from __future__ import annotations

import errno
import select
import socket
import time
from datetime import timedelta

from gunicorn import http, util
from gunicorn.http import wsgi
from gunicorn.workers.sync import SyncWorker

IDLE_GRACE = 0.05  # seconds a kept connection may stay idle before a waiting client takes its worker
NOTHING_WAITING = (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK)


class KeepAliveWorker(SyncWorker):
    """See the module's docstring."""

    def handle(self, listener, client, addr):
        req = None
        try:
            parser = http.get_parser(self.cfg, client, addr)
            while True:
                req = next(parser)
                if not self.handle_request(listener, req, client, addr):
                    return
                req = None
                following = self.next_connection(listener, client)
                if following is None:
                    return
                if following[0] is not client:  # a waiting client takes the worker: the idle one is let go
                    client.close()
                    client, addr = following
                    parser = http.get_parser(self.cfg, client, addr)
        except (http.errors.NoMoreData, StopIteration):
            pass  # the client closed, or the worker gave up on the connection
        except OSError as e:
            if e.errno not in (errno.EPIPE, errno.ECONNRESET, errno.ENOTCONN):
                self.log.exception("Socket error processing request.")
        except BaseException as e:
            self.handle_error(req, client, addr, e)
        finally:
            util.close_graceful(client)

    def next_connection(self, listener, client):
        """(client, addr) when the client sends its next request, a new (socket, addr) when a waiting client
        is accepted, None when the connection is to be closed (idle too long, or the worker is stopping)."""
        idle_since = time.monotonic()
        closing_at = idle_since + self.cfg.keepalive
        while self.alive:
            self.notify()
            now = time.monotonic()
            if now >= closing_at:
                return None
            watched = [client, self.PIPE[0]]
            if now - idle_since >= IDLE_GRACE:
                watched.append(listener)
                wait = min(closing_at - now, 1.0)
            else:
                wait = idle_since + IDLE_GRACE - now
            readable, _, _ = select.select(watched, [], [], wait)
            if client in readable:
                return client, None
            if self.PIPE[0] in readable:
                return None  # a signal: gunicorn's arbiter tells the worker something (stop, reopen logs)
            if listener in readable:
                try:
                    new, addr = listener.accept()
                except OSError as e:
                    if e.errno in NOTHING_WAITING:
                        continue  # another worker took it
                    raise
                new.setblocking(True)
                util.close_on_exec(new)
                return new, addr
        return None

    def handle_request(self, listener, req, client, addr) -> bool:
        """Serve one request as gunicorn's sync worker does; whether the connection may serve another."""
        environ, resp = {}, None
        try:
            self.cfg.pre_request(self, req)
            started = time.monotonic()
            resp, environ = wsgi.create(req, client, addr, listener.getsockname(), self.cfg)
            self.nr += 1
            if self.nr >= self.max_requests:
                self.log.info("Autorestarting worker after current request.")
                self.alive = False
            if not self.alive or _someone_waiting(listener):
                resp.force_close()
            respiter = self.wsgi(environ, resp.start_response)
            try:
                if isinstance(respiter, environ["wsgi.file_wrapper"]):
                    resp.write_file(respiter)
                else:
                    for item in respiter:
                        resp.write(item)
                resp.close()
            finally:
                self.log.access(resp, req, environ, _elapsed(started))
                if hasattr(respiter, "close"):
                    respiter.close()
            return not resp.should_close()
        except OSError:
            raise  # the connection's own failure, for handle(): not an error of the application
        except (Exception, SystemExit):
            if resp and resp.headers_sent:  # a second answer on the same socket would corrupt the first
                self.log.exception("Error handling request")
                raise StopIteration()
            raise
        finally:
            try:
                self.cfg.post_request(self, req, environ, resp)
            except Exception:
                self.log.exception("Exception in post_request hook")


def _someone_waiting(listener: socket.socket) -> bool:
    readable, _, _ = select.select([listener], [], [], 0)
    return bool(readable)


def _elapsed(started: float) -> timedelta:
    return timedelta(seconds=time.monotonic() - started)
