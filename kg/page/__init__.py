"""Graph -> the interactive HTML page: ``render`` (the graph walked into nodes and edges, and
the page), ``layout`` (PageRank, seeded positions), ``style`` (colours and shapes by class and
relation family), ``html`` (the template, vis-network inlined, the Content-Security-Policy),
``subgraph`` (the part a query picks, for ``kg render --query``); ``templates/`` holds the
page's template and script, and those of ``kg serve``'s page."""
