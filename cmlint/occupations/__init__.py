"""Occupations learned from real postings: features of a line and the linear model that reads them."""
