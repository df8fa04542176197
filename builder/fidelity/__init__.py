"""`qms fidelity`: does every document say the same thing in the pull-request preview (the GFM
reference rendering), on the built site and in the printed PDF? Compares visible words in
order, list items with their depth, table rows and cells, links and headings."""
