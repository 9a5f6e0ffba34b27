"""The back office: the staff page frame, navigation, settings pages, sign-in and user pages."""
