print(format(3.5), format(3.5, ".3f"), format(42, "06d"), format("s", "^5"), format(True), format(None))
print(format(1234.5, ","), format(12, "b"), format(0.5, "%"))
