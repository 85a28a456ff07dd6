"""Developer tools: training the occupation model, measuring rules on real postings."""
