print("{:.2f}".format(3), "{:e}".format(10), "{:g}".format(1e20), "{:.3g}".format(1234.5))
