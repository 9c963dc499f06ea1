def parse(v):
    return int(v)
def main():
    return parse("nope")
main()
