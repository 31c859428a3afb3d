"""Secret preview links: a press office shows the latest draft of a page to
people without a login (an internal assembly, the district councillors)
before it goes live.

A link names a page, not a revision: whoever opens it sees the page's latest
draft at that moment. It needs no login, expires at the end of a chosen day,
can be revoked (deleted) in the admin, is never stored by the page cache or
any proxy and asks search engines not to index it. Only the number of times it
was opened is kept, nothing about who opened it. Wagtail has no shareable
preview of its own (its preview needs an editor's session); the token is
`campaign.sites.signed_links`' signed (id, random key) pair.
"""
