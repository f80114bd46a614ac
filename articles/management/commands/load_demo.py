"""`manage.py load_demo`: load (or refresh) the demo newsroom. Safe to run any number of times."""

from django.core.management.base import BaseCommand

from articles import demo


class Command(BaseCommand):
    help = "Load the demo content (the BTA B40 story and what surrounds it); idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-logins",
            action="store_true",
            help="Create the demo logins even with DEBUG off (they share a published password).",
        )

    def handle(self, *args, with_logins=False, **options):
        summary = demo.load(with_logins=demo.logins_allowed(with_logins))
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary['articles']} stories."))
        if summary["logins"]:
            self.stdout.write(f"Demo logins for /admin/ (password: {summary['password']}):")
            for name in summary["logins"]:
                self.stdout.write(f"  {name}")
        else:
            self.stdout.write("No demo logins created (DEBUG is off; pass --with-logins to create them).")
