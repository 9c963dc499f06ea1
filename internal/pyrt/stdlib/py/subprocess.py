"""subprocess: run child processes (gobake, on the Go-backed _subprocess)."""
import _subprocess
import os

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        SubprocessError.__init__(self, returncode, cmd, output, stderr)
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    @property
    def stdout(self):
        return self.output

    def __str__(self):
        if self.returncode and self.returncode < 0:
            import signal
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        SubprocessError.__init__(self, cmd, timeout, output, stderr)
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    @property
    def stdout(self):
        return self.output

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)


class CompletedProcess(object):
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ['args=%r' % (self.args,), 'returncode=%r' % (self.returncode,)]
        if self.stdout is not None:
            parts.append('stdout=%r' % (self.stdout,))
        if self.stderr is not None:
            parts.append('stderr=%r' % (self.stderr,))
        return 'CompletedProcess(' + ', '.join(parts) + ')'

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate_newlines(s):
    return s.replace('\r\n', '\n').replace('\r', '\n')


class _PipeFile(object):
    """The parent's end of a child's stdin, stdout or stderr pipe."""

    def __init__(self, proc, which, text, encoding, errors):
        self._proc = proc
        self._which = which
        self._text = text
        self._encoding = encoding or 'utf-8'
        self._errors = errors or 'strict'
        self.closed = False

    def _dec(self, b):
        if self._text:
            return _translate_newlines(b.decode(self._encoding, self._errors))
        return b

    def read(self, n=-1):
        return self._dec(_subprocess.read(self._proc, self._which, n))

    def readline(self):
        return self._dec(_subprocess.readline(self._proc, self._which))

    def readlines(self):
        out = []
        while True:
            line = self.readline()
            if len(line) == 0:
                return out
            out.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def __next__(self):
        line = self.readline()
        if len(line) == 0:
            raise StopIteration
        return line

    def write(self, data):
        if self._text:
            data = data.encode(self._encoding, self._errors)
        return _subprocess.write(self._proc, data)

    def flush(self):
        pass

    def close(self):
        if not self.closed:
            self.closed = True
            _subprocess.close(self._proc, self._which)

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()
        return False


def _env_list(env):
    if env is None:
        return None
    out = []
    for k in env:
        out.append(k + '=' + env[k])
    return out


def list2cmdline(seq):
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (' ' in arg) or ('\t' in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


class Popen(object):
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.text_mode = bool(text or universal_newlines or encoding or errors)
        self._encoding = encoding
        self._errors = errors
        if isinstance(args, (str, bytes)) or hasattr(args, '__fspath__'):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            if isinstance(args, (str, bytes)):
                argv = ['/bin/sh', '-c', args]
            else:
                argv = ['/bin/sh', '-c'] + argv
            if executable:
                argv[0] = executable
            executable = None
        argv = [os.fspath(a) for a in argv]
        if cwd is not None:
            cwd = os.fspath(cwd)
        self._proc = _subprocess.spawn(argv, executable, cwd, _env_list(env), stdin, stdout, stderr,
                                       start_new_session)
        self.pid = _subprocess.pid(self._proc)
        self.returncode = None
        self.stdin = None
        self.stdout = None
        self.stderr = None
        if stdin == PIPE:
            self.stdin = _PipeFile(self._proc, 0, self.text_mode, encoding, errors)
        if stdout == PIPE:
            self.stdout = _PipeFile(self._proc, 1, self.text_mode, encoding, errors)
        if stderr == PIPE:
            self.stderr = _PipeFile(self._proc, 2, self.text_mode, encoding, errors)

    def __repr__(self):
        return '<Popen: returncode: %s args: %r>' % (self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr, self.stdin):
            if f is not None:
                f.close()
        self.wait()
        return False

    def _dec(self, b):
        if b is None or not self.text_mode:
            return b
        return _translate_newlines(b.decode(self._encoding or 'utf-8', self._errors or 'strict'))

    def communicate(self, input=None, timeout=None):
        if input is not None and self.text_mode:
            input = input.encode(self._encoding or 'utf-8', self._errors or 'strict')
        r = _subprocess.communicate(self._proc, input, timeout)
        if r is None:
            raise TimeoutExpired(self.args, timeout)
        for f in (self.stdout, self.stderr, self.stdin):
            if f is not None:
                f.closed = True
        self.returncode = _subprocess.wait(self._proc)
        return (self._dec(r[0]), self._dec(r[1]))

    def poll(self):
        if self.returncode is None:
            self.returncode = _subprocess.poll(self._proc)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            rc = _subprocess.wait(self._proc, timeout)
            if rc is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = rc
        return self.returncode

    def send_signal(self, sig):
        _subprocess.signal(self._proc, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    p = Popen(*popenargs, **kwargs)
    try:
        stdout, stderr = p.communicate(input, timeout=timeout)
    except TimeoutExpired:
        p.kill()
        p.wait()
        raise
    retcode = p.poll()
    if check and retcode:
        raise CalledProcessError(retcode, p.args, output=stdout, stderr=stderr)
    return CompletedProcess(p.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    p = Popen(*popenargs, **kwargs)
    try:
        return p.wait(timeout=timeout)
    except TimeoutExpired:
        p.kill()
        p.wait()
        raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if 'stdout' in kwargs:
        raise ValueError('stdout argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') or kwargs.get('errors'):
            kwargs['input'] = ''
        else:
            kwargs['input'] = b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd):
    return getstatusoutput(cmd)[1]
