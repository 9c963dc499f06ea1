print("{{}} {{{}}}".format(5))
