"""An event's kiosk (seed 004: 1,988 conversations, 444 applications on the spot).

Staff open the kiosk on a tablet through a secret, time-limited link that the
press office or HR create in the admin for an event (`EventKiosk`, admin.py);
no admin login is needed on the tablet. Visitors choose one of the
employer's open postings (those of the event's job fields first) and leave a
short application in under a minute; it is an `Application` of that posting
marked "vor Ort" (its `event`), listed, kept and deleted like every other
(careers/applications/). The confirmation mail carries a signed link, valid
KIOSK_DOCUMENTS_LINK_DAYS, through which the applicant adds PDFs later, with
the form's checks and the encrypted storage. Staff count participants and
each department's conversations with one tap (`KioskTally`); the event page's
results come from these counts once the event is over
(campaign.events.models.EventPage.results).

Every kiosk page carries a CSRF token and a secret address: never cached,
never indexed (`render_public_form`). Applications are limited per kiosk,
not per address (one tablet is one address): KIOSK_APPLICATION_LIMIT.
"""
