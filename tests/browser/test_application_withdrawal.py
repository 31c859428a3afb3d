"""An applicant withdraws an application by the link of the confirmation
mail, with the keyboard: the page asks first, the button deletes it with its
files, and the link then says it is gone. Both pages pass axe.

The live server runs in this process, so its locmem mails land in
django.core.mail.outbox.
"""

import re

from django.core import mail

from careers.applications import services, storage
from careers.models import Application, JobPostingPage
from tests.browser.axe import axe_violations
from tests.careers.applications.conftest import make_pdf

HOST = "duesseldorf.localhost"


def test_an_applicant_withdraws_by_the_mailed_link(page, browser_log, live_demo):
    posting = (
        JobPostingPage.objects.descendant_of(live_demo.site(HOST).root_page).live().open().first()
    )
    data = {"first_name": "Ada", "last_name": "Muster", "email": "ada@example.org"}
    application = services.submit(posting, data, [("Lebenslauf.pdf", make_pdf())])
    document_id = application.documents.get().pk
    link = re.search(r"https?://\S+/bewerbung/zurueckziehen/\S+/", mail.outbox[-1].body).group()
    # The mail's link names the employer's site; the browser talks to the live server.
    path = link.split("/", 3)[3]

    page.goto(live_demo.url(HOST, f"/{path}"))
    assert application.receipt_number in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []

    button = page.get_by_role("button", name="Bewerbung zurückziehen und löschen")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert "ist gelöscht" in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not storage.path_of(document_id).exists()
    assert browser_log.csp_violations == []
    assert browser_log.foreign_requests(live_demo.origin(HOST)) == []
