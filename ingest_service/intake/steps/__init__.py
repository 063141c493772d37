"""The intake steps, in the order the chain runs them."""
