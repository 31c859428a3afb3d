"""careers/models/criteria.py: dimensions and values editors keep per site."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from careers.factories import DimensionFactory
from careers.models import Dimension
from tests.support import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_the_matchers_own_parameters_are_no_dimension_slugs(site):
    for slug in ("wichtig", "seite"):
        with pytest.raises(ValidationError, match="braucht das Matching selbst"):
            Dimension(site=site, name="Wichtig", slug=slug).full_clean()


def test_dimension_becomes_the_engines_plain_value(site):
    dimension = DimensionFactory(
        site=site,
        name="Lebensumfeld",
        slug="lebensumfeld",
        values=[("grossstadt", "Großstadt", "Leben in der Stadt"), ("land", "Land")],
    )

    plain = dimension.as_engine_value()

    assert plain.slug == "lebensumfeld"
    assert [(v.slug, v.label, v.reason) for v in plain.values] == [
        ("grossstadt", "Großstadt", "Leben in der Stadt"),
        ("land", "Land", ""),
    ]
    assert str(dimension.values.first()) == "Lebensumfeld: Großstadt"


def test_editors_add_a_dimension_with_values_in_the_admin(client, site):
    user = get_user_model().objects.create_superuser("redaktion", "r@example.de", "geheim-123")
    login_with_second_factor(client, user)
    url = "/admin/snippets/careers/dimension/add/"
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "site": site.pk,
            "name": "Branche",
            "slug": "branche",
            "question": "In welcher Branche möchten Sie arbeiten?",
            "sort_order": 0,
            "values-TOTAL_FORMS": 2,
            "values-INITIAL_FORMS": 0,
            "values-MIN_NUM_FORMS": 1,
            "values-MAX_NUM_FORMS": 1000,
            "values-0-name": "Chemie",
            "values-0-slug": "chemie",
            "values-0-reason": "",
            "values-0-ORDER": 1,
            "values-1-name": "Life Sciences",
            "values-1-slug": "life-sciences",
            "values-1-reason": "",
            "values-1-ORDER": 2,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    dimension = Dimension.objects.get(site=site, slug="branche")
    assert list(dimension.values.values_list("slug", flat=True)) == ["chemie", "life-sciences"]
