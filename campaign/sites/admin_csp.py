"""A nonce for the inline scripts of Wagtail's admin, so the CSP stays strict.

Wagtail 8 still renders a few widget initialisers as inline scripts (image
and page choosers, inline panels, date pickers; wagtail/wagtail#1288). Rather
than allow 'unsafe-inline', admin responses get a per-request nonce on the
<script> elements Wagtail's own templates rendered. Inline event handlers and
javascript: URLs stay blocked there too; public pages get no nonce at all.
"""

import re

from csp.constants import NONCE
from django.urls import reverse

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\ssrc=)(?=[\s>])")


class AdminScriptNonceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if (
            request.path.startswith(self.admin_prefix)
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
        ):
            nonce = str(request.csp_nonce).encode()
            response.content = INLINE_SCRIPT.sub(
                b'<script nonce="' + nonce + b'"', response.content
            )
            response._csp_update = {"script-src": [NONCE]}
        return response
