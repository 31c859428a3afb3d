"""The employer's films on its other websites (the district's home page), with
no third party in between.

- `/filme/<id>/player/`: a player page of its own, the film alone (both cuts,
  subtitles, transcript) with no cookie and no request elsewhere; other sites
  may frame it only when the employer lists them
  (EmployerSettings.film_embedding_origins → CSP frame-ancestors of this page
  alone; every other page keeps `frame-ancestors 'none'`). Stored by the page
  cache like any public page; a change of the film or the settings purges it
  (campaign/sites/page_cache/purge.py).
- `/oembed/?url=…`: oEmbed (JSON, type "video") for a player page of the
  request's own site; the player page names it in a discovery link.
- The admin's film form shows the embed code (templatetags/film_embeds.py).

A film is embeddable on the site whose collection holds it, never when its
collection is restricted (members only): then both answer 404.
"""
