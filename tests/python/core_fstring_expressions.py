items = ["a", "b", "c"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{items[0].upper()}{items[-1] * 2}")
print(f"{'yes' if items else 'no'}")
print(f"{sum(i for i in range(4))}")
