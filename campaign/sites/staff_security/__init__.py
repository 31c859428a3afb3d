"""The admin's protection of applicants' data: a second factor (TOTP, django-otp)
for staff who may see applications, and the end of idle staff sessions."""
