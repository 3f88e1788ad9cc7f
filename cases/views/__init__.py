"""The catalogue's pages, by page family: the list and a case, places, the pages of the terms
cases are classified by, the map, the matrix, and the export twins of the lists."""
