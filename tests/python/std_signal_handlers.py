import signal
old = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
def h(signum, frame):
    pass
signal.signal(signal.SIGUSR1, h)
print(signal.getsignal(signal.SIGUSR1) is h)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
