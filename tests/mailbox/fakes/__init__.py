"""Local fakes of remote mail APIs (Graph, EWS), answering with their documented messages."""
