"""Member accounts on the public side: registration with a text captcha and
e-mail confirmation, login (throttled by django-axes), password reset, the
member's own page with deletion. Member-only pages use Wagtail's page privacy
("Private, accessible to logged-in users"); Wagtail sends anonymous visitors
to this login, which then explains what the page is."""
