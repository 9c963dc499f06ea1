# bb: the BitBake API surface metadata uses, implemented for gobake's pyrt.
