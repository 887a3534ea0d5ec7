"""Create the first admin account once, and say how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a superuser (ADMIN_USERNAME, default 'admin') with ADMIN_PASSWORD or a "
        "generated password printed once. An existing account is kept; setting "
        "ADMIN_PASSWORD resets its password."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "")
        url = (
            os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/") + "/admin/"
        )
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if password:
            # The account may publish to citizens in danger: the same rules as the admin's
            # own password form (AUTH_PASSWORD_VALIDATORS), checked before anything is saved.
            candidate = user if user is not None else User(username=username)
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(
                    "ADMIN_PASSWORD is not accepted: "
                    + " ".join(error.messages)
                    + " Choose a longer passphrase, or leave ADMIN_PASSWORD unset to get a generated one."
                ) from error
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    f"Admin '{username}': password set from ADMIN_PASSWORD. Log in at {url}"
                )
            else:
                self.stdout.write(
                    f"Admin '{username}' already exists: log in at {url} with the password printed "
                    "when it was created, or run `ADMIN_PASSWORD=... make run` to set a new one."
                )
            return
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created admin account. Log in at {url}"))
        self.stdout.write(f"  username: {username}")
        if generated:
            self.stdout.write(f"  password: {password}   (shown only this once: note it down)")
        else:
            self.stdout.write("  password: the one in ADMIN_PASSWORD")
