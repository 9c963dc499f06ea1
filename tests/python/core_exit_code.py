# sys.exit with an int gives that exit status after output.
import sys
print("before exit")
sys.exit(3)
