for fmt, args in (("{} {}", (1,)), ("{0} {}", (1, 2)), ("{:d}", ("x",))):
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
