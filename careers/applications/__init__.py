"""Online applications for job postings: form, encrypted documents, HR admin, retention."""
