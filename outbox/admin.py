from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outbox.models import OutgoingMail
from outbox.services import mail_retry


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Staff see what is waiting and why a mail failed; nothing is edited by hand."""

    list_display = ["created_at", "subject", "recipients", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "to", "last_error"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]
    readonly_fields = [
        "subject",
        "from_email",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("An"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    @admin.action(description=_("Jetzt erneut versuchen"), permissions=["change"])
    def retry_now(self, request, queryset):
        count = mail_retry(queryset=queryset)
        self.message_user(
            request,
            ngettext("%d E-Mail wartet erneut.", "%d E-Mails warten erneut.", count) % count,
            messages.SUCCESS,
        )
