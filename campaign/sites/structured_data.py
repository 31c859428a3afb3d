"""schema.org data for search engines: the JSON-LD data block and the Event.

careers builds its JobPosting with the same `script_data`.
"""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe


def script_data(data):
    """JSON for a <script type="application/ld+json"> data block, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)


def event(page, *, url, organisation, organisation_url):
    """The schema.org Event of an event page, as a dict for `script_data`."""
    address = {"@type": "PostalAddress", "addressLocality": page.venue_city, "addressCountry": "DE"}
    if page.venue_street:
        address["streetAddress"] = page.venue_street
    if page.venue_postal_code:
        address["postalCode"] = page.venue_postal_code
    return {
        "@context": "https://schema.org/",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "url": url,
        "location": {"@type": "Place", "name": page.venue_name, "address": address},
        "organizer": {"@type": "Organization", "name": organisation, "url": organisation_url},
    }
