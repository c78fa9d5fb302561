"""Getting article text out of what users have: files, pages, PDFs; their dates and metadata.

The older modules (``dragoman.read``, ``dragoman.clean``, ``dragoman.metadata``) stay where they
are; what is new for web pages lives here: ``html`` (main text of a page) and ``pagedates``
(its publication date and where that date was found).
"""
