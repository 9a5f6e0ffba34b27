"""Reports (laporan): the citizen journey, drafts, tracking codes, workflow and deadlines."""
