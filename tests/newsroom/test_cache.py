"""Purging the public cache changes its version; a broken cache never raises."""

from unittest import mock

from newsroom import cache as public_cache


def test_purge_changes_the_version():
    before = public_cache.public_cache_version()
    public_cache.purge_public_pages()
    assert public_cache.public_cache_version() != before


def test_a_broken_cache_gives_version_zero_and_purge_does_not_raise():
    with mock.patch.object(public_cache.cache, "get", side_effect=ConnectionError("down")):
        assert public_cache.public_cache_version() == 0
    with mock.patch.object(public_cache.cache, "incr", side_effect=ConnectionError("down")):
        public_cache.purge_public_pages()
