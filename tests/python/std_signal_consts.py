import signal
print(signal.SIGTERM, signal.SIGINT, signal.SIGKILL, signal.SIGHUP)
