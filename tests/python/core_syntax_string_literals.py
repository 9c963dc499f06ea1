a = "double" 'single' """triple"""
b = r"raw\n" + "\n".strip()
c = """multi
line"""
print(a, b, c.split("\n"), len(c))
