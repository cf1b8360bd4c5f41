"""The API's resources, one module each: its declared options, its frozen model, its handle
and its collection on the client (``client.Call``, ...). Resources hand paths and bodies to
the transport and never import requests."""
