import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class Command(BaseCommand):
    help = (
        "Create an editor's account (group Editors, or Publishers with --publisher). At a "
        "terminal it asks for a password; otherwise it prints a one-time link to set one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--publisher", action="store_true", help="may also publish and merge")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="the site's address, for the password-setting link",
        )
        parser.add_argument("--link", action="store_true", help="print the link even at a terminal")

    def handle(self, *args, username, publisher, email, base_url, link, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user “{username}” already exists.")
        group = Group.objects.get(name="Publishers" if publisher else "Editors")
        user = User.objects.create_user(username=username, email=email, is_staff=True)
        user.groups.add(group)
        if sys.stdin.isatty() and not link:
            user.set_password(self.ask_password(user))
            user.save()
            self.stdout.write(f"{username} can now log in at {base_url}/admin/ ({group.name}).")
            return
        user.set_unusable_password()
        user.save()
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        path = reverse("password_reset_confirm", args=[uid, token])
        self.stdout.write(
            f"{username} ({group.name}) created. Send them this one-time link to set a "
            f"password: {base_url.rstrip('/')}{path}"
        )

    def ask_password(self, user):
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ.")
                continue
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return password
