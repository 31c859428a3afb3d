"""How much a visitor may send, and where uploaded files wait: in memory, never on disk.

The application form is the largest thing a visitor sends (three PDFs of
10 MB each and a few lines of text), so no public request may be larger:
the body's announced length is checked before a byte of it is read, and a
larger one is answered 413 with a German page. A body without a length
(chunked) is answered 411, as Django would not read it anyway.

Django spools uploads over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) into the
system's temp folder, where a worker killed mid-upload leaves applicants'
documents in plain text. Public requests get only an in-memory handler
instead, bounded by the limit above. This has to happen in a middleware
ahead of CsrfViewMiddleware: the CSRF check reads request.POST (and with it
the files) before any view, and the application form is a route of the
posting's page, reached through Wagtail's serve view. Staff's uploads in
the admin (films, images) keep Django's handlers.
"""

from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.urls import reverse

from campaign.sites.errors import length_required, request_too_large
from careers.applications.forms import MAX_DOCUMENTS
from careers.models.applications import MAX_DOCUMENT_BYTES

# Room for the form's text fields (the cover letter's 10,000 characters at
# up to four bytes each, the rest) and the multipart framing.
FORM_MARGIN_BYTES = 1024 * 1024
MAX_PUBLIC_REQUEST_BYTES = MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + FORM_MARGIN_BYTES


class InMemoryUploadHandler(MemoryFileUploadHandler):
    """Django's memory handler without its 2.5 MB threshold (past which it
    would hand over to the temp-file handler): the body is bounded already."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True


def announced_length(request):
    """The body's length as the client announced it: an int, or None without one."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or ""), 0)
    except ValueError:
        return None


class PublicUploadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def is_admin(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path_info.startswith(self.admin_prefix)

    def __call__(self, request):
        if self.is_admin(request):
            return self.get_response(request)
        length = announced_length(request)
        if length is None and "HTTP_TRANSFER_ENCODING" in request.META:
            return length_required(request)
        if length and length > MAX_PUBLIC_REQUEST_BYTES:
            return request_too_large(request, MAX_PUBLIC_REQUEST_BYTES)
        request.upload_handlers = [InMemoryUploadHandler(request)]
        return self.get_response(request)
