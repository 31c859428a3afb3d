"""Filters for the LOGGING setting."""

import logging
import math
import threading
import time


class OncePerMinute(logging.Filter):
    """One record a minute per process, with the error's message in place of its
    traceback. While Redis is down every cache call fails, and django-redis logs
    each (campaign/project/settings/base.py): one line a minute says as much as thousands."""

    interval = 60

    def __init__(self):
        super().__init__()
        self._last = -math.inf
        self._lock = threading.Lock()

    def filter(self, record):
        with self._lock:
            now = time.monotonic()
            if now - self._last < self.interval:
                return False
            self._last = now
        if record.exc_info:
            message, error = record.getMessage(), record.exc_info[1]
            record.msg = "%s: %s (weitere Meldungen dieser Art höchstens einmal pro Minute)"
            record.args = (message, error)
            record.exc_info = record.exc_text = None
        return True
