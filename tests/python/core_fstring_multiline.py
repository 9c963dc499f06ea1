n = 2
msg = f'''line one {n}
line two {n * 2}
'''
print(msg, end="")
