"""One page of a long list, addressed as `?seite=N`.

Every list that can grow with an employer's data (postings, search results,
a job field's or a place's open postings) shows a page at a time, so a
page's cost stays flat however many rows there are. A page number that is
not a whole number in range is a 404 with a German message, never a 500 and
never silently the first page.
"""

from django.core.paginator import Paginator
from django.http import Http404

from campaign.sites.page_cache import reads

PAGE_PARAMETER = "seite"


def requested_page(request):
    """The page number this request asks for (text), as the page cache knows."""
    reads(request, PAGE_PARAMETER)
    return request.GET.get(PAGE_PARAMETER, "1")


def page_of(items, number, per_page, missing):
    """Page `number` (text from the address, or a number) of `items`; `missing`
    is the message of the 404 for a page that does not exist."""
    paginator = Paginator(items, per_page)
    if isinstance(number, str):
        if not number.isdigit():
            raise Http404(missing)
        number = int(number)
    if not 1 <= number <= paginator.num_pages:
        raise Http404(missing)
    return paginator.page(number)
