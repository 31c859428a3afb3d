"""Wagtail's upload views, answering a refused upload with 422 instead of 200.

The form and its German messages are Wagtail's page as ever; only the status
tells scripts, tests and monitoring that nothing was saved. The multiple
uploader keeps Wagtail's JSON answer (`success: false` with the message)
with status 200, because Wagtail's upload script shows the message only from
a successful response.
"""

from wagtail.documents.views import documents
from wagtail.images.views import images

REFUSED = 422


class RefusingMixin:
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = REFUSED
        return response


class ImageCreateView(RefusingMixin, images.CreateView):
    pass


class DocumentCreateView(RefusingMixin, documents.CreateView):
    pass
