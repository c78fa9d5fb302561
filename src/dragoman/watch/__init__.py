"""Live monitoring: follow feeds, sitemaps and folders, and analyse what is new.

``sources`` (the sources file, URL normalisation), ``fetch`` (httpx, robots.txt, rate limits,
retries), ``feeds`` (RSS/Atom/JSON feeds, sitemaps), ``folders`` (watchdog), ``monitor`` (the
loop), ``commands`` (the CLI). The state lives in the store (``store/sources.py``).
"""
