def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        return "V:" + str(e)
    finally:
        print("cleanup", n)
print(risky(0), risky(5))
