"""Job alerts (Stellenalarm): subscribe with double opt-in, match new postings, daily digests.

subscriptions.py  subscribe, confirm, unsubscribe, signed links, retention
matching.py       which new open postings each subscription gets (one batch at a time)
mails.py          the confirmation mail and the digest (with RFC 8058 one-click unsubscribe)
tasks.py          django-tasks: the confirmation mail, digests in batches
forms.py, views.py  the pages under /stellenalarm/
"""
