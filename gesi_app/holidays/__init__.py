"""The holidays pages (admins): list the calendar by year, add and remove local holidays, mark a
year complete. Above ``reports``: completing a year gives open reports the deadline that was
unknown for want of a calendar (``reports.deadline_gaps``). The calendar itself, and the one
working-day calculator, are ``gesi_app.calendar``'s."""
