import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("code", e.code)
sys.exit(0)
