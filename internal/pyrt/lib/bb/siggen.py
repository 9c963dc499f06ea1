# bb.siggen: signature generator base classes that layers subclass; gobake computes task
# signatures in Go, these keep layer code importable.
import bb


class SignatureGenerator(object):
    name = "noop"

    def __init__(self, data):
        self.basehash = {}
        self.taskhash = {}
        self.unihash = {}
        self.runtaskdeps = {}
        self.file_checksum_values = {}
        self.taints = {}
        self.unitaskhashes = {}
        self.tidtopn = {}
        self.setscenetasks = set()

    def finalise(self, fn, d, varient):
        return

    def get_unihash(self, tid):
        return self.taskhash.get(tid, "")

    def get_taskhash(self, tid, deps, dataCaches):
        return "0"

    def writeout_file_checksum_cache(self):
        return

    def stampfile(self, stampbase, file_name, taskname, extrainfo):
        return ("%s.%s.%s" % (stampbase, taskname, extrainfo)).rstrip(".")

    def dump_sigtask(self, fn, task, stampbase, runtime):
        return

    def invalidate_task(self, task, mcfn):
        return

    def dump_sigs(self, dataCache, options):
        return

    def set_setscene_tasks(self, setscene_tasks):
        self.setscenetasks = set(setscene_tasks)


class SignatureGeneratorBasic(SignatureGenerator):
    name = "basic"

    def __init__(self, data):
        SignatureGenerator.__init__(self, data)
        self.basewhitelist = set((data.getVar("BB_BASEHASH_IGNORE_VARS") or "").split())
        self.taskwhitelist = None


class SignatureGeneratorBasicHash(SignatureGeneratorBasic):
    name = "basichash"


class SignatureGeneratorUniHashMixIn(object):
    def __init__(self, data):
        self.extramethod = {}
        super(SignatureGeneratorUniHashMixIn, self).__init__(data)


def dump_this_task(outfile, d):
    return


def find_siginfo(pn, taskname, taskhashlist, d):
    return {}


find_siginfo_version = 2
