"""The embed code of a film, for the admin's film form (campaign/film_embeds)."""

from django import template
from django.template.loader import render_to_string

from campaign.film_embeds.films import embed_code, player_url, site_of_film
from media_library import privacy

register = template.Library()


@register.simple_tag(takes_context=True)
def film_embed_code(context, film):
    site = site_of_film(film) if film and film.pk else None
    restricted = film is not None and privacy.collection_is_restricted(film.collection)
    return render_to_string(
        "campaign/film_embeds/admin_embed_code.html",
        {
            "film": film,
            "site": site,
            "restricted": restricted,
            "code": embed_code(film, site) if site and not restricted else "",
            "player_url": player_url(film, site) if site and not restricted else "",
        },
        request=context.get("request"),
    )
