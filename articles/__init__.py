"""Articles: stories, their photos, workflow, revisions, public views, feeds, sitemaps, search.
Refers to the shared core (newsroom) and to events."""
