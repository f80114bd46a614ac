"""newsroom: the project package (settings, URLs, WSGI/ASGI) and the shared core app.

The core holds what every other app refers to: municipalities, officials and their mandates,
sections and tags, the photo library, site strings and the news modal, Bulgarian
transliteration and HTML sanitizing.
"""
