"""Fixed vocabularies of the careers pages: entry paths, working time, status.

Codes are stored; the German labels are what visitors and editors read. The
employment codes are schema.org's employmentType values, so the JSON-LD can
use them as they are.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryPath(models.TextChoices):
    AUSBILDUNG = "ausbildung", _("Ausbildung")
    DUALES_STUDIUM = "duales-studium", _("Duales Studium")
    QUEREINSTIEG = "quereinstieg", _("Quereinstieg")
    BEAMTENLAUFBAHN = "beamtenlaufbahn", _("Beamtenlaufbahn")


class WorkingTime(models.TextChoices):
    VOLLZEIT = "vollzeit", _("Vollzeit")
    TEILZEIT = "teilzeit", _("Teilzeit")
    GLEITZEIT = "gleitzeit", _("Gleitzeit")
    MOBILES_ARBEITEN = "mobiles-arbeiten", _("Mobiles Arbeiten")
    SCHICHTDIENST = "schichtdienst", _("Schichtdienst")
    JOBSHARING = "jobsharing", _("Jobsharing")


class EmploymentType(models.TextChoices):
    FULL_TIME = "FULL_TIME", _("Vollzeit")
    PART_TIME = "PART_TIME", _("Teilzeit")


class Status(models.TextChoices):
    BEAMTE = "beamte", _("Beamtinnen und Beamte")
    TARIF = "tarif", _("Tarifbeschäftigte")
    AUSBILDUNG = "ausbildung", _("Ausbildung")


class Contract(models.TextChoices):
    PERMANENT = "unbefristet", _("Unbefristet")
    LIMITED = "befristet", _("Befristet")


class DepartmentKind(models.TextChoices):
    AMT = "amt", _("Amt")
    STANDORT = "standort", _("Standort")


class PayScaleKind(models.TextChoices):
    TARIF = "tarif", _("Tarifvertrag")
    BESOLDUNG = "besoldung", _("Besoldung")
