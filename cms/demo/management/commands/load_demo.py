from django.conf import settings
from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Build the demo: the Oslo base training (16 modules) with Arabic and "
        "English translations, the ICDP and self-help tracks, and demo users. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--insecure-demo-passwords",
            action="store_true",
            help="Give demo users the password 'demo' even when DEBUG is off.",
        )

    def handle(self, *args, **options):
        passwords = settings.DEBUG or options["insecure_demo_passwords"]
        loaded = load_demo(passwords=passwords, log=self.stdout.write)
        if not passwords:
            self.stdout.write(
                "Demo users have no password (DEBUG is off); set them with "
                "'manage.py changepassword' or pass --insecure-demo-passwords."
            )
        self.stdout.write(
            "The alumna's diploma (user 'alumna') is verified at "
            f"{loaded['alumna_verification_url']}"
        )
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
