# Existing questions become German originals with a translation key each
# (Wagtail's recipe for making a model translatable).
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0005_dimension_translatable_1"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [BootstrapTranslatableModel("careers.Dimension")]
