"""Events such as the B40 Balkan Cities forum; refers to the shared core only."""
