"""Careers demo: pay tables, departments, job fields and postings of two employers.

Runs after campaign's builder (hook register_demo_builders) and fills
the sites it made: the Bezirksamt Mitte gets its more than 80 job fields
(seed 000), Düsseldorf the 84 opportunities of its Job-Speed-Dating
(seed 004) as postings, some past their deadline. Idempotent: a site whose
job field index exists is left alone.

Pages are created live without revisions (first/last publication dates
set by the factories, so sitemaps still have lastmod): a revision per page
would make the demo, which many tests build, several times slower.
"""

import datetime
from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from taggit.models import Tag
from wagtail.models import Site
from wagtail.search.backends import get_search_backends

from campaign.demo.builder import _demo_image
from campaign.models import CampaignPage, EventDepartment, EventPage, Testimonial
from careers import facets
from careers.choices import Contract, EmploymentType, EntryPath, Status, WorkingTime
from careers.demo import duesseldorf, english, job_field_matcher, mitte, zukunftsorte
from careers.demo.pay_tables import tables
from careers.factories import (
    DepartmentFactory,
    DimensionFactory,
    JobFieldIndexPageFactory,
    JobFieldPageFactory,
    JobPostingIndexPageFactory,
    JobPostingPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    MatcherPageFactory,
)
from careers.kiosk import demo as kiosk_demo
from careers.models import (
    Department,
    DimensionValue,
    JobCategory,
    JobFieldCriterion,
    JobFieldIndexPage,
    JobFieldPage,
    JobPostingPage,
    LocationIndexPage,
    MatcherPage,
    PayRate,
    PayScale,
    RecruitmentSettings,
)
from careers.rules import today
from media_library.demo import demo_film

CALL_TO_ACTION = "Welches Berufsfeld passt zu Ihnen?"

PATHS = {
    "A": EntryPath.AUSBILDUNG,
    "D": EntryPath.DUALES_STUDIUM,
    "Q": EntryPath.QUEREINSTIEG,
    "B": EntryPath.BEAMTENLAUFBAHN,
}
JOB_FIELD_INDEX_LEAD = (
    "Vom Bürgeramt bis zur IT, vom Gesundheitsamt bis zur Stadtplanung: Finden Sie das "
    "Berufsfeld, das zu Ihnen passt, mit Bezahlung und offenen Stellen."
)
POSTING_INDEX_LEAD = (
    "Unsere offenen Stellen, die mit der nächsten Bewerbungsfrist zuerst. Bewerber*innen "
    "aller Geschlechter, jeden Alters und jeder Herkunft sind willkommen."
)


def build(port=8000, log=print):
    """Add the careers content to the demo sites made before; returns nothing new."""
    log("Karriere:")
    scales = _pay_scales()
    categories = _categories()
    sites = {site.hostname: site for site in Site.objects.select_related("root_page")}
    with indexed_in_bulk(JobFieldPage, JobPostingPage):
        if "mitte.localhost" in sites:
            _mitte(sites["mitte.localhost"], scales, categories, log)
        if "duesseldorf.localhost" in sites:
            _duesseldorf(sites["duesseldorf.localhost"], scales, categories, log)
            _events_offer(sites["duesseldorf.localhost"])
            kiosk_demo.add_kiosks(sites["duesseldorf.localhost"])
    if "zukunftsorte.localhost" in sites:
        _zukunftsorte(sites["zukunftsorte.localhost"], log)
    if "mitte.localhost" in sites:
        _mitte_matcher(sites["mitte.localhost"], log)


@contextmanager
def indexed_in_bulk(*models):
    """Index the many new pages once at the end, not one by one as each is saved.

    The search index is what `manage.py update_index` would make: the pages
    of `models` created meanwhile go to every search backend in one batch
    per model. Saves of other models are indexed as usual. The search's
    facet rows of the pages saved meanwhile are written once at the end too.
    """
    since = {model: set(model.objects.values_list("pk", flat=True)) for model in models}
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with facets.deferred():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    created = defaultdict(list)
    for model in models:
        created[model] = list(model.objects.exclude(pk__in=since[model]))
    for backend in get_search_backends():
        for model, pages in created.items():
            if pages:
                backend.add_bulk(model, pages)


@transaction.atomic
def _pay_scales():
    scales = {}
    for name, (kind, note, editions) in tables().items():
        scale, created = PayScale.objects.get_or_create(
            name=name, defaults={"kind": kind, "note": note}
        )
        if created:
            PayRate.objects.bulk_create(
                PayRate(scale=scale, grade=grade, step=step, amount=amount, valid_from=valid_from)
                for valid_from, grades in editions.items()
                for grade, amounts in grades.items()
                for step, amount in enumerate(amounts, start=1)
            )
        scales[name] = scale
    return scales


def _categories():
    categories = {}
    for order, (slug, name) in enumerate(mitte.CATEGORIES):
        categories[slug], _ = JobCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    return categories


def _existing(home, site, log):
    if JobFieldIndexPage.objects.child_of(home).exists():
        log(f"  {site.hostname}: Berufsfelder vorhanden")
        return True
    RecruitmentSettings.objects.get_or_create(site=site)
    return False


def _indexes(home):
    job_field_index = JobFieldIndexPageFactory(parent=home, lead=JOB_FIELD_INDEX_LEAD)
    posting_index = JobPostingIndexPageFactory(parent=home, lead=POSTING_INDEX_LEAD)
    _campaigns_lead_to(job_field_index)
    return job_field_index, posting_index


def _campaigns_lead_to(job_field_index):
    """Each campaign of the site ends with a call to action into its job fields."""
    for campaign in CampaignPage.objects.child_of(job_field_index.get_parent()):
        campaign.body.append(
            (
                "call_to_action",
                {
                    "heading": CALL_TO_ACTION,
                    "text": job_field_index.lead,
                    "page": job_field_index,
                    "link_text": "Zu den Berufsfeldern",
                },
            )
        )
        campaign.save_revision().publish()


def _html_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@transaction.atomic
def _mitte(site, scales, categories, log):
    home = site.root_page
    if _existing(home, site, log):
        return
    departments = {
        name: DepartmentFactory(
            site=site,
            name=name,
            kind=kind,
            street=street,
            postal_code=postal_code,
            city="Berlin",
            region="Berlin",
            home_office=home_office,
        )
        for name, kind, street, postal_code, home_office in mitte.DEPARTMENTS
    }
    job_field_index, posting_index = _indexes(home)
    # Tag objects, not names: saves a lookup per tag and page.
    tags = {
        str(name): Tag.objects.get_or_create(name=str(name))[0]
        for name in [*(c.name for c in categories.values()), *(p.label for p in PATHS.values())]
    }
    job_fields = {}
    for number, spec in enumerate(mitte.JOB_FIELDS):
        chosen = [departments[name] for name in mitte.CATEGORY_DEPARTMENTS[spec.category]]
        working_time = [WorkingTime.VOLLZEIT, WorkingTime.TEILZEIT, WorkingTime.GLEITZEIT]
        if any(department.home_office for department in chosen):
            working_time.append(WorkingTime.MOBILES_ARBEITEN)
        job_fields[spec.title] = JobFieldPageFactory(
            parent=job_field_index,
            title=spec.title,
            lead=spec.lead,
            category=categories[spec.category],
            tasks=_html_list(mitte.TASKS[spec.category][: 3 + number % 2]),
            who_fits=f"<p>{mitte.WHO_FITS[spec.category]}</p>",
            entry_paths=[PATHS[letter] for letter in spec.paths],
            working_time=working_time,
            pay_scale=scales[spec.scale],
            pay_grades=spec.grades,
            departments=chosen,
            tag_names=[
                tags[categories[spec.category].name],
                *(tags[str(PATHS[p].label)] for p in spec.paths),
            ],
        )
    _insights(job_fields[mitte.INSIGHTS_JOB_FIELD], log)
    for number, (title, field_title, department, grades, days, remote) in enumerate(
        mitte.POSTINGS, start=1
    ):
        JobPostingPageFactory(
            parent=posting_index,
            title=title,
            reference=f"BA-MI-{today().year}-{number:03d}",
            job_field=job_fields[field_title],
            departments=[departments[department]],
            lead=job_fields[field_title].lead,
            pay_scale=scales["TV-L"],
            pay_grades=grades,
            remote_share=remote,
            application_deadline=today() + datetime.timedelta(days=days),
            contact_name="Serviceeinheit Personal, Team Recruiting",
            contact_phone="030 9018-32000",
            contact_email="recruiting@ba-mitte.berlin.de",
            apply_email="bewerbung@ba-mitte.berlin.de",
        )
    log(
        f"  {site.hostname}: {len(job_fields)} Berufsfelder, {len(mitte.POSTINGS)} Stellen, "
        f"{len(departments)} Ämter und Standorte"
    )


def _insights(job_field, log):
    """The #WirmachenMitte film and the mayor's words on one job field (seed 000)."""
    insights = [("quote", mitte.INSIGHTS_QUOTE)]
    film = demo_film(log)
    if film is not None:
        insights.insert(0, ("film", {"film": film}))
    job_field.insights = insights
    job_field.save(update_fields=["insights"])


def _status_and_scale(grades, scales):
    if grades.startswith("A "):
        return Status.BEAMTE, scales["Besoldung Nordrhein-Westfalen"]
    if grades in {"Ausbildung", "Duales Studium"}:
        return Status.AUSBILDUNG, scales["TVAöD/TVSöD"]
    return Status.TARIF, scales["TVöD VKA"]


@transaction.atomic
def _duesseldorf(site, scales, categories, log):
    home = site.root_page
    if _existing(home, site, log):
        return
    departments = {
        name: DepartmentFactory(
            site=site,
            name=name,
            kind="amt",
            street=street,
            postal_code=postal_code,
            city="Düsseldorf",
            region="Nordrhein-Westfalen",
            home_office=home_office,
        )
        for name, street, postal_code, home_office in duesseldorf.DEPARTMENTS
    }
    job_field_index, posting_index = _indexes(home)
    job_fields = {}
    for title, category, paths, scale, grades, lead in duesseldorf.JOB_FIELDS:
        chosen = sorted(
            {departments[role[1]] for role in duesseldorf.ROLES if role[2] == title},
            key=lambda department: department.name,
        )
        job_fields[title] = JobFieldPageFactory(
            parent=job_field_index,
            title=title,
            lead=lead,
            category=categories[category],
            entry_paths=[PATHS[letter] for letter in paths],
            pay_scale=scales[scale],
            pay_grades=grades,
            departments=chosen,
        )
    number = 0
    expired = 0
    for role, department, field_title, grades, places in duesseldorf.ROLES:
        status, scale = _status_and_scale(grades, scales)
        for place in places:
            number += 1
            past = number % 7 == 0
            expired += past
            deadline = today() + datetime.timedelta(
                days=-(number % 20) - 1 if past else 7 + (number * 5) % 60
            )
            remote = 100 if "Softwareentwickler" in role else 40 if "IT" in field_title else 0
            JobPostingPageFactory(
                parent=posting_index,
                title=f"{role} – {place}",
                reference=f"{40 + number % 30}/{today().year}/{number:03d}",
                job_field=job_fields[field_title],
                departments=[departments[department]],
                lead=(
                    f"Die Landeshauptstadt Düsseldorf sucht für {department} "
                    f"({place}) Verstärkung als {role}."
                ),
                tasks=duesseldorf.TASKS,
                profile=duesseldorf.PROFILE,
                offer=duesseldorf.OFFER,
                status=status,
                employment_types=[EmploymentType.FULL_TIME]
                + ([EmploymentType.PART_TIME] if number % 3 else []),
                contract=Contract.LIMITED if number % 5 == 0 else Contract.PERMANENT,
                remote_share=remote,
                start_date=(
                    datetime.date(today().year + 1, 8, 1) if status == Status.AUSBILDUNG else None
                ),
                application_deadline=deadline,
                pay_scale=scale,
                pay_grades=grades,
                contact_name="Personal- und Organisationsamt, Recruiting-Team",
                contact_phone="0211 89-00000",
                contact_email="recruiting@duesseldorf.example",
                apply_email="bewerbung@duesseldorf.example",
                apply_url="https://karriere.duesseldorf.example/stellen/" if number % 2 else "",
            )
    log(
        f"  {site.hostname}: {len(job_fields)} Berufsfelder, {number} Stellen "
        f"({expired} abgelaufen), {len(departments)} Ämter"
    )


@transaction.atomic
def _events_offer(site):
    """The site's events: its departments take part and offer the seed's jobs (seed 004).

    Runs on every build, so events added to an existing demo get them too.
    """
    home = site.root_page
    departments = Department.objects.filter(site=site).order_by("pk")
    job_fields = {page.title: page for page in JobFieldPage.objects.descendant_of(home)}
    for event in EventPage.objects.descendant_of(home):
        if event.departments.exists():
            continue
        for order, department in enumerate(departments):
            EventDepartment.objects.create(
                event=event, name=department.name, seats_per_slot=2, sort_order=order
            )
        event.opportunities = [
            ("opportunity", {"title": role, "job_field": job_fields.get(field_title)})
            for role, _department, field_title, _grades, _places in duesseldorf.ROLES[
                : duesseldorf.SPEED_DATING_ROLES
            ]
        ]
        event.save_revision().publish()


def _dimensions(site, specs):
    """The site's matcher questions: (dimension slug, value slug) -> DimensionValue."""
    for order, (slug, name, question, values) in enumerate(specs):
        DimensionFactory(
            site=site, slug=slug, name=name, question=question, sort_order=order, values=values
        )
    values = DimensionValue.objects.filter(dimension__site=site).select_related("dimension")
    return {(value.dimension.slug, value.slug): value for value in values}


@transaction.atomic
def _zukunftsorte(site, log):
    """The twelve Zukunftsorte and "Welcher Zukunftsort passt zu mir?" (seed 001)."""
    home = site.root_page
    values = _dimensions(site, zukunftsorte.DIMENSIONS)
    index = LocationIndexPage.objects.child_of(home).first()
    if index is None:
        index = LocationIndexPageFactory(
            parent=home,
            title=zukunftsorte.INDEX_TITLE,
            slug="zukunftsorte",
            lead=zukunftsorte.INDEX_LEAD,
        )
        for spec in zukunftsorte.LOCATIONS:
            _location(site, index, spec, values)
        log(f"  {site.hostname}: {len(zukunftsorte.LOCATIONS)} Zukunftsorte")
    if not MatcherPage.objects.child_of(home).exists():
        MatcherPageFactory(
            parent=home,
            title=zukunftsorte.MATCHER_TITLE,
            slug="ort-finden",
            lead=zukunftsorte.MATCHER_LEAD,
            source=index,
        )
    english.build_english(site)


def _location(site, index, spec, values):
    image = _demo_image(
        f"Zukunftsort {spec.title}",
        f"Grafik in Petrol und Gelb für den Zukunftsort {spec.title}",
        f"zukunftsort-{spec.slug}",
        "#00665e",
        "#f2a900",
    )
    voices = (
        list(Testimonial.objects.filter(site=site, place__icontains=spec.testimonials_at))
        if spec.testimonials_at
        else []
    )
    insights = (
        [("testimonials", {"heading": "Stimmen vom Ort", "testimonials": voices})] if voices else []
    )
    criteria = []
    for key, weight in spec.criteria.items():
        dimension, value = key.split(":")
        criteria.append((values[(dimension, value)], weight))
    LocationPageFactory(
        parent=index,
        title=spec.title,
        slug=spec.slug,
        lead=spec.lead,
        image=image,
        what_is_there=spec.what_is_there,
        working=spec.working,
        living=spec.living,
        latitude=spec.latitude,
        longitude=spec.longitude,
        insights=insights,
        criteria=criteria,
        contacts=[contact.as_fields() for contact in spec.contacts],
    )


@transaction.atomic
def _mitte_matcher(site, log):
    """Mitte's job fields by way of working and entry, and the matcher over them."""
    home = site.root_page
    index = JobFieldIndexPage.objects.child_of(home).first()
    if index is None:
        return
    values = _dimensions(site, job_field_matcher.DIMENSIONS)
    job_fields = JobFieldPage.objects.child_of(index).select_related("category")
    if not JobFieldCriterion.objects.filter(page__in=job_fields).exists():
        criteria = []
        for job_field in job_fields:
            ways = job_field_matcher.WAYS_OF_WORKING.get(getattr(job_field.category, "slug", ""))
            for order, way in enumerate(ways or []):
                criteria.append((job_field, values[("arbeitsweise", way)], 2 if order == 0 else 1))
            entries = {job_field_matcher.ENTRIES[path] for path in job_field.entry_paths or []}
            criteria += [(job_field, values[("einstieg", entry)], 1) for entry in sorted(entries)]
        JobFieldCriterion.objects.bulk_create(
            JobFieldCriterion(page=page, value=value, weight=weight, sort_order=order)
            for order, (page, value, weight) in enumerate(criteria)
        )
        log(f"  {site.hostname}: {len(criteria)} Kriterien an {len(job_fields)} Berufsfeldern")
    if not MatcherPage.objects.child_of(home).exists():
        MatcherPageFactory(
            parent=home,
            title=job_field_matcher.MATCHER_TITLE,
            slug="berufsfeld-finden",
            lead=job_field_matcher.MATCHER_LEAD,
            source=index,
        )
