for v in (5, -5, 0):
    print(f"{v:+d} {v: d} {v:=+5d} {v:05d}")
print(f"{-1.5:+.1f} {2.0:+.0f} {3:b}")
