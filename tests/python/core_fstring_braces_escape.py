v = 5
print(f"{{literal}} {v} {{{v}}}")
