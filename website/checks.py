"""``check --deploy`` warns while the operator details for the legal pages are missing."""

from django.core.checks import Warning, register
from django.db import DatabaseError

W001 = "website.W001"


@register("website", deploy=True)
def operator_details_check(app_configs=None, databases=None, **kwargs):
    from website.models import SiteOperator

    hint = (
        "Im Admin unter „Website und Betreiber → Betreiberangaben“ ausfüllen; bis dahin "
        "sagen Impressum, Datenschutz und Barrierefreiheit, dass Angaben fehlen."
    )
    # a deploy check reads the database on purpose: the details live there, not in settings
    try:
        operator = SiteOperator.objects.filter(pk=SiteOperator.SINGLETON_ID).first()
    except DatabaseError:
        return [
            Warning(
                "Betreiberangaben nicht lesbar (Datenbank nicht migriert?).", hint=hint, id=W001
            )
        ]
    missing = (operator or SiteOperator()).missing_fields()
    if not missing:
        return []
    return [Warning("Betreiberangaben fehlen: " + ", ".join(missing) + ".", hint=hint, id=W001)]
