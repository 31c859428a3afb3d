"""Job fields, postings, departments, locations: filled by the careers issues."""
