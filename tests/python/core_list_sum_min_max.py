nums = [4, -2, 7, 0]
print(sum(nums), min(nums), max(nums), sum(nums, 10), sorted(nums)[1:3], any(nums), all(nums))
