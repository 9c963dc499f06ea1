# bb.process: running shell commands.
import _pyrt_bb


class CmdError(RuntimeError):
    def __init__(self, command, msg=None):
        self.command = command
        self.msg = msg
        RuntimeError.__init__(self, command, msg)

    def __str__(self):
        if not isinstance(self.command, str):
            cmd = " ".join(self.command)
        else:
            cmd = self.command
        msg = "Execution of '%s' failed" % cmd
        if self.msg:
            msg += ": %s" % self.msg
        return msg


class NotFoundError(CmdError):
    def __str__(self):
        return CmdError.__str__(self) + ": command not found"


class ExecutionError(CmdError):
    def __init__(self, command, exitcode, stdout=None, stderr=None):
        CmdError.__init__(self, command)
        self.exitcode = exitcode
        self.stdout = stdout
        self.stderr = stderr
        self.extra_message = None

    def __str__(self):
        message = ""
        if self.stderr:
            message += self.stderr
        if self.stdout:
            message += self.stdout
        if message:
            message = ":\n" + message
        return (CmdError.__str__(self) + " with exit code %s" % self.exitcode + message +
                (self.extra_message or ""))


def run(cmd, input=None, log=None, extrafiles=None, **options):
    shell = isinstance(cmd, str)
    cwd = options.get("cwd")
    env = options.get("env")
    envlist = None
    if env is not None:
        envlist = ["%s=%s" % (k, env[k]) for k in env]
    stdout, stderr, code = _pyrt_bb.run(cmd, shell, cwd, envlist, input)
    if code == 127 and shell:
        raise NotFoundError(cmd)
    if code != 0:
        raise ExecutionError(cmd, code, stdout, stderr)
    return stdout, stderr
