"""The page tree's version: one row whose token changes whenever a page, a
locale, a site or a view restriction changes (lms.curriculum bumps it). Every
process reads it once per request and keeps what it learnt of the tree
(routes, a module's neighbours, its copies in other languages) under that
token, so a change is seen at once by every process, with no invalidation
to send around."""

from django.db import models


class TreeVersion(models.Model):
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "page tree version"

    def __str__(self):
        return self.token
