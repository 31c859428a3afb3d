"""The members' e-mails (django-tasks): confirming the address, resetting the
password, and telling an account's owner that someone tried to register it again.

The task gets the account's id and the site's address, never the link: the
token is made when the mail goes out, so the task table holds no secret.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from django_tasks import task

from campaign.members.tokens import make_key

VERIFY = "verify"
RESET = "reset"
EXISTS = "exists"


def _link(kind, user, next_url):
    if kind == EXISTS:
        return reverse("members:password_reset")
    if kind == VERIFY:
        path = reverse("members:verify", kwargs={"key": make_key(user)})
        return f"{path}?{urlencode({'next': next_url})}" if next_url else path
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("members:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


@task()
def send_member_mail(kind, user_id, base_url, site_name, language="de", next_url="", asked_on=""):
    """Send the confirmation (`verify`), reset (`reset`) or already-registered
    (`exists`) mail, if the account is still there. `base_url` and `site_name`
    are the account's own site; `asked_on` names another site it was asked on."""
    users = get_user_model().objects
    user = (users.filter(is_active=False) if kind == VERIFY else users).filter(pk=user_id).first()
    if user is None:
        return
    with translation.override(language):
        context = {
            "url": base_url.rstrip("/") + _link(kind, user, next_url),
            "login_url": base_url.rstrip("/") + reverse("members:login"),
            "site_name": site_name,
            "asked_on": asked_on,
            "email": user.email,
        }
        subject = render_to_string(f"campaign/members/mail/{kind}_subject.txt", context)
        body = render_to_string(f"campaign/members/mail/{kind}.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()
