"""HR of a site in the admin: the site's applications listed, read, exported, their
status set and documents downloaded; nobody else learns that they exist."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from campaign.sites.roles import HR, PRESS_OFFICE
from careers.applications import services, storage
from careers.factories import JobPostingPageFactory
from careers.models import Application, ApplicationStatus, JobPostingPage
from tests.careers.applications.conftest import HOST, OTHER_HOST, user_in
from tests.support import count_queries, get_with_query_budget, login_with_second_factor

ADMIN_HOST = "localhost"
LIST = "/admin/bewerbungen/"
CHOOSER = "/admin/stellenauswahl/"


@pytest.fixture
def application(posting, valid_data, pdf_bytes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit(posting, valid_data, [("Lebenslauf.pdf", pdf_bytes)])


def _urls(application):
    document = application.documents.get()
    return {
        "listing": LIST,
        "export": f"{LIST}?export=csv",
        "detail": f"{LIST}inspect/{application.pk}/",
        "status": f"{LIST}edit/{application.pk}/",
        "history": f"{LIST}history/{application.pk}/",
        "usage": f"{LIST}usage/{application.pk}/",
        "delete": f"{LIST}delete/{application.pk}/",
        "download": f"{LIST}unterlage/{document.pk}/",
    }


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _who(name):
    if name == "anonymous":
        return None
    if name == "member":
        return get_user_model().objects.create_user(username="mitglied", password="x")
    if name == "superuser":
        return get_user_model().objects.create_superuser(username="admin", password="x")
    role, hostname = {
        "press office": (PRESS_OFFICE, HOST),
        "hr": (HR, HOST),
        "hr elsewhere": (HR, OTHER_HOST),
    }[name]
    return user_in(hostname, role)


@pytest.mark.parametrize(
    "who", ["anonymous", "member", "press office", "hr elsewhere", "hr", "superuser"]
)
def test_only_hr_of_the_site_and_superusers_reach_applicant_data(client, application, who):
    user = _who(who)
    if user is not None:
        login_with_second_factor(client, user)
    for name, url in _urls(application).items():
        # HR reads and sets the status; deleting by hand is left to superusers
        # (retention and withdrawal delete on their own).
        allowed = who == "superuser" or (who == "hr" and name != "delete")
        response = client.get(url, HTTP_HOST=ADMIN_HOST)
        body = _body(response)
        if allowed:
            assert response.status_code == 200, (name, response.status_code)
            if name in ("listing", "export", "detail"):
                assert application.receipt_number.encode() in body
            continue
        # HR of another site has its own (empty) listing; everything else is not found,
        # or off to the login: never the data, never a 403.
        own_listing = who == "hr elsewhere" and name in ("listing", "export")
        expected = (200,) if own_listing else (302, 404)
        assert response.status_code in expected, (who, name, response.status_code)
        if response.status_code == 302 and who in ("anonymous", "member"):
            assert "/admin/login/" in response["Location"]
        if name == "download":
            assert response.status_code == 404  # a guessed file address: nothing, for anyone
        assert b"ada@example.org" not in body
        assert b"%PDF" not in body
        assert application.receipt_number.encode() not in body
    if who == "press office":
        # Admin users without the right see no menu item either.
        home = client.get("/admin/", HTTP_HOST=ADMIN_HOST).text
        assert '"url": "/admin/bewerbungen/"' not in home


def test_hr_lists_the_sites_applications_newest_first_and_filters_them(
    client, application, posting, valid_data, pdf_bytes
):
    later = services.submit(posting, {**valid_data, "first_name": "Bea"}, [("cv.pdf", pdf_bytes)])
    login_with_second_factor(client, user_in(HOST, HR))

    listing = get_with_query_budget(client, LIST, host=ADMIN_HOST, max_queries=30).text
    menu = client.get("/admin/", HTTP_HOST=ADMIN_HOST).text

    assert '"label": "Bewerbungen"' in menu
    assert '"url": "/admin/bewerbungen/"' in menu
    assert listing.index(later.receipt_number) < listing.index(application.receipt_number)
    assert posting.title in listing
    filtered = client.get(LIST, {"status": ApplicationStatus.INVITED}, HTTP_HOST=ADMIN_HOST).text
    assert application.receipt_number not in filtered
    by_posting = client.get(LIST, {"posting": posting.pk}, HTTP_HOST=ADMIN_HOST).text
    assert application.receipt_number in by_posting


def test_more_applications_cost_the_listing_no_more_queries(
    client, application, posting, valid_data, pdf_bytes
):
    login_with_second_factor(client, user_in(HOST, HR))
    client.get(LIST, HTTP_HOST=ADMIN_HOST)
    with_one = count_queries(client, LIST, host=ADMIN_HOST)
    for _number in range(5):
        services.submit(posting, valid_data, [("cv.pdf", pdf_bytes)])

    assert count_queries(client, LIST, host=ADMIN_HOST) == with_one


def test_the_csv_export_holds_the_sites_applications(client, application):
    login_with_second_factor(client, user_in(HOST, HR))

    export = client.get(LIST, {"export": "csv"}, HTTP_HOST=ADMIN_HOST)

    content = _body(export).decode()
    assert export.status_code == 200
    assert "bewerbungen" in export["Content-Disposition"]
    assert application.receipt_number in content
    assert "ada@example.org" in content


def test_hr_sets_the_status(client, application):
    login_with_second_factor(client, user_in(HOST, HR))

    response = client.post(
        f"{LIST}edit/{application.pk}/",
        {"status": ApplicationStatus.INVITED},
        HTTP_HOST=ADMIN_HOST,
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INVITED


def test_the_detail_links_the_documents_which_download_decrypted_and_inert(
    client, application, pdf_bytes
):
    login_with_second_factor(client, user_in(HOST, HR))
    urls = _urls(application)

    detail = client.get(urls["detail"], HTTP_HOST=ADMIN_HOST).text
    download = client.get(urls["download"], HTTP_HOST=ADMIN_HOST)

    assert "Ich bewerbe mich mit Freude." in detail
    assert f'href="{urls["download"]}"' in detail
    assert "Lebenslauf.pdf" in detail
    assert download.content == pdf_bytes
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Lebenslauf.pdf"'
    assert "no-store" in download["Cache-Control"]
    assert download["Content-Security-Policy"] == "sandbox"
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_changed_file_is_refused_not_served(client, application):
    login_with_second_factor(client, user_in(HOST, HR))
    stored = storage.path_of(application.documents.get().pk)
    stored.write_bytes(stored.read_bytes()[:-1] + b"\x00")

    response = client.get(_urls(application)["download"], HTTP_HOST=ADMIN_HOST)

    assert response.status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()


@pytest.mark.parametrize("who", ["hr", "superuser"])
def test_without_the_second_factor_no_applicant_data_is_shown(client, application, who):
    client.force_login(_who(who))  # the password step only

    for name, url in _urls(application).items():
        response = client.get(url, HTTP_HOST=ADMIN_HOST)

        assert response.status_code == 302, name
        assert "/admin/zweiter-faktor/" in response["Location"]


def _other_sites_postings(hostname=OTHER_HOST):
    other = Site.objects.get(hostname=hostname)
    return list(JobPostingPage.objects.descendant_of(other.root_page).order_by("title"))


def test_the_posting_filter_is_a_chooser_of_the_sites_postings_only(client, application, posting):
    elsewhere = _other_sites_postings()
    own_count = JobPostingPage.objects.descendant_of(posting.get_site().root_page).count()
    login_with_second_factor(client, user_in(HOST, HR))

    listing = get_with_query_budget(client, LIST, host=ADMIN_HOST, max_queries=30).text
    chooser = client.get(CHOOSER, {"p": 1}, HTTP_HOST=ADMIN_HOST).json()["html"]
    searched = client.get(
        f"{CHOOSER}results/", {"q": posting.title.split()[0]}, HTTP_HOST=ADMIN_HOST
    ).text
    chosen = client.get(f"{CHOOSER}chosen/{posting.pk}/", HTTP_HOST=ADMIN_HOST).json()

    # No <select> of every posting: a button that opens the chooser.
    assert 'type="hidden" name="posting"' in listing
    assert f'<option value="{posting.pk}"' not in listing
    assert "Stellenangebot wählen" in listing
    assert "Kennziffer" in chooser
    assert own_count > 20
    assert chooser.count("data-chooser-modal-choice") == 20  # a page of them
    assert posting.title in searched
    assert chosen["result"]["title"] == posting.title
    for other in elsewhere:
        assert other.title not in listing + chooser + searched
        # Another employer's posting, asked for by its id: nothing.
        refused = client.get(f"{CHOOSER}chosen/{other.pk}/", HTTP_HOST=ADMIN_HOST)
        assert refused.status_code == 404


def test_hr_filters_by_a_posting_and_never_sees_another_employers_title(
    client, application, posting, valid_data, pdf_bytes
):
    site_postings = JobPostingPage.objects.descendant_of(posting.get_site().root_page)
    second = site_postings.exclude(pk=posting.pk).live().first()
    other_application = services.submit(second, valid_data, [("cv.pdf", pdf_bytes)])
    foreign = _other_sites_postings()[0]
    login_with_second_factor(client, user_in(HOST, HR))

    by_posting = client.get(LIST, {"posting": posting.pk}, HTTP_HOST=ADMIN_HOST).text
    by_foreign = client.get(LIST, {"posting": foreign.pk}, HTTP_HOST=ADMIN_HOST)
    by_nonsense = client.get(LIST, {"posting": "x' OR 1=1"}, HTTP_HOST=ADMIN_HOST)

    assert application.receipt_number in by_posting
    assert other_application.receipt_number not in by_posting
    assert posting.title in by_posting  # the chosen posting names itself
    for response in (by_foreign, by_nonsense):
        assert response.status_code == 200
        assert foreign.title not in response.text
        assert application.receipt_number in response.text  # the listing, unfiltered
        assert other_application.receipt_number in response.text
        assert "Bitte eine gültige Auswahl treffen" in response.text


def test_more_postings_cost_the_listing_neither_queries_nor_bytes(client, application, posting):
    login_with_second_factor(client, user_in(HOST, HR))
    client.get(LIST, HTTP_HOST=ADMIN_HOST)
    before = client.get(LIST, HTTP_HOST=ADMIN_HOST)
    queries_before = count_queries(client, LIST, host=ADMIN_HOST)
    for number in range(40):
        JobPostingPageFactory(parent=posting.get_parent(), title=f"Weitere Stelle {number}")

    after = client.get(LIST, HTTP_HOST=ADMIN_HOST)

    assert count_queries(client, LIST, host=ADMIN_HOST) == queries_before
    assert "Weitere Stelle" not in after.text
    # The page differs by tokens and ids only, not by a line per posting.
    assert abs(len(after.content) - len(before.content)) < 200
