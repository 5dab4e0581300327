"""The graph handed to other tools: ``export`` (RDF syntaxes with named graphs, GraphML, GEXF),
``push`` (to a Graph Store Protocol server) and ``network`` (the entity graph as a networkx
``MultiDiGraph``; ``kg.analytics`` until kg 0.2)."""
