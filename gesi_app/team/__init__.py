"""The team: the staff accounts an admin manages (list, add, change role, agency and whether
they can sign in). Above ``accounts`` (identity) and ``agencies``: an agency officer belongs to
an agency. ``service`` holds the rules, ``forms`` reads the pages' forms, ``routes`` the pages."""
